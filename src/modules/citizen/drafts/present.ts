import type { Db } from '../../../access/reach.ts';
import { filesByIds, draftFileIds } from '../files/repository.ts';
import { signedFileUrl } from '../files/links.ts';
import type { DraftRow } from '../tables.ts';
import type { DraftData } from './model.ts';
import { procedureCodeOf } from './repository.ts';

export async function presentDraft(db: Db, row: DraftRow, secret: string, now: Date, token?: string) {
  const files = await filesByIds(db, await draftFileIds(db, row.id));
  return {
    id: row.id,
    procedureCode: await procedureCodeOf(db, row.procedure_id),
    version: row.version,
    data: row.data as DraftData,
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size, mediaType: f.mediaType, url: signedFileUrl(secret, f.id, now) })),
    updatedAt: row.updated_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    submitted: row.submitted_dossier_id && row.reference
      ? { reference: row.reference, dossierId: row.submitted_dossier_id, submittedAt: (row.submitted_at ?? row.updated_at).toISOString() }
      : null,
    ...(token ? { token } : {}),
  };
}
