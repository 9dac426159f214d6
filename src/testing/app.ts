import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { demoSeeders } from '../demo/seeders.ts';
import { seedDemo } from '../demo/seed.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing.ts';
import type { App, AppContext } from '../platform/http/context.ts';
import { TableJobQueue } from '../platform/jobs/table-queue.ts';
import { registerJobs } from '../jobs.ts';

export const demoPassword = 'demo-password-1';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0, host: '127.0.0.1', databaseUrl: null, dataDir: '/nonexistent', dbDir: '/nonexistent/db',
    filesDir: '/nonexistent/files', backupDir: '/nonexistent/backups', backupIntervalHours: 0,
    smtpUrl: null, mailFrom: 'Gần Dân <test@localhost>', publicUrl: 'http://localhost:3000', trustProxy: false,
    sessionSecret: 'test-secret-test-secret-test-secret', seedDemo: true, logLevel: 'silent', rateLimitsOff: true, loginRatePerMinute: 10,
    webDistDir: '/nonexistent/web', ...overrides,
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export interface TestApp {
  app: App;
  database: Database;
  ctx: AppContext;
  /** A settable clock: tests move time with `setNow`. */
  setNow(date: Date | string): void;
  login(username: string, password?: string): Promise<Session>;
  /** inject() with the session cookie and CSRF header. */
  as(session: Session | null, opts: { method?: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(options: { seed?: boolean; config?: Partial<Config>; now?: Date } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  let now = options.now ?? new Date('2026-03-02T02:00:00Z');
  const clock: Clock = () => new Date(now.getTime());
  if (options.seed !== false) await seedDemo(database, { password: demoPassword, now, seeders: demoSeeders });
  const config = testConfig(options.config);
  const jobs = new TableJobQueue(database, clock);
  const app = await buildApp({ config, database, clock, jobs, logger: false });
  const ctx: AppContext = { config, database, clock, jobs };
  registerJobs(ctx);
  await app.ready();

  async function login(username: string, password = demoPassword): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'gd_session')!;
    const body = res.json();
    return { cookie: `gd_session=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
  }

  return {
    app, database, ctx,
    setNow(date) {
      now = new Date(date);
    },
    login,
    as(session, opts) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrf;
      }
      return app.inject({ method: (opts.method ?? 'GET') as 'GET', url: opts.url, payload: opts.payload as object, headers });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function countRows(database: Database, table: 'audit_log' | 'outbox' | 'units' | 'users'): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
