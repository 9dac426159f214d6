import { sql } from 'kysely';
import type { Db } from '../../../access/reach.ts';

// SQL of stored files: the metadata rows and who may read a file (through a draft or a dossier). The dossier
// tables are the dossier module's; we only read which dossiers point at a file.

export interface FileMeta {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  uploadedBy: string | null;
  createdAt: Date;
}

export async function insertFile(db: Db, f: { sha256: string; size: number; mediaType: string; name: string; uploadedBy: string | null; now: Date }): Promise<FileMeta> {
  const row = await db.insertInto('files').values({
    sha256: f.sha256, size_bytes: f.size, media_type: f.mediaType, original_name: f.name, uploaded_by: f.uploadedBy, created_at: f.now,
  }).returningAll().executeTakeFirstOrThrow();
  return toMeta(row);
}

export async function getFile(db: Db, id: string): Promise<FileMeta | null> {
  const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMeta(row) : null;
}

export async function filesByIds(db: Db, ids: string[]): Promise<FileMeta[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('files').selectAll().where('id', 'in', ids).execute()).map(toMeta);
}

function toMeta(r: { id: string; sha256: string; size_bytes: number; media_type: string; original_name: string; uploaded_by: string | null; created_at: Date }): FileMeta {
  return { id: r.id, sha256: r.sha256, size: Number(r.size_bytes), mediaType: r.media_type, name: r.original_name, uploadedBy: r.uploaded_by, createdAt: r.created_at };
}

export async function linkFileToDraft(db: Db, draftId: string, fileId: string, now: Date): Promise<void> {
  await db.insertInto('submission_files').values({ draft_id: draftId, file_id: fileId, created_at: now })
    .onConflict((oc) => oc.columns(['draft_id', 'file_id']).doNothing()).execute();
}

export async function draftFileIds(db: Db, draftId: string): Promise<string[]> {
  return (await db.selectFrom('submission_files').select('file_id').where('draft_id', '=', draftId).execute()).map((r) => r.file_id);
}

export async function countDraftFiles(db: Db, draftId: string): Promise<number> {
  const row = await db.selectFrom('submission_files').select((eb) => eb.fn.countAll<number>().as('n')).where('draft_id', '=', draftId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The dossiers that hold the file as a document or as their result: their unit and applicant account. */
export async function dossiersHoldingFile(db: Db, fileId: string): Promise<{ id: string; unitId: string; applicantUserId: string | null }[]> {
  const rows = await sql<{ id: string; unit_id: string; applicant_user_id: string | null }>`
    select d.id, d.unit_id, d.applicant_user_id from dossiers d where d.result_file_id = ${fileId}
    union
    select d.id, d.unit_id, d.applicant_user_id from dossier_documents dd join dossiers d on d.id = dd.dossier_id where dd.file_id = ${fileId}
  `.execute(db);
  return rows.rows.map((r) => ({ id: r.id, unitId: r.unit_id, applicantUserId: r.applicant_user_id }));
}

/** Whether one of the citizen's drafts holds the file. */
export async function citizenDraftHoldsFile(db: Db, userId: string, fileId: string): Promise<boolean> {
  const row = await db.selectFrom('submission_files as f').innerJoin('submission_drafts as d', 'd.id', 'f.draft_id')
    .select('f.file_id').where('f.file_id', '=', fileId).where('d.user_id', '=', userId).executeTakeFirst();
  return !!row;
}
