import { sql, type Selectable } from 'kysely';
import { unitInReach, type Db, type Reach } from '../../access/reach.ts';
import { insertRows } from '../db/batch.ts';
import type { OutboxTable } from '../db/schema.ts';
import type { OutboxStatus } from './status.ts';
import './schema.ts';

// The only SQL of the outbox.

export type OutboxRow = Selectable<OutboxTable>;

export interface NewOutboxRow {
  topic: string;
  payload: unknown;
  unitId: string | null;
  dedupeKey: string | null;
  /** Absent: the database clock. */
  createdAt?: Date;
  availableAt?: Date;
  maxAttempts?: number;
}

/** The columns written for a new row (the table's defaults for those not given). */
function outboxValues(row: NewOutboxRow) {
  const availableAt = row.availableAt ?? row.createdAt;
  return {
    topic: row.topic,
    payload: JSON.stringify(row.payload),
    unit_id: row.unitId,
    dedupe_key: row.dedupeKey,
    ...(row.createdAt ? { created_at: row.createdAt } : {}),
    ...(availableAt ? { available_at: availableAt } : {}),
    ...(row.maxAttempts ? { max_attempts: row.maxAttempts } : {}),
  };
}

/** The insert of a row; with a dedupe key already used, it inserts nothing. */
function outboxInsert(db: Db, row: NewOutboxRow) {
  return db.insertInto('outbox').values(outboxValues(row)).onConflict((oc) => oc.column('dedupe_key').doNothing());
}

/** As outboxInsert, for a write batch (see insertRows). */
export const outboxInsertForBatch = (row: NewOutboxRow) => insertRows('outbox', [outboxValues(row)], 'on conflict (dedupe_key) do nothing');

/** Inserts a row; with a dedupe key already used, inserts nothing and returns the existing row's id. */
export async function insertOutboxRow(db: Db, row: NewOutboxRow): Promise<{ id: number; created: boolean }> {
  const inserted = await outboxInsert(db, row).returning('id').executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db.selectFrom('outbox').select('id').where('dedupe_key', '=', row.dedupeKey).executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Claims up to `limit` due rows for one worker: rows locked by another worker's claim right now are skipped
 * (SKIP LOCKED), and rows under another worker's lease are not due. Counts the attempt at claim time, so a worker
 * that dies mid-send still uses up an attempt.
 */
export async function claimDueRows(db: Db, claim: { now: Date; limit: number; leaseUntil: Date; token: string }): Promise<OutboxRow[]> {
  const { now } = claim;
  return db
    .updateTable('outbox')
    .set({
      locked_until: claim.leaseUntil,
      lock_token: claim.token,
      attempts: sql<number>`attempts + 1`,
      last_attempt_at: now,
    })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('delivered_at', 'is', null)
        .where('dead_at', 'is', null)
        .where('available_at', '<=', now)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', now)]))
        .orderBy('available_at')
        .orderBy('id')
        .limit(claim.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute()
    .then((rows) => rows.sort((a, b) => a.id - b.id));
}

export interface DeliveryRecord {
  id: number;
  outcome: 'sent' | 'not_sent';
  note: string | null;
}

/**
 * Records completed deliveries made under one claim, in one statement; returns the ids whose claim was still held
 * (the others' lease ran out and another worker took them).
 */
export async function recordDelivered(db: Db, done: { token: string; now: Date; deliveries: DeliveryRecord[] }): Promise<Set<number>> {
  if (!done.deliveries.length) return new Set();
  const { rows } = await sql<{ id: number }>`update outbox as o
    set delivered_at = ${done.now}, outcome = d.outcome, delivery_note = d.note, locked_until = null, lock_token = null
    from unnest(${done.deliveries.map((d) => d.id)}::bigint[], ${done.deliveries.map((d) => d.outcome)}::text[], ${done.deliveries.map((d) => d.note)}::text[]) as d(id, outcome, note)
    where o.id = d.id and o.lock_token = ${done.token}
    returning o.id`.execute(db);
  return new Set(rows.map((r) => Number(r.id)));
}

/** Records a failed attempt: scheduled again at `retryAt`, or dead when `dead`. False when the claim was lost. */
export async function recordFailure(
  db: Db,
  failed: { id: number; token: string; now: Date; error: string; retryAt: Date; dead: boolean },
): Promise<boolean> {
  const res = await db
    .updateTable('outbox')
    .set({
      last_error: failed.error,
      locked_until: null,
      lock_token: null,
      dead_at: failed.dead ? failed.now : null,
      available_at: failed.dead ? failed.now : failed.retryAt,
    })
    .where('id', '=', failed.id)
    .where('lock_token', '=', failed.token)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface OutboxListQuery {
  status?: OutboxStatus;
  /** Units the reader reaches; rows without a unit are listed only for 'all'. */
  reach: Reach;
  /** Keyset: rows with a smaller id than this. */
  beforeId?: number;
  limit: number;
}

/** Newest first. */
export async function listOutboxRows(db: Db, q: OutboxListQuery): Promise<OutboxRow[]> {
  let qb = db.selectFrom('outbox').selectAll();
  if (q.reach !== 'all') qb = qb.where('unit_id', 'is not', null).where(unitInReach('unit_id', q.reach));
  if (q.status === 'delivered') qb = qb.where('delivered_at', 'is not', null);
  if (q.status === 'dead') qb = qb.where('dead_at', 'is not', null);
  if (q.status === 'pending' || q.status === 'failed') {
    qb = qb.where('delivered_at', 'is', null).where('dead_at', 'is', null);
    qb = qb.where('last_error', q.status === 'pending' ? 'is' : 'is not', null);
  }
  if (q.beforeId !== undefined) qb = qb.where('id', '<', q.beforeId);
  return qb.orderBy('id', 'desc').limit(q.limit).execute();
}

export async function getOutboxRow(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockOutboxRow(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Puts a failed or dead row back to pending with a fresh set of attempts, due at `now`. */
export async function resetOutboxRow(db: Db, id: number, now: Date): Promise<OutboxRow> {
  return db
    .updateTable('outbox')
    .set({ attempts: 0, last_error: null, dead_at: null, available_at: now, locked_until: null, lock_token: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
