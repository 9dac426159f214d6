import { sql } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { communeLevelKinds } from '../../units/kinds.ts';

// What the citizen side reads of the catalogue beyond its exported intake lookup: the version in force of a
// procedure by code (for the journey's start) and which communes and wards receive it. Read-only.

export interface ProcedureInForce {
  id: string;
  code: string;
  name: string;
  channels: string[];
  onlineLevel: 'full' | 'partial' | 'unknown';
  receivingAddress: string | null;
}

export async function procedureInForce(db: Db, code: string, date: string): Promise<ProcedureInForce | null> {
  const row = await db.selectFrom('procedures as p').innerJoin('procedure_versions as v', 'v.procedure_id', 'p.id')
    .select(['p.id', 'p.code', 'v.name', 'v.channels', 'v.online_level', 'v.receiving_address'])
    .where('p.code', '=', code).where('p.status', '=', 'published').where('v.status', '=', 'published')
    .where('v.effective_from', '<=', date)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', date)]))
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, code: row.code, name: row.name, channels: row.channels as string[], onlineLevel: row.online_level, receivingAddress: row.receiving_address };
}

export interface ReceivingUnit {
  id: string;
  name: string;
  fullName: string;
  kind: string;
}

/** Communes and wards in existence on `date`, able to issue dossier codes, covered by an offering of the procedure. */
export async function receivingUnits(db: Db, procedureId: string, date: string): Promise<ReceivingUnit[]> {
  const rows = await sql<{ id: string; name: string; full_name: string; kind: string }>`
    select u.id, u.name, u.full_name, u.kind from units u
    where u.kind = any(${[...communeLevelKinds]}::text[]) and u.agency_code is not null
      and (u.valid_from is null or u.valid_from <= ${date}::date) and (u.valid_to is null or u.valid_to > ${date}::date)
      and exists (
        select 1 from procedure_offerings o join unit_closure c on c.ancestor_id = o.unit_id
        where o.procedure_id = ${procedureId} and c.descendant_id = u.id and (c.depth = 0 or o.include_descendants))
    order by u.name_folded, u.id`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, name: r.name, fullName: r.full_name, kind: r.kind }));
}
