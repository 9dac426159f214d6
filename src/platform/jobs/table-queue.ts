import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/engine.ts';
import { backoffMs, type JobHandler, type JobOptions, type JobQueue } from './queue.ts';

// The embedded queue: jobs live in the `jobs` table and run in this process.

export class TableJobQueue implements JobQueue {
  readonly kind = 'embedded' as const;
  private handlers = new Map<string, JobHandler>();
  private recurring: { name: string; intervalMs: number; payload: Record<string, unknown> }[] = [];
  private timers: NodeJS.Timeout[] = [];
  private running = false;
  private busy: Promise<number> | null = null;

  constructor(
    private database: Database,
    private clock: Clock,
    private log: (msg: string, err?: unknown) => void = () => undefined,
    private pollMs = 1000,
  ) {}

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  every(name: string, intervalMs: number, payload: Record<string, unknown> = {}): void {
    this.recurring.push({ name, intervalMs, payload });
  }

  async send(name: string, payload: Record<string, unknown> = {}, options: JobOptions = {}): Promise<void> {
    await this.database.db
      .insertInto('jobs')
      .values({
        name,
        payload: JSON.stringify(payload),
        singleton_key: options.singletonKey ?? null,
        run_at: options.runAt ?? this.clock(),
        max_attempts: options.maxAttempts ?? 5,
      })
      .onConflict((oc) =>
        oc.columns(['name', 'singleton_key']).where('singleton_key', 'is not', null).where('completed_at', 'is', null).where('failed_at', 'is', null).doNothing(),
      )
      .execute();
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    for (const r of this.recurring) {
      const tick = () => this.send(r.name, r.payload, { singletonKey: 'recurring' }).catch((e) => this.log(`cannot schedule ${r.name}`, e));
      this.timers.push(setInterval(tick, r.intervalMs));
    }
    this.timers.push(setInterval(() => void this.drain().catch((e) => this.log('job poll failed', e)), this.pollMs));
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.busy;
  }

  drain(): Promise<number> {
    this.busy ??= this.runDue().finally(() => (this.busy = null));
    return this.busy;
  }

  private async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = this.clock();
      const job = await this.database.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('jobs')
          .select(['id', 'name', 'payload', 'attempts', 'max_attempts'])
          .where('completed_at', 'is', null)
          .where('failed_at', 'is', null)
          .where('run_at', '<=', now)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
          .orderBy('run_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return null;
        await trx
          .updateTable('jobs')
          .set({ locked_until: new Date(now.getTime() + 5 * 60 * 1000), attempts: sql`attempts + 1` })
          .where('id', '=', row.id)
          .execute();
        return row;
      });
      if (!job) return ran;
      ran++;
      await this.runOne(job as { id: number; name: string; payload: Record<string, unknown>; attempts: number; max_attempts: number });
    }
  }

  private async runOne(job: { id: number; name: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }) {
    const handler = this.handlers.get(job.name);
    const db = this.database.db;
    try {
      if (!handler) throw new Error(`no handler registered for job ${job.name}`);
      await handler(job.payload);
      await db.updateTable('jobs').set({ completed_at: this.clock(), locked_until: null }).where('id', '=', job.id).execute();
    } catch (err) {
      this.log(`job ${job.name} #${job.id} failed`, err);
      const attempts = job.attempts + 1;
      const failed = attempts >= job.max_attempts;
      await db
        .updateTable('jobs')
        .set({
          last_error: String((err as Error)?.message ?? err).slice(0, 2000),
          locked_until: null,
          failed_at: failed ? this.clock() : null,
          run_at: new Date(this.clock().getTime() + backoffMs(attempts)),
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
