import type { Db } from '../../access/reach.ts';
import type { AppContext } from '../http/context.ts';
import type { WriteBatch } from '../db/batch.ts';
import { insertOutboxRow, outboxInsertForBatch, type NewOutboxRow } from './repository.ts';

// The transactional outbox: a state change writes the message it causes in its own transaction (so a message
// exists if and only if the change committed), and a background job delivers it later, with retries. Nothing is
// ever sent inside the user's request.

export interface EnqueueInput {
  /** Selects the handler, e.g. 'notify'. */
  topic: string;
  /** JSON-serialisable; the handler validates it. */
  payload: unknown;
  /** The unit the message belongs to: officials of that unit (and above) see it on the notifications page. */
  unitId?: string | null;
  /** A second enqueue with the same key is silently ignored (retried requests, replayed commands). */
  dedupeKey?: string | null;
  /** The command's `now` (tests move the clock); absent: the database clock. */
  now?: Date;
  /** Not before this instant (reminders); defaults to `now`. */
  availableAt?: Date;
  /** Defaults to 8 (the column default). */
  maxAttempts?: number;
}

/** Writes an outbox row inside the caller's transaction. `created` is false for an ignored duplicate. */
export async function enqueue(trx: Db, input: EnqueueInput): Promise<{ id: number; created: boolean }> {
  return insertOutboxRow(trx, outboxRowOf(input));
}

/** As `enqueue`, sent with the batch's other writes (a duplicate dedupe key is ignored then). */
export function enqueueInBatch(batch: WriteBatch, input: EnqueueInput): void {
  batch.add(outboxInsertForBatch(outboxRowOf(input)));
}

function outboxRowOf(input: EnqueueInput): NewOutboxRow {
  if (!input.topic) throw new Error('outbox: a topic is required');
  if (input.maxAttempts !== undefined && (!Number.isInteger(input.maxAttempts) || input.maxAttempts < 1)) {
    throw new Error('outbox: maxAttempts must be a positive integer');
  }
  return {
    topic: input.topic,
    payload: input.payload ?? null,
    unitId: input.unitId ?? null,
    dedupeKey: input.dedupeKey ?? null,
    createdAt: input.now,
    availableAt: input.availableAt,
    maxAttempts: input.maxAttempts,
  };
}

/** What a handler receives. `messageId` is stable across attempts: pass it on so receivers can drop repeats. */
export interface OutboxMessage {
  id: number;
  messageId: string;
  topic: string;
  payload: unknown;
  unitId: string | null;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  createdAt: Date;
}

export type OutboxLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

export type OutboxContext = Pick<AppContext, 'config' | 'database' | 'clock'>;

export interface DeliveryEnv {
  ctx: OutboxContext;
  now: Date;
  log: OutboxLog;
  /** Aborted when the attempt runs out of time; the attempt then counts as failed. */
  signal: AbortSignal;
}

/** A handler returns nothing when the message was sent, or says honestly that it was processed without sending. */
export interface DeliveryReport {
  outcome: 'sent' | 'not_sent';
  note?: string;
}

/**
 * Delivers one message. Throw to fail the attempt (it is retried with backoff); throw PermanentDeliveryError when
 * retrying cannot help (the row goes dead at once). A message may be delivered more than once if a worker dies
 * between sending and recording, so handlers should let the receiver deduplicate by `messageId`.
 */
export type OutboxHandler = (message: OutboxMessage, env: DeliveryEnv) => Promise<DeliveryReport | void>;

export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

const handlers = new Map<string, OutboxHandler>();

/** Registers the handler of a topic (process-wide; registering a topic again replaces its handler). */
export function registerOutboxHandler(topic: string, handler: OutboxHandler): void {
  handlers.set(topic, handler);
}

export function outboxHandlerFor(topic: string): OutboxHandler | undefined {
  return handlers.get(topic);
}

export const messageIdOf = (id: number): string => `outbox-${id}`;
