// Pure rules of the outbox: the status a row is in, and how long to wait before the next attempt.

export const outboxStatuses = ['pending', 'failed', 'dead', 'delivered'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export interface OutboxState {
  delivered_at: Date | null;
  dead_at: Date | null;
  last_error: string | null;
}

/**
 * pending: waiting for its first attempt (or put back by a retry); failed: an attempt failed and another is
 * scheduled; dead: gave up after max_attempts (or a permanent error); delivered: the handler completed.
 */
export function outboxStatusOf(row: OutboxState): OutboxStatus {
  if (row.delivered_at) return 'delivered';
  if (row.dead_at) return 'dead';
  return row.last_error === null ? 'pending' : 'failed';
}

const backoffBaseMs = 60_000;
const backoffCapMs = 6 * 60 * 60 * 1000;

/**
 * Wait after the `attempts`-th failed attempt: 1, 2, 4, 8 … minutes, at most 6 hours. With the default of 8
 * attempts a message is retried for about two hours, long enough to ride out a mail server restart.
 */
export function outboxBackoffMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(backoffCapMs, backoffBaseMs * 2 ** (n - 1));
}
