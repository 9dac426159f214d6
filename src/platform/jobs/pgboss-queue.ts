import PgBoss from 'pg-boss';
import type { JobHandler, JobOptions, JobQueue } from './queue.ts';

// On PostgreSQL the queue is pg-boss (in its own `pgboss` schema), so several server processes share it.

export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private boss: PgBoss;
  private handlers = new Map<string, JobHandler>();
  private recurring: { name: string; intervalMs: number; payload: Record<string, unknown> }[] = [];
  private timers: NodeJS.Timeout[] = [];
  private started = false;

  constructor(connectionString: string, private log: (msg: string, err?: unknown) => void = () => undefined) {
    this.boss = new PgBoss({ connectionString, max: 3, application_name: 'gandan-jobs' } as PgBoss.ConstructorOptions);
    this.boss.on('error', (err) => this.log('pg-boss error', err));
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  every(name: string, intervalMs: number, payload: Record<string, unknown> = {}): void {
    this.recurring.push({ name, intervalMs, payload });
  }

  async send(name: string, payload: Record<string, unknown> = {}, options: JobOptions = {}): Promise<void> {
    await this.ensureStarted();
    // pg-boss enforces singleton keys only through queue policies that would also limit keyless jobs, so a pending
    // job with the same key is looked up first (two racing senders may still both enqueue; handlers re-check).
    if (options.singletonKey) {
      const { rows } = await this.boss.getDb().executeSql(
        "select 1 from pgboss.job where name = $1 and singleton_key = $2 and state in ('created', 'retry') limit 1",
        [name, options.singletonKey],
      );
      if (rows.length) return;
    }
    await this.boss.send(name, payload, {
      startAfter: options.runAt,
      singletonKey: options.singletonKey,
      retryLimit: (options.maxAttempts ?? 5) - 1,
      retryBackoff: true,
    });
  }

  private async ensureStarted(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.boss.start();
    for (const name of new Set([...this.handlers.keys(), ...this.recurring.map((r) => r.name)])) {
      await this.boss.createQueue(name);
    }
  }

  async start(): Promise<void> {
    await this.ensureStarted();
    for (const [name, handler] of this.handlers) {
      await this.boss.work<Record<string, unknown>>(name, async (jobs) => {
        for (const job of jobs) await handler(job.data ?? {});
      });
    }
    for (const r of this.recurring) {
      // singletonSeconds keeps several server processes from running the same tick twice.
      const tick = () =>
        this.boss
          .send(r.name, r.payload, { singletonKey: 'recurring', singletonSeconds: Math.max(1, Math.floor(r.intervalMs / 1000)) })
          .catch((e) => this.log(`cannot schedule ${r.name}`, e));
      this.timers.push(setInterval(tick, r.intervalMs));
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
  }

  async drain(): Promise<number> {
    await this.ensureStarted();
    let ran = 0;
    for (const [name, handler] of this.handlers) {
      for (;;) {
        const jobs = await this.boss.fetch<Record<string, unknown>>(name, { batchSize: 50 });
        if (!jobs?.length) break;
        for (const job of jobs) {
          try {
            await handler(job.data ?? {});
            await this.boss.complete(name, job.id);
          } catch (err) {
            await this.boss.fail(name, job.id, { message: String((err as Error)?.message ?? err) });
          }
          ran++;
        }
      }
    }
    return ran;
  }
}
