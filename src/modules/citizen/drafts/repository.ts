import type { Db } from '../../../access/reach.ts';
import type { DraftRow } from '../tables.ts';
import type { DraftData } from './model.ts';

// SQL of submission drafts.

export async function insertDraft(db: Db, d: { tokenHash: string; userId: string | null; procedureId: string; data: DraftData; now: Date; expiresAt: Date }): Promise<DraftRow> {
  return db.insertInto('submission_drafts').values({
    token_hash: d.tokenHash, user_id: d.userId, procedure_id: d.procedureId, data: JSON.stringify(d.data),
    created_at: d.now, updated_at: d.now, expires_at: d.expiresAt,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function getDraft(db: Db, id: string): Promise<DraftRow | null> {
  return (await db.selectFrom('submission_drafts').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function lockDraft(db: Db, id: string): Promise<DraftRow | null> {
  return (await db.selectFrom('submission_drafts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

export async function updateDraftData(db: Db, id: string, version: number, data: DraftData, now: Date, expiresAt: Date): Promise<DraftRow> {
  return db.updateTable('submission_drafts')
    .set({ data: JSON.stringify(data), version: version + 1, updated_at: now, expires_at: expiresAt })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function markDraftSubmitted(db: Db, id: string, s: { dossierId: string; reference: string; now: Date }): Promise<DraftRow> {
  return db.updateTable('submission_drafts')
    .set((eb) => ({
      submitted_dossier_id: s.dossierId,
      reference: eb.fn.coalesce('reference', eb.val(s.reference)),
      submitted_at: eb.fn.coalesce('submitted_at', eb.val(s.now)),
      version: eb('version', '+', 1),
      updated_at: s.now,
    }))
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('submission_drafts').where('id', '=', id).execute();
}

export async function draftsOfUser(db: Db, userId: string, now: Date) {
  return db.selectFrom('submission_drafts as d').leftJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select(['d.id', 'd.procedure_id', 'p.code as procedure_code', 'd.data', 'd.version', 'd.updated_at', 'd.expires_at'])
    .where('d.user_id', '=', userId).where('d.submitted_dossier_id', 'is', null).where('d.expires_at', '>', now)
    .orderBy('d.updated_at', 'desc').limit(50).execute();
}

export async function draftByReference(db: Db, reference: string): Promise<DraftRow | null> {
  return (await db.selectFrom('submission_drafts').selectAll().where('reference', '=', reference).executeTakeFirst()) ?? null;
}

/** Expired, never-submitted drafts; their files stay (content-addressed, maybe shared). */
export async function purgeExpiredDrafts(db: Db, now: Date): Promise<number> {
  const rows = await db.deleteFrom('submission_drafts').where('expires_at', '<', now).where('submitted_dossier_id', 'is', null)
    .returning('id').execute();
  return rows.length;
}

export async function procedureCodeOf(db: Db, procedureId: string | null): Promise<string | null> {
  if (!procedureId) return null;
  return (await db.selectFrom('procedures').select('code').where('id', '=', procedureId).executeTakeFirst())?.code ?? null;
}
