import type { Config } from './config.ts';
import { buildApp } from './app.ts';
import { demoSeeders } from './demo/seeders.ts';
import { formatDemoAccounts, seedDemo } from './demo/seed.ts';
import { systemClock } from './platform/clock.ts';
import { openDatabase, type Database } from './platform/db/engine.ts';
import { migrate } from './platform/db/migrate.ts';
import type { App } from './platform/http/context.ts';
import { PgBossJobQueue } from './platform/jobs/pgboss-queue.ts';
import type { JobQueue } from './platform/jobs/queue.ts';
import { TableJobQueue } from './platform/jobs/table-queue.ts';
import { registerJobs } from './jobs.ts';

export interface Runtime {
  app: App;
  database: Database;
  jobs: JobQueue;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo when asked, and builds the app with its jobs. */
export async function startRuntime(config: Config, log: (msg: string) => void = console.log): Promise<Runtime> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database);
    if (applied.length) log(`Applied migrations / Đã áp dụng migration: ${applied.join(', ')}`);
    if (config.seedDemo) {
      const accounts = await seedDemo(database, { password: process.env.DEMO_PASSWORD || undefined, seeders: demoSeeders });
      if (accounts) log(formatDemoAccounts(accounts));
    }
    const errorLog = (msg: string, err?: unknown) => console.error(msg, err);
    const jobs: JobQueue = config.databaseUrl
      ? new PgBossJobQueue(config.databaseUrl, errorLog)
      : new TableJobQueue(database, systemClock, errorLog);
    const app = await buildApp({ config, database, jobs });
    registerJobs({ config, database, clock: systemClock, jobs });
    return {
      app, database, jobs,
      async close() {
        await jobs.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
