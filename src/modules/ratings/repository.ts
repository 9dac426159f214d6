import { sql } from 'kysely';
import { unitInReach, type Db, type Reach } from '../../access/reach.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { vnStartOfDay } from '../../platform/clock.ts';
import type { DossierRatingsTable, KioskDevicesTable, SatisfactionLevel } from './tables.ts';
import type { Insertable, Selectable } from 'kysely';

// SQL of ratings and kiosks. Who returned a dossier's result is read from the dossier's history.

/** Inserts the rating unless the dossier already has one; false when it had. */
export async function insertRating(db: Db, rating: Insertable<DossierRatingsTable>): Promise<boolean> {
  const rows = await db.insertInto('dossier_ratings').values(rating).onConflict((oc) => oc.column('dossier_id').doNothing()).returning('dossier_id').execute();
  return rows.length === 1;
}

export async function isRated(db: Db, dossierId: string): Promise<boolean> {
  return !!(await db.selectFrom('dossier_ratings').select('dossier_id').where('dossier_id', '=', dossierId).executeTakeFirst());
}

/** The official who handed the result over: the last `return_result` event of the dossier. */
export async function returnedBy(db: Db, dossierId: string): Promise<string | null> {
  const row = await db.selectFrom('dossier_events').select('actor_id').where('dossier_id', '=', dossierId)
    .where('action', '=', 'return_result').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.actor_id ?? null;
}

export interface RatingFilter {
  /** Ratings of dossiers this official returned. */
  officialId?: string;
  /** Ratings of units in reach. */
  reach?: Reach;
  unitId?: string;
  from?: string;
  to?: string;
}

function filtered(db: Db, f: RatingFilter) {
  let qb = db.selectFrom('dossier_ratings as r');
  if (f.officialId) qb = qb.where('r.official_id', '=', f.officialId);
  if (f.reach) qb = qb.where(unitInReach('r.unit_id', f.reach));
  if (f.unitId) qb = qb.where(sql<boolean>`r.unit_id in (select descendant_id from unit_closure where ancestor_id = ${f.unitId})`);
  if (f.from) qb = qb.where('r.rated_at', '>=', vnStartOfDay(f.from));
  if (f.to) qb = qb.where('r.rated_at', '<', new Date(vnStartOfDay(f.to).getTime() + 86_400_000));
  return qb;
}

export async function listRatings(db: Db, f: RatingFilter, page: { cursor?: string; limit: number }) {
  let qb = filtered(db, f).innerJoin('dossiers as d', 'd.id', 'r.dossier_id').innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('users as o', 'o.id', 'r.official_id')
    .selectAll('r').select(['d.code', 'd.procedure_name', 'u.full_name as unit_name', 'o.full_name as official_name']);
  const after = decodeCursor<[string, string]>(page.cursor, 2);
  if (after) qb = qb.where(sql<boolean>`(r.rated_at, r.dossier_id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await qb.orderBy('r.rated_at', 'desc').orderBy('r.dossier_id', 'desc').limit(page.limit + 1).execute();
  return pageOf(rows, page.limit, (r) => [r.rated_at.toISOString(), r.dossier_id]);
}

export async function ratingCounts(db: Db, f: RatingFilter): Promise<{ attitude: SatisfactionLevel; overall: SatisfactionLevel | null; n: number }[]> {
  const rows = await filtered(db, f).select(['r.attitude', 'r.overall', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['r.attitude', 'r.overall']).execute();
  return rows.map((r) => ({ attitude: r.attitude, overall: r.overall, n: Number(r.n) }));
}

export async function insertKiosk(db: Db, k: { unitId: string; tokenHash: string; label: string; createdBy: string; now: Date }): Promise<Selectable<KioskDevicesTable>> {
  return db.insertInto('kiosk_devices').values({ unit_id: k.unitId, token_hash: k.tokenHash, label: k.label, created_by: k.createdBy, created_at: k.now })
    .returningAll().executeTakeFirstOrThrow();
}

export async function kioskByTokenHash(db: Db, tokenHash: string): Promise<Selectable<KioskDevicesTable> | null> {
  return (await db.selectFrom('kiosk_devices').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst()) ?? null;
}


export async function lockKiosk(db: Db, id: string): Promise<Selectable<KioskDevicesTable> | null> {
  return (await db.selectFrom('kiosk_devices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

export async function revokeKioskRow(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('kiosk_devices').set({ revoked_at: now }).where('id', '=', id).execute();
}

export async function touchKiosk(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('kiosk_devices').set({ last_used_at: now }).where('id', '=', id).execute();
}
