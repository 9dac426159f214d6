import { purgeExpiredSessions } from './access/sessions.ts';
import { purgeExpiredDrafts } from './modules/citizen/index.ts';
import { purgeEmptyQueueCounts } from './modules/dossiers/index.ts';
import { registerNotificationJobs } from './notifications/jobs.ts';
import type { AppContext } from './platform/http/context.ts';
import { scheduleBackups } from './platform/backup.ts';

// Every recurring job of the platform is registered here.
export function registerJobs(ctx: AppContext): void {
  ctx.jobs.register('sessions.purge', async () => {
    await purgeExpiredSessions(ctx.database.db, ctx.clock());
  });
  ctx.jobs.every('sessions.purge', 60 * 60 * 1000);
  ctx.jobs.register('jobs.purge', async () => {
    const now = ctx.clock().getTime();
    await ctx.database.db.deleteFrom('jobs').where((eb) => eb.or([
      eb('completed_at', '<', new Date(now - 24 * 3_600_000)),
      eb('failed_at', '<', new Date(now - 30 * 24 * 3_600_000)),
    ])).execute();
  });
  if (ctx.jobs.kind === 'embedded') ctx.jobs.every('jobs.purge', 60 * 60 * 1000);
  ctx.jobs.register('drafts.purge', async () => {
    await purgeExpiredDrafts(ctx.database.db, ctx.clock());
  });
  ctx.jobs.every('drafts.purge', 24 * 60 * 60 * 1000);
  ctx.jobs.register('dossiers.queue-counts.purge', async () => {
    await purgeEmptyQueueCounts(ctx.database.db);
  });
  ctx.jobs.every('dossiers.queue-counts.purge', 60 * 60 * 1000);
  scheduleBackups(ctx);
  registerNotificationJobs(ctx);
}
