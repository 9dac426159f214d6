import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Reach } from '../../../access/reach.ts';
import { computeDueDate, localDate, workingTimeBetween, type Duration, type WorkingCalendar } from '../../../calendar/index.ts';
import { audit, type AuditContext } from '../../../audit/audit.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { insertRows, WriteBatch } from '../../../platform/db/batch.ts';
import { AppError, conflict, forbidden, invalidField } from '../../../platform/errors.ts';
import { foldVietnamese, nfc } from '../../../platform/text.ts';
import { requireProcedureForIntake, type ProcedureForIntake } from '../../catalog/index.ts';
import { checkCitizenId, normalisePhone } from '../domain/applicant.ts';
import { lookupSecretFrom } from '../domain/code.ts';
import { nationalStatus, type DossierState } from '../domain/states.ts';
import { statDeltas } from '../domain/stats.ts';
import { stepDeadline, type DecideEnv, type DossierSnapshot } from '../domain/transitions.ts';
import { timelineOf } from '../domain/timeline.ts';
import { firstStep, type Workflow } from '../domain/workflow.ts';
import { notifyDossierEvent } from '../notify.ts';
import { issueDossierCode } from './code.ts';
import { applyStatDeltas, insertEvent, statViewOf, timelineAppend, unitForIntake } from '../repository.ts';
import { newDossierDefaults, type DossierRow } from '../tables.ts';

// Intake (tiếp nhận) at the counter, by post or online: one transaction creates the dossier with its checklist,
// first history event, audit row, notifications and statistics. Outcomes: complete → code + due date + form 01;
// incomplete → form 02 (everything missing at once); refused → form 03. On-the-spot procedures may finish at once.

export interface ApplicantInput {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber?: string | null;
  birthYear?: number | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  addressUnitId?: string | null;
}

export interface ChecklistItem {
  name: string;
  copyType?: 'original' | 'copy' | 'certified_copy' | 'either' | null;
  count?: number;
  required?: boolean;
  received: boolean;
  fileId?: string | null;
  note?: string | null;
}

export interface IntakeInput {
  unitId: string;
  procedureId?: string;
  procedureCode?: string;
  caseId?: string;
  channel: 'counter' | 'post' | 'online';
  applicant: ApplicantInput;
  documents: ChecklistItem[];
  outcome: 'complete' | 'incomplete' | 'refused' | 'submitted_online';
  /** incomplete: what is missing (all at once). */
  missing?: { document: string; reason: string }[];
  /** refused: the reasons. */
  reasons?: string[];
  /** On-the-spot procedures: finish and return the result in the same transaction. */
  finishNow?: { resultNumber?: string | null; note?: string | null } | null;
  note?: string | null;
  /** Post: when the parcel arrived, if earlier than now (never in the future). */
  submittedAt?: Date | null;
  applicantUserId?: string | null;
}

export interface IntakeActor {
  audit: AuditContext;
  name: string;
  unitId: string | null;
  /** The units the actor may receive for ('all' for the system receiving a citizen's online submission). */
  reach: Reach;
}

export interface IntakeResult {
  dossierId: string;
  code: string | null;
  lookupSecret: string | null;
  state: DossierState;
  replayed: boolean;
  dueAt: Date | null;
  appointmentAt: Date | null;
}

function requestHash(input: IntakeInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

function checkApplicant(a: ApplicantInput): { phone: string | null } {
  if (!a.fullName.trim()) throw invalidField('applicant.fullName', 'Enter the applicant’s name.', 'Nhập họ tên người nộp hồ sơ.');
  if (a.idNumber && a.kind === 'person') {
    const check = checkCitizenId(a.idNumber, a.birthYear);
    if (!check.ok) throw invalidField('applicant.idNumber', check.message!, check.messageVi!);
  }
  let phone: string | null = null;
  if (a.phone) {
    phone = normalisePhone(a.phone);
    if (!phone) throw invalidField('applicant.phone', 'Enter a Vietnamese phone number, e.g. 0912 345 678.', 'Nhập số điện thoại Việt Nam, ví dụ 0912 345 678.');
  }
  return { phone };
}

function checkOutcome(input: IntakeInput, procedure: ProcedureForIntake): void {
  if (input.outcome === 'incomplete' && !input.missing?.length) {
    throw invalidField('missing', 'List everything that is missing, all at once.', 'Liệt kê đầy đủ một lần các giấy tờ còn thiếu.');
  }
  if (input.outcome === 'refused' && !input.reasons?.some((r) => r.trim())) {
    throw invalidField('reasons', 'Give the reasons for refusing the dossier.', 'Nêu rõ lý do từ chối tiếp nhận.');
  }
  if (input.outcome === 'complete') {
    const missingRequired = input.documents.filter((d) => (d.required ?? true) && !d.received);
    if (missingRequired.length) {
      throw invalidField('documents', `Required documents are not ticked as received: ${missingRequired.map((d) => d.name).join('; ')}. Request a supplement instead.`,
        `Còn giấy tờ bắt buộc chưa nhận: ${missingRequired.map((d) => d.name).join('; ')}. Hãy lập phiếu yêu cầu bổ sung.`);
    }
  }
  if (input.finishNow && !procedure.onTheSpot) {
    throw invalidField('finishNow', 'Only on-the-spot procedures can be finished at intake.', 'Chỉ thủ tục giải quyết ngay mới được trả kết quả ngay khi tiếp nhận.');
  }
  if (input.finishNow && input.outcome !== 'complete') {
    throw invalidField('finishNow', 'Only a complete dossier can be finished at intake.', 'Chỉ hồ sơ đầy đủ mới được trả kết quả ngay.');
  }
}

function durationOf(p: ProcedureForIntake): Duration {
  const d = p.case.duration;
  return d.kind === 'same_day' ? { kind: 'same_day' } : { kind: d.kind, amount: d.amount };
}

export async function receiveDossier(
  db: Kysely<Schema>, actor: IntakeActor, input: IntakeInput, now: Date, idempotency: { scope: string; key: string } | null,
): Promise<IntakeResult> {
  const hash = requestHash(input);
  try {
    return await receiveOnce(db, actor, input, now, idempotency, hash, false);
  } catch (err) {
    // The key was used before (a retry after a lost answer), or by a request that committed while this one ran (a
    // double click): the key's row, written last, failed on its primary key. The earlier dossier is the answer.
    if (!idempotency || (err as { constraint?: string }).constraint !== 'dossier_idempotency_pkey') throw err;
    return receiveOnce(db, actor, input, now, idempotency, hash, true);
  }
}

/**
 * One attempt: a new dossier with the key stored beside it; when `seenKey`, first the key's earlier dossier. A
 * repeated key is rare, so the first attempt does not look for it (one round trip less per dossier).
 */
async function receiveOnce(
  db: Kysely<Schema>, actor: IntakeActor, input: IntakeInput, now: Date, idempotency: { scope: string; key: string } | null, hash: string, seenKey: boolean,
): Promise<IntakeResult> {
  return db.transaction().execute(async (trx) => {
    if (idempotency && seenKey) {
      const prior = await trx.selectFrom('dossier_idempotency as i').innerJoin('dossiers as d', 'd.id', 'i.dossier_id')
        .select(['i.request_hash', 'd.id', 'd.code', 'd.lookup_secret', 'd.state', 'd.due_at', 'd.appointment_at'])
        .where('i.scope', '=', idempotency.scope).where('i.key', '=', idempotency.key).executeTakeFirst();
      if (prior) {
        if (prior.request_hash !== hash) {
          throw conflict('idempotency_key_reused', 'This Idempotency-Key was already used for a different request.', 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.');
        }
        return {
          dossierId: prior.id, code: prior.code, lookupSecret: prior.lookup_secret, state: prior.state as DossierState, replayed: true,
          dueAt: prior.due_at, appointmentAt: prior.appointment_at,
        };
      }
    }
    // The dossier and the rows that go with it (documents, history, audit, statistics, outbox, idempotency) are
    // written in one statement. The key's row is written last: a concurrent request with the same key waits on it
    // and, once this commits, fails on the primary key and is answered from this dossier (see receiveDossier).
    const batch = new WriteBatch();
    const result = await createDossier(trx, actor, input, now, batch);
    if (idempotency) {
      batch.add(insertRows('dossier_idempotency', [{ scope: idempotency.scope, key: idempotency.key, request_hash: hash, dossier_id: result.dossierId }]));
    }
    await batch.flush(trx);
    return result;
  });
}

async function createDossier(trx: Transaction<Schema>, actor: IntakeActor, input: IntakeInput, now: Date, batch: WriteBatch): Promise<IntakeResult> {
  const receives = input.outcome === 'complete';
  const found = await unitForIntake(trx, input.unitId, actor.reach, receives ? localDate(now) : null);
  if (!found) throw invalidField('unitId', 'Unknown receiving unit.', 'Không có đơn vị tiếp nhận này.');
  if (!found.inReach) throw forbidden('You cannot receive dossiers for this unit', 'Bạn không được tiếp nhận hồ sơ cho đơn vị này');
  const { unit, calendar, ruleSet } = found;
  const procedure = await requireProcedureForIntake(trx, { procedureId: input.procedureId, code: input.procedureCode, caseId: input.caseId, unitId: unit.id, at: now });
  if (!procedure.offered) {
    throw new AppError(422, 'procedure_not_offered', `${unit.fullName} does not receive procedure ${procedure.code}.`, `${unit.fullName} không tiếp nhận thủ tục ${procedure.code}.`);
  }
  checkOutcome(input, procedure);
  const { phone } = checkApplicant(input.applicant);
  if (receives && !unit.agencyCode) {
    throw new AppError(422, 'no_agency_code', `${unit.fullName} has no agency identifier, so it cannot issue dossier codes. Ask the administrator to set it.`,
      `${unit.fullName} chưa có mã định danh cơ quan nên không cấp được mã hồ sơ. Đề nghị quản trị viên cập nhật.`);
  }
  const submittedAt = input.submittedAt && input.submittedAt.getTime() < now.getTime() ? input.submittedAt : now;
  const duration = durationOf(procedure);
  const workflow: Workflow = { versionId: procedure.workflowVersionId, definition: procedure.workflowDefinition };
  const state: DossierState = receives ? 'received' : input.outcome === 'incomplete' ? 'intake_incomplete' : input.outcome === 'refused' ? 'intake_refused' : 'submitted_online';

  let code: string | null = null;
  let secret: string | null = null;
  let due: ReturnType<typeof computeDueDate> | null = null;
  if (receives) {
    code = issueDossierCode({ agencyCode: unit.agencyCode!, fullName: unit.fullName }, now, found.sequence!);
    due = computeDueDate(calendar, { start: now, duration });
  }
  if (receives || state === 'submitted_online') secret = lookupSecretFrom(randomBytes(10));
  const fees = procedure.case.fees.filter((f) => !f.free && (f.amountVnd ?? 0) > 0).map((f) => ({ name: f.name ?? 'Phí, lệ phí', amountVnd: f.amountVnd! }));
  const feeTotal = fees.reduce((sum, f) => sum + f.amountVnd, 0);
  const a = input.applicant;
  const intakeAction = `intake.${input.outcome}`;
  // Every column is written (the defaults as the table has them), so this object is the row as stored. The
  // defaults come after the other columns: properties added after a spread made V8 build this object (70
  // columns) in its slow dictionary form, 130 µs a dossier here, against 0.3 µs this way.
  const row: DossierRow = {
    id: randomUUID(), code, lookup_secret: secret, unit_id: unit.id, procedure_id: procedure.procedureId, procedure_version_id: procedure.versionId,
    case_id: procedure.case.id, procedure_code: procedure.code, procedure_name: procedure.name, field: procedure.field,
    workflow_version_id: procedure.workflowVersionId, duration_kind: duration.kind, duration_amount: duration.kind === 'same_day' ? 0 : duration.amount,
    channel: input.channel, state, national_status: nationalStatus[state], step_key: receives ? firstStep(workflow).key : null, step_role: receives ? firstStep(workflow).role : null,
    step_trail: [], applicant_kind: a.kind, applicant_name: nfc(a.fullName.trim()), applicant_name_folded: foldVietnamese(a.fullName),
    applicant_id_number: a.idNumber || null, applicant_birth_year: a.birthYear ?? null, applicant_phone: phone,
    applicant_email: a.email?.trim() || null, applicant_address: a.address ? nfc(a.address.trim()) : null,
    applicant_address_unit_id: a.addressUnitId ?? null, applicant_user_id: input.applicantUserId ?? null,
    submitted_at: submittedAt, received_at: receives ? now : null, clock_start_at: due?.effectiveStart ?? null,
    due_at: due?.dueAt ?? null, appointment_at: due?.dueAt ?? null, calendar_rule_version: due ? ruleSet.version : null,
    fees, intake_note: input.note ?? null, received_by: receives ? actor.audit.actorId : null,
    assignee_id: null, state_before_pause: null, state_before_supplement: null, finished_at: null, returned_at: null, closed_at: null,
    paused_since: null, result_number: null, result_signed_on: null, result_signer: null, result_file_id: null, created_at: now, updated_at: now,
    timeline: timelineOf([{ action: intakeAction, at: now }]), // the intake event below: the database has nothing to append
    ...newDossierDefaults, fee_total: feeTotal, payment_gate: feeTotal > 0,
  };
  batch.add(insertRows('dossiers', [{ ...row, fees: JSON.stringify(fees), step_trail: JSON.stringify(row.step_trail), timeline: JSON.stringify(row.timeline) }]));

  if (input.documents.length) {
    batch.add(insertRows('dossier_documents', input.documents.map((d, i) => ({
      dossier_id: row.id, position: i + 1, name: nfc(d.name), copy_type: d.copyType ?? null, count: d.count ?? 1,
      required: d.required ?? true, received: d.received, file_id: d.fileId ?? null, note: d.note ?? null,
    }))));
  }
  if (state === 'intake_incomplete') {
    batch.add(trx.insertInto('supplement_rounds').values({
      dossier_id: row.id, stage: 'intake', requested_at: now, requested_by: actor.audit.actorId,
      reason: input.note ?? 'Hồ sơ chưa đầy đủ', items: JSON.stringify(input.missing ?? []),
    }));
  }
  const step = receives ? firstStep(workflow) : null;
  const firstDeadline = receives ? firstStepDeadline(calendar, workflow, row) : null;
  await insertEvent(trx, {
    dossierId: row.id, at: now, actor: { id: actor.audit.actorId, name: actor.name, unitId: actor.unitId }, action: intakeAction,
    fromState: null, toState: state, fromStep: null, toStep: step?.key ?? null, stepName: step?.name ?? null,
    stepDeadline: firstDeadline, dueAt: row.due_at, note: input.note ?? null,
    data: { missing: input.missing, reasons: input.reasons, ruleVersion: row.calendar_rule_version, workflowVersionId: row.workflow_version_id },
  }, batch);
  let final: DossierRow = row;
  if (input.finishNow) {
    await batch.flush(trx); // the dossier and its intake event before the return's
    final = await finishOnTheSpot(trx, actor, row, input.finishNow, now);
  }
  await audit(trx, actor.audit, { action: `dossier.intake.${input.outcome}`, subjectType: 'dossier', subjectId: row.id, unitId: unit.id, after: { code, state: final.state, procedure: procedure.code, channel: input.channel } }, batch);
  await applyStatDeltas(trx, statDeltas(null, statViewOf(final, final.finished_at && final.clock_start_at ? Math.max(0, workingTimeBetween(calendar, final.clock_start_at, final.finished_at)) : null)), batch);
  if (receives) await notifyDossierEvent(trx, final, input.finishNow ? 'dossier.returned' : 'dossier.received', unit.fullName, now, {}, batch);
  if (state === 'intake_incomplete') {
    await notifyDossierEvent(trx, final, 'dossier.supplement_requested', unit.fullName, now, { missing: (input.missing ?? []).map((m) => `${m.document}: ${m.reason}`) }, batch);
  }
  return {
    dossierId: row.id, code, lookupSecret: secret, state: final.state as DossierState, replayed: false, dueAt: final.due_at, appointmentAt: final.appointment_at,
  };
}

function firstStepDeadline(calendar: WorkingCalendar, workflow: Workflow, row: DossierRow): Date | null {
  return stepDeadline({ calendar, workflow } as DecideEnv, {
    clockStartAt: row.clock_start_at, dueAt: row.due_at, stepKey: row.step_key, stepTrail: [],
  } as unknown as DossierSnapshot);
}

async function finishOnTheSpot(trx: Transaction<Schema>, actor: IntakeActor, row: DossierRow, finish: NonNullable<IntakeInput['finishNow']>, now: Date): Promise<DossierRow> {
  const steps = [['record_result', 'received', 'result_ready'], ['return_result', 'result_ready', 'returned']] as const;
  const updated = await trx.updateTable('dossiers').set({
    state: 'returned', national_status: nationalStatus.returned, finished_at: now, returned_at: now, closed_at: now,
    result_number: finish.resultNumber ?? null, version: row.version + 1, updated_at: now,
    ...timelineAppend(...steps.map(([action]) => ({ action, at: now }))),
  }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  const by = { id: actor.audit.actorId, name: actor.name, unitId: actor.unitId };
  for (const [action, from, to] of steps) {
    await insertEvent(trx, {
      dossierId: row.id, at: now, actor: by, action, fromState: from, toState: to, fromStep: row.step_key, toStep: row.step_key,
      stepName: null, stepDeadline: null, dueAt: row.due_at, note: finish.note ?? null,
    });
  }
  return updated;
}
