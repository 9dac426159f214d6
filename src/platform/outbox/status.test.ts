import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { outboxBackoffMs, outboxStatusOf } from './status.ts';

describe('outbox status and backoff', () => {
  const at = new Date('2026-03-02T02:00:00Z');

  test('status is derived from delivered_at, dead_at and last_error', () => {
    const table: [Parameters<typeof outboxStatusOf>[0], string][] = [
      [{ delivered_at: null, dead_at: null, last_error: null }, 'pending'],
      [{ delivered_at: null, dead_at: null, last_error: 'boom' }, 'failed'],
      [{ delivered_at: null, dead_at: at, last_error: 'boom' }, 'dead'],
      [{ delivered_at: at, dead_at: null, last_error: 'boom' }, 'delivered'],
      [{ delivered_at: at, dead_at: null, last_error: null }, 'delivered'],
    ];
    for (const [row, status] of table) assert.equal(outboxStatusOf(row), status);
  });

  test('backoff doubles from one minute and is capped at six hours', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((n) => outboxBackoffMs(n) / 60_000), [1, 2, 4, 8, 16, 32, 64]);
    assert.equal(outboxBackoffMs(0), 60_000);
    assert.equal(outboxBackoffMs(30), 6 * 60 * 60 * 1000);
    for (let n = 1; n < 40; n++) assert.ok(outboxBackoffMs(n + 1) >= outboxBackoffMs(n));
  });
});
