// Columns that migration 0007 adds to the platform's `outbox` table, merged into its Kysely type here so the
// shared schema file needs no edit.
declare module '../db/schema.ts' {
  interface OutboxTable {
    /** Lease of the worker delivering the row now; other workers skip it until then. */
    locked_until: Date | null;
    /** Fencing token of the current claim: only its holder may record the result. */
    lock_token: string | null;
    last_attempt_at: Date | null;
    /** 'sent' really left the system; 'not_sent' was processed without sending (see delivery_note). */
    outcome: 'sent' | 'not_sent' | null;
    delivery_note: string | null;
  }
}

export {};
