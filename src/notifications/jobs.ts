import type { AppContext } from '../platform/http/context.ts';
import { registerOutboxHandler, registerOutboxJob } from '../platform/outbox/index.ts';
import { createNotifyHandler, notifyTopic } from './notify.ts';

/** The outbox delivery job (every 5 seconds) and the `notify` topic's handler with the default channels. */
export function registerNotificationJobs(ctx: AppContext): void {
  registerOutboxHandler(notifyTopic, createNotifyHandler());
  registerOutboxJob(ctx);
}
