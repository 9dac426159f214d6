// Small read-only lookups that other modules need (reports, dossier import, the citizen portal), so that they
// do not read the catalogue's tables themselves.

import { sql } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { communeLevelKinds } from '../../units/kinds.ts';
import type { Channel, OnlineLevel } from './domain/index.ts';
import { chunks } from './repository.ts';
import { inForce } from './repository-search.ts';

export interface ProcedureLabel {
  id: string;
  code: string;
  name: string;
  field: string | null;
}

/** Name and field of each procedure: its latest published version, else its draft. Keyed by id. */
export async function procedureLabels(db: Db, ids: string[]): Promise<Map<string, ProcedureLabel>> {
  return labels(db, 'id', ids, (l) => l.id);
}

/** The same, keyed by code. */
export async function procedureLabelsByCode(db: Db, codes: string[]): Promise<Map<string, ProcedureLabel>> {
  return labels(db, 'code', codes, (l) => l.code);
}

async function labels(db: Db, by: 'id' | 'code', keys: string[], keyOf: (l: ProcedureLabel) => string): Promise<Map<string, ProcedureLabel>> {
  const out = new Map<string, ProcedureLabel>();
  for (const batch of chunks([...new Set(keys)], 1000)) {
    const rows = await db.selectFrom('procedures as p').innerJoin('procedure_versions as v', 'v.procedure_id', 'p.id')
      .select(['p.id', 'p.code', 'v.name', 'v.field']).distinctOn('p.id')
      .where(`p.${by}`, 'in', batch)
      .orderBy('p.id').orderBy(sql`(v.status = 'published')`, 'desc').orderBy('v.number', 'desc')
      .execute();
    for (const r of rows) out.set(keyOf(r), { id: r.id, code: r.code, name: r.name, field: r.field });
  }
  return out;
}

export interface ProcedureInForce {
  id: string;
  code: string;
  versionId: string;
  name: string;
  field: string | null;
  channels: Channel[];
  onlineLevel: OnlineLevel;
  onTheSpot: boolean;
  receivingAddress: string | null;
}

/** The version of a procedure in force on `date` ('YYYY-MM-DD'), or null. */
export async function procedureInForce(db: Db, code: string, date: string): Promise<ProcedureInForce | null> {
  const row = await db.selectFrom('procedures as p').innerJoin('procedure_versions as v', 'v.procedure_id', 'p.id')
    .select(['p.id', 'p.code', 'v.id as version_id', 'v.name', 'v.field', 'v.channels', 'v.online_level', 'v.on_the_spot', 'v.receiving_address'])
    .where('p.code', '=', code).where(inForce('v', date)).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id, code: row.code, versionId: row.version_id, name: row.name, field: row.field,
    channels: row.channels as Channel[], onlineLevel: row.online_level as OnlineLevel, onTheSpot: row.on_the_spot,
    receivingAddress: row.receiving_address,
  };
}

export interface OfferingUnit {
  id: string;
  name: string;
  fullName: string;
  kind: string;
  agencyCode: string | null;
}

/** Communes, wards, towns and special zones existing on `date` that offer the procedure. */
export async function offeringUnits(db: Db, procedureId: string, date: string): Promise<OfferingUnit[]> {
  const rows = await sql<{ id: string; name: string; full_name: string; kind: string; agency_code: string | null }>`
    select u.id, u.name, u.full_name, u.kind, u.agency_code from units u
    where u.kind = any(${[...communeLevelKinds]}::text[])
      and (u.valid_from is null or u.valid_from <= ${date}::date) and (u.valid_to is null or u.valid_to > ${date}::date)
      and exists (
        select 1 from procedure_offerings o join unit_closure c on c.ancestor_id = o.unit_id
        where o.procedure_id = ${procedureId}::uuid and c.descendant_id = u.id and (c.depth = 0 or o.include_descendants))
    order by u.name_folded, u.id`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, name: r.name, fullName: r.full_name, kind: r.kind, agencyCode: r.agency_code }));
}
