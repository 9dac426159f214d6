import { Type } from 'typebox';
import { iso } from '../../dossiers/present.ts';
import { nationalStatus, stateLabels, type DossierState } from '../../dossiers/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { App, AppContext } from '../../../platform/http/context.ts';
import { errors, Nullable, Uuid } from '../../../platform/http/schemas.ts';
import { getUnit } from '../../../units/repository.ts';
import { dossierById } from '../dossier-reads.ts';
import { draftByReference } from '../drafts/repository.ts';
import { signedFileUrl } from '../files/links.ts';
import { getFile } from '../files/repository.ts';
import { lookupRate } from '../http.ts';
import { normaliseSubmissionReference } from '../reference.ts';
import { factorMatches, factorRequired, verifiedDossier } from '../verify.ts';

// Public reading of one's own online submission by its reference (before the desk issues a dossier code, and
// after), and the download of an electronic result ("toàn trình"). Both need the phone number or the secret.

const Factor = {
  phone: Type.Optional(Type.String({ minLength: 6, maxLength: 20 })),
  secret: Type.Optional(Type.String({ minLength: 6, maxLength: 20 })),
};

const SubmissionStatus = Type.Object({
  reference: Type.String(),
  code: Nullable(Type.String({ description: 'Dossier code, once the desk has accepted the submission' })),
  procedureName: Type.String(),
  unitName: Type.String(),
  submittedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  state: Type.String(),
  nationalStatus: Type.Integer(),
  statusLabel: Type.String(),
  statusLabelEn: Type.String(),
});

const referenceNotFound = () => new AppError(404, 'dossier_not_found',
  'No submission matches this reference and phone number or secret.',
  'Không có hồ sơ nộp trực tuyến nào khớp với mã tham chiếu và số điện thoại hoặc mã tra cứu này.');

export function submissionRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post('/api/v1/public/submissions/lookup', {
    config: { rateLimit: lookupRate },
    schema: {
      tags: ['citizen'],
      summary: 'Status of an online submission by its reference and the phone number or secret / Tra cứu hồ sơ nộp trực tuyến',
      body: Type.Object({ reference: Type.String({ minLength: 5, maxLength: 40 }), ...Factor }, { additionalProperties: false }),
      response: { 200: SubmissionStatus, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const { reference, phone, secret } = request.body;
    if (!phone && !secret) throw factorRequired();
    const draft = await draftByReference(db, normaliseSubmissionReference(reference));
    const dossier = draft?.submitted_dossier_id
      ? await dossierById(db, draft.submitted_dossier_id)
      : null;
    if (!draft || !dossier || !factorMatches(dossier, { phone, secret })) throw referenceNotFound();
    const state = dossier.state as DossierState;
    const unit = await getUnit(db, dossier.unit_id);
    return {
      reference: draft.reference!, code: dossier.code, procedureName: dossier.procedure_name, unitName: unit?.fullName ?? '',
      submittedAt: iso(dossier.submitted_at)!, receivedAt: iso(dossier.received_at), dueAt: iso(dossier.appointment_at ?? dossier.due_at),
      state, nationalStatus: nationalStatus[state], statusLabel: stateLabels[state].vi, statusLabelEn: stateLabels[state].en,
    };
  });

  app.post('/api/v1/public/results', {
    config: { rateLimit: lookupRate },
    schema: {
      tags: ['citizen'],
      summary: 'A download link for the electronic result of a dossier (code and phone or secret) / Tải kết quả điện tử',
      body: Type.Object({ code: Type.String({ minLength: 5, maxLength: 60 }), ...Factor }, { additionalProperties: false }),
      response: { 200: Type.Object({ fileId: Uuid, name: Type.String(), size: Type.Integer(), url: Type.String() }), ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const { code, phone, secret } = request.body;
    const dossier = await verifiedDossier(db, code, { phone, secret });
    const file = dossier.result_file_id && ['result_ready', 'returned'].includes(dossier.state) ? await getFile(db, dossier.result_file_id) : null;
    if (!file) {
      throw new AppError(404, 'no_electronic_result', 'This dossier has no electronic result to download. Collect the result where you submitted.',
        'Hồ sơ này không có kết quả điện tử để tải về. Vui lòng nhận kết quả tại nơi nộp hồ sơ.');
    }
    return { fileId: file.id, name: file.name, size: file.size, url: signedFileUrl(ctx.config.sessionSecret, file.id, ctx.clock()) };
  });
}
