import { randomUUID } from 'node:crypto';
import type { AppContext } from '../http/context.ts';
import {
  messageIdOf, outboxHandlerFor, PermanentDeliveryError,
  type DeliveryReport, type OutboxContext, type OutboxHandler, type OutboxLog, type OutboxMessage,
} from './outbox.ts';
import { claimDueRows, recordDelivered, recordFailure, type OutboxRow } from './repository.ts';
import { outboxBackoffMs } from './status.ts';

// Delivery of due outbox rows. Several server processes may run it at once: each claims its own batch with
// FOR UPDATE SKIP LOCKED and a lease, sends outside any transaction (PGlite has a single connection, and an SMTP
// conversation must not hold a database lock), then records the result only if it still holds the claim. Messages
// sent are recorded together, at the end of the batch or once the oldest unrecorded one is RECORD_EVERY_MS old: a
// worker that dies re-sends at most what it sent in that time (delivery is at least once), and a fast sender does
// not pay a statement per message.

/** The longest a sent message waits to be recorded as sent. */
export const RECORD_EVERY_MS = 250;

export const outboxJobName = 'outbox.deliver';

export interface DeliverOptions {
  /** A fixed instant (tests); absent: the context clock, read again for every batch and result. */
  now?: Date;
  batchSize?: number;
  /** Stop after this many batches even if more rows are due (the next run continues). */
  maxBatches?: number;
  /** Time allowed for one message; the attempt fails after it. */
  timeoutMs?: number;
  /** Handlers that take precedence over the registered ones (tests, special senders). */
  handlers?: Record<string, OutboxHandler>;
  log?: OutboxLog;
}

export interface DeliverySummary {
  claimed: number;
  /** Sent. */
  delivered: number;
  /** Processed without sending (e.g. no SMTP server configured): delivered_at set, outcome 'not_sent'. */
  notSent: number;
  /** Failed and scheduled again. */
  failed: number;
  dead: number;
  /** Results not recorded because the claim was lost (the lease ran out and another worker took the row). */
  lost: number;
}

// The lines of a batch (one per message when no gateway is configured) are written together, once per turn of the
// event loop: one write to the log's pipe instead of one per message, for the server and for whatever reads it.
const waitingLines = { stdout: [] as string[], stderr: [] as string[] };
let flushScheduled = false;

function flushLines(): void {
  flushScheduled = false;
  for (const stream of ['stdout', 'stderr'] as const) {
    if (waitingLines[stream].length) process[stream].write(waitingLines[stream].splice(0).join(''));
  }
}
process.once('exit', flushLines);

export const consoleOutboxLog: OutboxLog = (level, msg, fields) => {
  waitingLines[level === 'info' ? 'stdout' : 'stderr'].push(`${JSON.stringify({ level, component: 'outbox', msg, ...fields })}\n`);
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flushLines);
  }
};

/** Delivers every due row (up to maxBatches batches) and says what happened. */
export async function deliverPending(ctx: OutboxContext, options: DeliverOptions = {}): Promise<DeliverySummary> {
  const batchSize = options.batchSize ?? 10;
  const maxBatches = options.maxBatches ?? 100;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const log = options.log ?? consoleOutboxLog;
  const nowOf = () => options.now ?? ctx.clock();
  const summary: DeliverySummary = { claimed: 0, delivered: 0, notSent: 0, failed: 0, dead: 0, lost: 0 };

  for (let batch = 0; batch < maxBatches; batch++) {
    const now = nowOf();
    const token = randomUUID();
    // Rows of a batch are sent one after another, so the lease covers the whole batch.
    const leaseUntil = new Date(now.getTime() + (batchSize + 1) * timeoutMs);
    const rows = await claimDueRows(ctx.database.db, { now, limit: batchSize, leaseUntil, token });
    summary.claimed += rows.length;
    const sent: Sent[] = [];
    let oldestSent = 0;
    for (const row of rows) {
      const handler = options.handlers?.[row.topic] ?? outboxHandlerFor(row.topic);
      const result = await attempt(ctx, row, handler, { now: nowOf(), log, timeoutMs });
      if (result.ok) {
        if (!sent.length) oldestSent = performance.now();
        sent.push({ row, report: result.report });
      } else {
        await recordFailed(ctx, row, token, result.error, nowOf(), log, summary);
      }
      if (sent.length && performance.now() - oldestSent >= RECORD_EVERY_MS) await recordSent(ctx, sent.splice(0), token, nowOf(), log, summary);
    }
    await recordSent(ctx, sent.splice(0), token, nowOf(), log, summary);
    if (rows.length < batchSize) break;
  }
  return summary;
}

type AttemptResult = { ok: true; report: DeliveryReport } | { ok: false; error: unknown };

async function attempt(
  ctx: OutboxContext, row: OutboxRow, handler: OutboxHandler | undefined,
  opts: { now: Date; log: OutboxLog; timeoutMs: number },
): Promise<AttemptResult> {
  if (!handler) return { ok: false, error: new Error(`no handler registered for topic "${row.topic}"`) };
  const message: OutboxMessage = {
    id: row.id, messageId: messageIdOf(row.id), topic: row.topic, payload: row.payload, unitId: row.unit_id,
    attempt: row.attempts, maxAttempts: row.max_attempts, createdAt: row.created_at,
  };
  try {
    const report = await withTimeout(opts.timeoutMs, (signal) => handler(message, { ctx, now: opts.now, log: opts.log, signal }));
    return { ok: true, report: report ?? { outcome: 'sent' } };
  } catch (error) {
    return { ok: false, error };
  }
}

interface Sent {
  row: OutboxRow;
  report: DeliveryReport;
}

/** How the log names a row's attempt. */
const attemptOf = (row: OutboxRow) => ({ id: row.id, topic: row.topic, attempt: row.attempts });

async function recordSent(ctx: OutboxContext, sent: Sent[], token: string, now: Date, log: OutboxLog, summary: DeliverySummary): Promise<void> {
  if (!sent.length) return;
  const kept = await recordDelivered(ctx.database.db, {
    token, now, deliveries: sent.map(({ row, report }) => ({ id: row.id, outcome: report.outcome, note: report.note ?? null })),
  });
  for (const { row, report } of sent) {
    if (!kept.has(row.id)) {
      summary.lost++;
      log('warn', 'outbox row delivered after its claim was lost; another worker may deliver it again', attemptOf(row));
    } else if (report.outcome === 'sent') summary.delivered++;
    else summary.notSent++;
  }
}

async function recordFailed(ctx: OutboxContext, row: OutboxRow, token: string, err: unknown, now: Date, log: OutboxLog, summary: DeliverySummary): Promise<void> {
  const where = attemptOf(row);
  const error = errorText(err);
  const dead = err instanceof PermanentDeliveryError || row.attempts >= row.max_attempts;
  const retryAt = new Date(now.getTime() + outboxBackoffMs(row.attempts));
  const kept = await recordFailure(ctx.database.db, { id: row.id, token, now, error, retryAt, dead });
  if (!kept) {
    summary.lost++;
    log('warn', 'outbox attempt failed after its claim was lost', { ...where, error });
    return;
  }
  if (dead) summary.dead++;
  else summary.failed++;
  log(dead ? 'error' : 'warn', dead ? 'outbox message gave up (dead)' : 'outbox attempt failed; will retry', {
    ...where, maxAttempts: row.max_attempts, error, retryAt: dead ? null : retryAt.toISOString(),
  });
}

/** A readable, bounded error for the row: SMTP errors carry their code and the server's reply. */
export function errorText(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.code === 'string' ? `${e.code}: ` : '';
  return `${code}${message}`.slice(0, 2000);
}

async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new Error(`timed out after ${ms} ms`);
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Registers the delivery job and runs it every few seconds while the job queue is started. */
export function registerOutboxJob(ctx: AppContext, options: { intervalMs?: number; log?: OutboxLog } = {}): void {
  ctx.jobs.register(outboxJobName, async () => {
    await deliverPending(ctx, { log: options.log });
  });
  ctx.jobs.every(outboxJobName, options.intervalMs ?? 5_000);
}
