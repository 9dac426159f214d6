import { sql, type Transaction } from 'kysely';
import { AppError } from '../errors.ts';
import type { Schema } from './schema.ts';

// A bulk load (the historical import) writes tens of thousands of rows whose foreign keys point at a handful of
// rows known in advance (units, procedures, the importing official) or at rows the same transaction has just
// written. PostgreSQL checks a foreign key with one trigger call per row, which on this machine was a third of the
// import's time. Here the referenced rows are locked once with the lock such a check takes (FOR KEY SHARE, so they
// cannot be deleted before commit) and the per-row triggers are switched off for the load
// (session_replication_role = replica) when the role may do that (a superuser, PGlite, or a role granted SET on
// the parameter) and no table written has a trigger of its own on insert (statement triggers enabled ALWAYS fire
// in that mode too, so they do not count). Otherwise the load runs with the ordinary per-row checks. Rows that
// refer to anything else must leave those columns null.

export interface ReferencedRows {
  table: 'units' | 'procedures' | 'users';
  ids: Iterable<string>;
}

export class MissingReferenceError extends AppError {
  constructor(table: string, ids: string[]) {
    super(409, 'reference_missing', `Rows referred to are gone from ${table}: ${ids.slice(0, 5).join(', ')}.`,
      `Dữ liệu được tham chiếu không còn trong ${table}: ${ids.slice(0, 5).join(', ')}.`);
  }
}

/** Locks every referenced row; throws MissingReferenceError when one does not exist. */
export async function lockReferencedRows(trx: Transaction<Schema>, references: ReferencedRows[]): Promise<void> {
  for (const { table, ids } of references) {
    const wanted = [...new Set(ids)];
    if (!wanted.length) continue;
    const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} where id = any(${wanted}::uuid[]) for key share`.execute(trx);
    const found = new Set(rows.map((r) => r.id));
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length) throw new MissingReferenceError(table, missing);
  }
}

/** Whether this transaction may switch per-row triggers off while writing `tables`. */
async function mayLoadWithoutRowTriggers(trx: Transaction<Schema>, tables: string[]): Promise<boolean> {
  const { rows } = await sql<{ may: boolean; triggers: number }>`
    select (current_setting('is_superuser') = 'on' or has_parameter_privilege('session_replication_role', 'SET')) as may,
      (select count(*)::int from pg_trigger
        where tgrelid = any(${tables}::regclass[]) and not tgisinternal and tgenabled <> 'D' and (tgtype & 4) <> 0
          and not (tgenabled = 'A' and (tgtype & 1) = 0)) as triggers`.execute(trx);
  return rows[0].may && rows[0].triggers === 0;
}

/**
 * Runs `load` (which writes only `tables`, referring only to `references` or to rows written in this transaction)
 * with the referenced rows locked once and, where allowed, without the per-row foreign-key triggers.
 * Returns what `load` returned and whether the triggers were off.
 */
export async function bulkLoad<T>(
  trx: Transaction<Schema>, tables: (keyof Schema & string)[], references: ReferencedRows[], load: () => Promise<T>,
): Promise<{ result: T; rowTriggersOff: boolean }> {
  await lockReferencedRows(trx, references);
  const rowTriggersOff = await mayLoadWithoutRowTriggers(trx, tables);
  if (rowTriggersOff) await sql`set local session_replication_role = replica`.execute(trx);
  const result = await load();
  if (rowTriggersOff) await sql`set local session_replication_role = origin`.execute(trx);
  return { result, rowTriggersOff };
}
