// For a huge load on PostgreSQL: drop the secondary indexes of the two biggest tables, load, and build them again
// (one sort per index instead of millions of random index insertions). Unique and primary-key indexes stay, so
// codes are still checked during the load. If the process dies in between, `gandan generate` prints nothing more;
// the statements to rebuild the indexes are in migrations/ (0004_dossiers.sql and later).

import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';

export interface DeferredIndexes {
  restore(): Promise<void>;
  /** Time spent rebuilding, once restore() has run. */
  seconds: number;
}

export async function deferIndexes(db: Kysely<Schema>): Promise<DeferredIndexes> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select c.relname as name, pg_get_indexdef(c.oid) as definition
    from pg_index x join pg_class c on c.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname in ('dossiers', 'dossier_events') and not x.indisunique and not x.indisprimary
    order by c.relname`.execute(db);
  for (const r of rows) await sql`drop index ${sql.ref(r.name)}`.execute(db);
  const state: DeferredIndexes = {
    seconds: 0,
    async restore() {
      const started = performance.now();
      // Two at a time: one per core on the machines this is meant for; each with enough memory to sort in one go.
      const queue = [...rows];
      const worker = async () => {
        await db.connection().execute(async (c) => {
          await sql`set maintenance_work_mem = '512MB'`.execute(c);
          for (let r = queue.shift(); r; r = queue.shift()) await sql.raw(r.definition).execute(c);
        });
      };
      await Promise.all([worker(), worker()]);
      state.seconds = (performance.now() - started) / 1000;
    },
  };
  return state;
}
