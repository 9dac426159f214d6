// The SQL of the historical import: look-ups in batches while checking, one statement per table and batch while
// writing.

import { sql } from 'kysely';
import type { Db } from '../../../access/reach.ts';
import type { Insertable } from 'kysely';
import type { DossiersTable, DossierEventsTable } from '../tables.ts';
import { addStatsOnConflict, type StatRow } from '../repository.ts';
import type { ImportRating, StoredDossier } from './line.ts';

/** The dates from which another unit may answer for `code` (resolveUnitCode's answer only changes on them). */
export async function unitCodeBreakpoints(db: Db, code: string): Promise<string[]> {
  const rows = await db.selectFrom('units').select('valid_from')
    .where((eb) => eb.or([eb('code', '=', code), eb('agency_code', '=', code)]))
    .where('valid_from', 'is not', null).distinct().orderBy('valid_from').execute();
  return rows.map((r) => r.valid_from!);
}

export interface CatalogueProcedure {
  id: string;
  name: string;
  field: string | null;
}

/**
 * Procedures the catalogue knows, with the name and field of their newest version (published first).
 * The catalogue exports no look-up by code that works for every status, so this reads its two tables; it should
 * become a catalogue export (e.g. `proceduresByCode`).
 */
export async function catalogueProcedures(db: Db, codes: string[]): Promise<Map<string, CatalogueProcedure>> {
  const out = new Map<string, CatalogueProcedure>();
  if (!codes.length) return out;
  const { rows } = await sql<{ id: string; code: string; name: string | null; field: string | null }>`
    select p.id, p.code, v.name, v.field
    from procedures p
    left join lateral (
      select name, field from procedure_versions
      where procedure_id = p.id order by (status = 'published') desc, number desc limit 1
    ) v on true
    where p.code = any(${codes}::text[])`.execute(db);
  for (const r of rows) out.set(r.code, { id: r.id, name: r.name ?? r.code, field: r.field });
  return out;
}

export interface StoredByCode extends StoredDossier {
  id: string;
  imported: boolean;
}

export async function storedByCode(db: Db, codes: string[]): Promise<Map<string, StoredByCode>> {
  const out = new Map<string, StoredByCode>();
  if (!codes.length) return out;
  const rows = await db.selectFrom('dossiers')
    .select([
      'id', 'code', 'imported', 'unit_id', 'procedure_code', 'procedure_name', 'field', 'channel', 'state', 'received_at', 'due_at',
      'finished_at', 'closed_at', 'returned_at', 'supplement_rounds', 'applicant_name', 'applicant_phone', 'applicant_id_number',
    ])
    .where('code', '=', sql<string>`any(${codes}::text[])`)
    .execute();
  const ratings = await ratingsOf(db, rows.map((r) => r.id));
  for (const r of rows) {
    out.set(r.code!, {
      id: r.id, imported: r.imported, unitId: r.unit_id, procedureCode: r.procedure_code, procedureName: r.procedure_name, field: r.field,
      channel: r.channel, state: r.state, receivedAt: r.received_at, dueAt: r.due_at, finishedAt: r.finished_at, closedAt: r.closed_at,
      returnedAt: r.returned_at, supplementRounds: r.supplement_rounds, applicantName: r.applicant_name, applicantPhone: r.applicant_phone,
      applicantIdNumber: r.applicant_id_number, rating: ratings.get(r.id) ?? null,
    });
  }
  return out;
}

// Ratings belong to the ratings module (dossier_ratings, channel 'import'); it has no bulk insert, so the import
// writes its rows here in one statement per batch.
async function ratingsOf(db: Db, dossierIds: string[]): Promise<Map<string, ImportRating>> {
  const out = new Map<string, ImportRating>();
  if (!dossierIds.length) return out;
  const rows = await db.selectFrom('dossier_ratings').select(['dossier_id', 'attitude', 'overall'])
    .where('dossier_id', '=', sql<string>`any(${dossierIds}::uuid[])`).execute();
  for (const r of rows) out.set(r.dossier_id, { attitude: r.attitude, overall: r.overall });
  return out;
}

// Rows go in as ONE JSON parameter expanded by json_populate_recordset: with tens of columns, a multi-row
// VALUES list costs far more to build, send and bind (and hits the 65,535-parameter limit near 1,000 rows). The JSON
// goes as bytes (json's binary form is its text): given a string, PGlite measured its UTF-8 length in JavaScript,
// character by character and twice, and the import ran 20-35 % slower on the embedded database.
async function insertRecordset(db: Db, table: 'dossiers' | 'dossier_events' | 'dossier_ratings' | 'dossier_stats', rows: object[], suffix = ''): Promise<void> {
  if (!rows.length) return;
  const columns = sql.join(Object.keys(rows[0]).map((c) => sql.ref(c)));
  await sql`insert into ${sql.table(table)} (${columns})
    select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${Buffer.from(JSON.stringify(rows))}::json) ${sql.raw(suffix)}`.execute(db);
}

/** A dossier row as JSON: jsonb columns hold values, not JSON text. */
export type NewDossier = Omit<Insertable<DossiersTable>, 'step_trail'> & { id: string; step_trail: string[] };
export type NewEvent = Omit<Insertable<DossierEventsTable>, 'data'> & { data: unknown };

/**
 * For the rest of the transaction, events inserted are already in their dossiers' timelines (the rows carry them,
 * built with timelineOf), so the database does not append them again (migration 0016).
 */
export async function timelinesWritten(db: Db): Promise<void> {
  await sql`set local gandan.timeline_written = 'on'`.execute(db);
}

export async function insertDossiers(db: Db, rows: NewDossier[]): Promise<void> {
  await insertRecordset(db, 'dossiers', rows);
}

export async function insertEvents(db: Db, rows: NewEvent[]): Promise<void> {
  await insertRecordset(db, 'dossier_events', rows);
}

export interface NewRating {
  dossierId: string;
  unitId: string;
  procedureId: string;
  ratedAt: Date;
  attitude: ImportRating['attitude'];
  overall: ImportRating['overall'];
}

export async function insertRatings(db: Db, rows: NewRating[]): Promise<void> {
  await insertRecordset(db, 'dossier_ratings', rows.map((r) => ({
    dossier_id: r.dossierId, unit_id: r.unitId, procedure_id: r.procedureId, rated_at: r.ratedAt, channel: 'import', attitude: r.attitude, overall: r.overall,
  })));
}

/** Adds the rows to the statistics stored for their keys (each key at most once in `rows`). */
export async function addStatRows(db: Db, rows: StatRow[]): Promise<void> {
  await insertRecordset(db, 'dossier_stats', rows, addStatsOnConflict);
}

/**
 * Imported codes in the unit's own format take their place in the daily sequence, so a dossier received today
 * in Gần Dân never gets a code the previous system already issued.
 */
export async function raiseCodeCounters(db: Db, rows: { unitId: string; day: string; last: number }[]): Promise<void> {
  if (!rows.length) return;
  await db.insertInto('dossier_code_counters').values(rows.map((r) => ({ unit_id: r.unitId, day: r.day, last: r.last })))
    .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet({ last: sql`greatest(dossier_code_counters.last, excluded.last)` }))
    .execute();
}
