import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, type AuditContext } from '../../../audit/audit.ts';
import { vnDate } from '../../../platform/clock.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError, conflict, notFound, staleVersion, type FieldError } from '../../../platform/errors.ts';
import { getUnit } from '../../../units/repository.ts';
import { getProcedureForIntake, type ProcedureForIntake, type ProcedureDocument } from '../../catalog/index.ts';
import { receiveDossier, type IntakeInput, type IntakeResult } from '../../dossiers/index.ts';
import { procedureInForce } from '../catalog-reads.ts';
import { dossierById, dossierOfIdempotencyKey, ownDossierWithResult } from '../dossier-reads.ts';
import { draftFileIds, linkFileToDraft } from '../files/repository.ts';
import { sendCitizenMessage } from '../notify.ts';
import { submissionReference } from '../reference.ts';
import { fileFor, submitProblems, uploadableDocuments, type CaseDocument, type DraftData } from './model.ts';
import { getDraft, insertDraft, lockDraft, markDraftSubmitted, updateDraftData } from './repository.ts';
import type { DraftRow } from '../tables.ts';

// Online submission: a draft saved at every step, then submitted through the dossier module's intake command,
// which creates the dossier in state `submitted_online` (national status 1). The desk's `accept_online` later
// issues the dossier code and the due date; until then the citizen holds the submission reference and the lookup
// secret. One draft gives at most one dossier: the intake's idempotency record is keyed by the draft.

export const draftLifetimeMs = 30 * 24 * 3_600_000;
export const maxFilesPerDraft = 40;
const nilUnit = '00000000-0000-0000-0000-000000000000';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface DraftActor {
  audit: AuditContext;
  /** A signed-in citizen owns the drafts they start; anyone else holds them by token. */
  citizenId: string | null;
}

const notOnline = (name: string) => new AppError(422, 'not_online',
  `“${name}” cannot be submitted online. Submit it at the one-stop desk.`,
  `Thủ tục “${name}” chưa nộp trực tuyến được. Vui lòng nộp tại Bộ phận Một cửa.`);

export const draftSubmitted = () => conflict('draft_submitted',
  'This draft has already been submitted; start a new one to submit again.',
  'Bản nháp này đã được nộp; hãy bắt đầu bản mới nếu muốn nộp lại.');

export async function createDraft(db: Kysely<Schema>, actor: DraftActor, procedureCode: string, now: Date): Promise<{ row: DraftRow; token: string }> {
  const procedure = await procedureInForce(db, procedureCode, vnDate(now));
  if (!procedure) throw notFound('Procedure', 'Thủ tục');
  if (!procedure.channels.includes('online')) throw notOnline(procedure.name);
  const token = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx) => {
    const row = await insertDraft(trx, {
      tokenHash: hashToken(token), userId: actor.citizenId, procedureId: procedure.id, data: {}, now, expiresAt: new Date(now.getTime() + draftLifetimeMs),
    });
    await audit(trx, actor.audit, { action: 'submission_draft.create', subjectType: 'submission_draft', subjectId: row.id, after: { procedure: procedure.code } });
    return { row, token };
  });
}

export async function saveDraft(db: Kysely<Schema>, actor: DraftActor, id: string, version: number, data: DraftData, now: Date): Promise<DraftRow> {
  return db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, id);
    if (!row) throw notFound('Draft', 'Bản nháp');
    if (row.submitted_dossier_id) throw draftSubmitted();
    if (row.version !== version) throw staleVersion();
    const updated = await updateDraftData(trx, id, version, data, now, new Date(now.getTime() + draftLifetimeMs));
    // Personal answers stay out of the audit log: the step and the version say what happened.
    await audit(trx, actor.audit, { action: 'submission_draft.save', subjectType: 'submission_draft', subjectId: id, after: { version: updated.version, step: data.step ?? null } });
    return updated;
  });
}

/** A result issued to the citizen's own dossier, attached instead of a new upload. */
export async function attachResult(db: Kysely<Schema>, actor: DraftActor, id: string, version: number, documentName: string, fileId: string, now: Date): Promise<DraftRow> {
  if (!actor.citizenId) throw new AppError(401, 'unauthenticated', 'Sign in to use your earlier results.', 'Hãy đăng nhập để dùng kết quả đã được cấp.');
  return db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, id);
    if (!row) throw notFound('Draft', 'Bản nháp');
    if (row.submitted_dossier_id) throw draftSubmitted();
    if (row.version !== version) throw staleVersion();
    const own = await ownDossierWithResult(trx, actor.citizenId!, fileId);
    if (!own) throw notFound('Result', 'Kết quả');
    await linkFileToDraft(trx, id, fileId, now);
    const data = row.data as DraftData;
    const documents = (data.documents ?? []).filter((d) => d.name !== documentName);
    const updated = await updateDraftData(trx, id, version, { ...data, documents: [...documents, { name: documentName, fileId }] }, now, new Date(now.getTime() + draftLifetimeMs));
    await audit(trx, actor.audit, { action: 'submission_draft.attach_result', subjectType: 'submission_draft', subjectId: id, after: { fileId, dossierId: own, version: updated.version } });
    return updated;
  });
}

function caseDocuments(documents: ProcedureDocument[]): CaseDocument[] {
  return documents.map((d) => ({ name: d.name, required: d.required, presentOnly: d.presentOnly, copyType: d.copyType, count: d.count }));
}

/** The procedure as the draft's answers choose it; `caseMissing` when several cases exist and none is chosen. */
async function procedureFor(db: Kysely<Schema>, row: DraftRow, data: DraftData, now: Date): Promise<{ procedure: ProcedureForIntake | null; caseMissing: boolean }> {
  const lookup = await getProcedureForIntake(db, { procedureId: row.procedure_id!, caseId: data.caseKey ?? undefined, unitId: data.unitId ?? nilUnit, at: now });
  if (lookup.found) return { procedure: lookup.procedure, caseMissing: false };
  if (lookup.reason === 'case_required' || lookup.reason === 'case_not_found') return { procedure: null, caseMissing: true };
  throw new AppError(lookup.reason === 'procedure_not_found' ? 404 : 422, lookup.reason, lookup.message, lookup.messageVi);
}

function invalidAnswers(problems: FieldError[]): AppError {
  return new AppError(400, 'invalid_input', problems[0].message, problems[0].messageVi, problems);
}

function intakeInput(row: DraftRow, data: DraftData, p: ProcedureForIntake): IntakeInput {
  const a = data.applicant ?? {};
  return {
    unitId: data.unitId!, procedureId: p.procedureId, caseId: p.case.id, channel: 'online', outcome: 'submitted_online',
    applicant: {
      kind: a.kind ?? 'person', fullName: a.fullName!.trim(), idNumber: a.idNumber?.trim() || null, birthYear: a.birthYear ?? null,
      phone: data.contact?.phone?.trim() || null, email: data.contact?.email?.trim() || null, address: a.address?.trim() || null,
    },
    documents: uploadableDocuments(caseDocuments(p.case.documents)).map((d) => {
      const fileId = fileFor(data, d.name);
      const certified = p.case.documents.find((x) => x.name === d.name)?.certifiedCopy;
      return { name: d.name, copyType: certified ? 'certified_copy' : d.copyType, count: d.count ?? 1, required: d.required, received: !!fileId, fileId };
    }),
    applicantUserId: row.user_id,
  };
}

export interface SubmitOutcome {
  reference: string;
  dossierId: string;
  code: string | null;
  secret: string | null;
  state: string;
  replayed: boolean;
}

const idempotencyScope = 'online-draft';

/** receiveDossier, made safe against a concurrent twin (unique key) and against answers changed after a lost reply. */
async function receiveOnce(db: Kysely<Schema>, actor: DraftActor, name: string, input: IntakeInput, draftId: string, now: Date): Promise<IntakeResult> {
  const key = { scope: idempotencyScope, key: draftId };
  for (let attempt = 0; ; attempt++) {
    try {
      return await receiveDossier(db, { audit: actor.audit, name: `${name} (nộp trực tuyến)`, unitId: null, reach: 'all' }, input, now, key);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt === 0 && code === '23505') continue; // the twin committed first: the retry replays it
      if (err instanceof AppError && err.code === 'idempotency_key_reused') {
        const prior = (await dossierOfIdempotencyKey(db, key.scope, key.key))!;
        return {
          dossierId: prior.id, code: prior.code, lookupSecret: prior.lookup_secret, state: prior.state as IntakeResult['state'], replayed: true,
          dueAt: prior.due_at, appointmentAt: prior.appointment_at,
        };
      }
      throw err;
    }
  }
}

export async function submitDraft(db: Kysely<Schema>, actor: DraftActor, id: string, idempotencyKey: string, now: Date): Promise<SubmitOutcome> {
  const row = await getDraft(db, id);
  if (!row) throw notFound('Draft', 'Bản nháp');
  if (row.submitted_dossier_id) return replay(db, row);
  const data = row.data as DraftData;
  const { procedure, caseMissing } = await procedureFor(db, row, data, now);
  if (procedure && !procedure.channels.includes('online')) throw notOnline(procedure.name);
  const problems = submitProblems(data, { documents: procedure ? caseDocuments(procedure.case.documents) : [], caseMissing, draftFiles: new Set(await draftFileIds(db, id)) });
  if (procedure && data.unitId && !procedure.offered) {
    problems.unshift({ field: 'unitId', message: 'This unit does not receive the procedure; choose another.', messageVi: 'Nơi này không tiếp nhận thủ tục; hãy chọn nơi khác.' });
  }
  if (problems.length) throw invalidAnswers(problems);
  const result = await receiveOnce(db, actor, data.applicant!.fullName!.trim(), intakeInput(row, data, procedure!), id, now);
  const unit = await getUnit(db, data.unitId!);
  return db.transaction().execute(async (trx) => {
    const locked = (await lockDraft(trx, id))!;
    const first = !locked.submitted_dossier_id;
    const marked = await markDraftSubmitted(trx, id, { dossierId: result.dossierId, reference: submissionReference(now, randomBytes(6)), now });
    if (first) {
      await audit(trx, actor.audit, {
        action: 'submission.submit', subjectType: 'submission_draft', subjectId: id, unitId: data.unitId!,
        after: { dossierId: result.dossierId, reference: marked.reference, procedure: procedure!.code, idempotencyKey },
      });
      await sendCitizenMessage(trx, {
        template: 'dossier.submitted_online',
        params: {
          reference: marked.reference!, procedure: procedure!.name, applicantName: data.applicant!.fullName!.trim(),
          unitName: unit?.fullName, secret: result.lookupSecret ?? undefined, submittedAt: now.toISOString(),
        },
        email: data.contact?.email?.trim() || null, phone: data.contact?.phone?.trim() || null, userId: row.user_id,
        unitId: data.unitId!, dedupeKey: `submission:${id}`, now,
      });
    }
    return { reference: marked.reference!, dossierId: result.dossierId, code: result.code, secret: result.lookupSecret, state: result.state, replayed: !first || result.replayed };
  });
}

async function replay(db: Kysely<Schema>, row: DraftRow): Promise<SubmitOutcome> {
  const d = (await dossierById(db, row.submitted_dossier_id!))!;
  return { reference: row.reference!, dossierId: d.id, code: d.code, secret: d.lookup_secret, state: d.state, replayed: true };
}

