import { purgeExpiredSessions } from './access/sessions.ts';
import { registerNotificationJobs } from './notifications/jobs.ts';
import type { AppContext } from './platform/http/context.ts';
import { scheduleBackups } from './platform/backup.ts';

// Every recurring job of the platform is registered here.
export function registerJobs(ctx: AppContext): void {
  ctx.jobs.register('sessions.purge', async () => {
    await purgeExpiredSessions(ctx.database.db, ctx.clock());
  });
  ctx.jobs.every('sessions.purge', 60 * 60 * 1000);
  scheduleBackups(ctx);
  registerNotificationJobs(ctx);
}
