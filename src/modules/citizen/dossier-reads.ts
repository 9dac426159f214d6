import type { Db } from '../../access/reach.ts';
import type { DossierRow } from '../dossiers/tables.ts';

// What the citizen side reads of the dossier module's tables (read-only): a dossier by its exact code or id,
// a citizen's own result, and the dossier an idempotency record points at.

export async function dossierByCode(db: Db, code: string): Promise<DossierRow | null> {
  return (await db.selectFrom('dossiers').selectAll().where('code', '=', code.trim().toUpperCase()).executeTakeFirst()) ?? null;
}

export async function dossierById(db: Db, id: string): Promise<DossierRow | null> {
  return (await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The citizen's dossier whose issued result is this file, if any. */
export async function ownDossierWithResult(db: Db, userId: string, fileId: string): Promise<string | null> {
  const row = await db.selectFrom('dossiers').select('id').where('applicant_user_id', '=', userId)
    .where('result_file_id', '=', fileId).where('state', 'in', ['result_ready', 'returned']).executeTakeFirst();
  return row?.id ?? null;
}

export async function dossierOfIdempotencyKey(db: Db, scope: string, key: string): Promise<DossierRow | null> {
  return (await db.selectFrom('dossier_idempotency as i').innerJoin('dossiers as d', 'd.id', 'i.dossier_id')
    .selectAll('d').where('i.scope', '=', scope).where('i.key', '=', key).executeTakeFirst()) ?? null;
}
