import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { addWorkingTime, computeDueDate, formatLocal, localDate, workingTimeBetween, type Duration, type WorkingCalendar } from '../../../calendar/index.ts';
import type { Role } from '../../../access/roles.ts';
import { audit, type AuditContext } from '../../../audit/audit.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError, notFound, staleVersion } from '../../../platform/errors.ts';
import { foldVietnamese, nfc } from '../../../platform/text.ts';
import { getUnit } from '../../../units/repository.ts';
import { calendarFor } from '../../calendar/repository.ts';
import { checkCitizenId, normalisePhone } from '../domain/applicant.ts';
import { lookupSecretFrom } from '../domain/code.ts';
import { nationalStatus, type DossierState } from '../domain/states.ts';
import { statDeltas } from '../domain/stats.ts';
import { decide, DomainError, type DecideInput, type DossierAction, type DossierSnapshot } from '../domain/transitions.ts';
import { firstStep, stepByKey, type Workflow } from '../domain/workflow.ts';
import { requireProcedureForIntake } from '../../catalog/index.ts';
import { notifyDossierEvent } from '../notify.ts';
import { applyStatDeltas, insertEvent, lockDossier, nextDailySequence, snapshotOf, statViewOf, updateDossier, type DossierUpdate } from '../repository.ts';
import type { DossierRow } from '../tables.ts';
import { issueDossierCode } from './code.ts';
import { adoptWorkflow, loadWorkflow } from './workflow.ts';
import { rolesOver } from './roles.ts';

// One action on a dossier: lock the row, check reach, role and version, decide the transition (pure), then
// write the new state, history, side records, audit, outbox and statistics in the same transaction.

export interface ActionRequest {
  action: DossierAction;
  version: number;
  note?: string | null;
  toStep?: string;
  assigneeId?: string | null;
  reason?: string;
  reasons?: string[];
  applicantDeadline?: Date | null;
  newAppointmentAt?: Date;
  items?: { document: string; reason: string }[];
  result?: { number?: string | null; signedOn?: string | null; signer?: string | null; fileId?: string | null };
  correction?: {
    applicant?: { fullName?: string; idNumber?: string | null; birthYear?: number | null; phone?: string | null; email?: string | null; address?: string | null };
    dueAt?: Date;
    /** A dossier received under the wrong procedure (or case): re-pins the procedure, its workflow and due date. */
    procedureCode?: string;
    caseId?: string;
  };
}

export interface Actor {
  audit: AuditContext;
  userId: string;
  name: string;
  unitId: string | null;
  grants: { role: Role; unitId: string }[];
}

/** Supplement requests are allowed within this many working days of receipt (Decree 61/2018 art. 16). */
export const supplementWindowWorkingDays = 3;

function domainToHttp(err: unknown): never {
  if (err instanceof DomainError) {
    const status = err.code === 'role_not_allowed' ? 403 : err.code === 'action_not_allowed' ? 409 : 422;
    throw new AppError(status, err.code, err.message, err.messageVi);
  }
  throw err;
}

function durationOf(row: DossierRow): Duration {
  return row.duration_kind === 'same_day' ? { kind: 'same_day' } : { kind: row.duration_kind as 'working_days', amount: Number(row.duration_amount) };
}

function toDecideInput(r: ActionRequest): DecideInput {
  const text = (v: string | undefined | null) => (v ?? '').trim();
  switch (r.action) {
    case 'forward':
    case 'approve':
      return { action: r.action, toStep: r.toStep, note: r.note ?? undefined };
    case 'return_previous':
      return { action: r.action, note: text(r.note ?? r.reason) };
    case 'request_supplement':
      return { action: r.action, reason: text(r.reason), applicantDeadline: r.applicantDeadline ?? undefined };
    case 'pause_financial':
    case 'withdraw':
    case 'stop':
    case 'request_intake_supplement':
      return { action: r.action, reason: text(r.reason) } as DecideInput;
    case 'refuse':
    case 'refuse_intake':
      return { action: r.action, reasons: (r.reasons ?? []).map((x) => x.trim()).filter(Boolean) };
    case 'apologize':
      return { action: r.action, reason: text(r.reason), newAppointmentAt: r.newAppointmentAt! };
    case 'correct_intake':
      return { action: r.action, reason: text(r.reason), dueAt: r.correction?.dueAt };
    default:
      return { action: r.action } as DecideInput;
  }
}

function requireText(r: ActionRequest): void {
  const needsReason: DossierAction[] = ['return_previous', 'request_supplement', 'pause_financial', 'withdraw', 'stop', 'apologize', 'correct_intake', 'request_intake_supplement'];
  if (needsReason.includes(r.action) && !(r.reason ?? r.note ?? '').trim()) {
    throw new AppError(400, 'reason_required', 'Give the reason for this action.', 'Hãy nêu lý do của thao tác này.', [{ field: 'reason', message: 'required', messageVi: 'bắt buộc' }]);
  }
  if ((r.action === 'refuse' || r.action === 'refuse_intake') && !(r.reasons ?? []).some((x) => x.trim())) {
    throw new AppError(400, 'reasons_required', 'Give the reasons for the refusal.', 'Hãy nêu lý do từ chối.', [{ field: 'reasons', message: 'required', messageVi: 'bắt buộc' }]);
  }
  if (r.action === 'apologize' && !r.newAppointmentAt) {
    throw new AppError(400, 'appointment_required', 'Give the new appointment.', 'Hãy chọn ngày hẹn trả mới.', [{ field: 'newAppointmentAt', message: 'required', messageVi: 'bắt buộc' }]);
  }
}

export function processingMsOf(row: DossierRow, calendar: WorkingCalendar): number | null {
  if (!row.finished_at || !row.clock_start_at) return null;
  return Math.max(0, workingTimeBetween(calendar, row.clock_start_at, row.finished_at) - row.paused_working_ms);
}

export async function actOnDossier(db: Kysely<Schema>, actor: Actor, dossierId: string, request: ActionRequest, now: Date): Promise<DossierRow> {
  requireText(request);
  return db.transaction().execute(async (trx) => {
    let row = await lockDossier(trx, dossierId);
    if (!row) throw notFound('Dossier', 'Hồ sơ');
    const roles = await rolesOver(trx, actor.grants, row.unit_id);
    if (!roles.length) throw notFound('Dossier', 'Hồ sơ');
    if (row.version !== request.version) throw staleVersion();
    if (!row.workflow_version_id) {
      const adopted = await adoptWorkflow(trx, row);
      await trx.updateTable('dossiers').set({
        workflow_version_id: adopted.workflow_version_id!, step_key: adopted.step_key!, step_role: adopted.step_role!, step_trail: JSON.stringify(adopted.step_trail),
      }).where('id', '=', row.id).execute();
      row = { ...row, ...adopted } as DossierRow;
    }
    const unit = (await getUnit(trx, row.unit_id))!;
    const { calendar, ruleSet } = await calendarFor(trx, row.unit_id);
    const workflow = await loadWorkflow(trx, row.workflow_version_id);
    const before = snapshotOf(row);
    let decision;
    try {
      decision = decide(before, toDecideInput(request), {
        now, calendar, duration: durationOf(row), workflow, roles, ruleVersion: ruleSet.version, supplementWindowWorkingDays,
      });
    } catch (err) {
      domainToHttp(err);
    }
    const set = await sideEffects(trx, row, workflow, decision.next, decision.effects, request, now, actor, unit, calendar);
    if (decision.next.dueAt?.getTime() !== before.dueAt?.getTime()) set.calendar_rule_version = ruleSet.version;
    const updated = await updateDossier(trx, row.id, row.version, set, now, [{ action: request.action, at: now }]);
    const fromStep = stepByKey(workflow, before.stepKey);
    const toStep = stepByKey(workflow, decision.next.stepKey);
    await insertEvent(trx, {
      dossierId: row.id, at: now, actor: { id: actor.userId, name: actor.name, unitId: actor.unitId }, action: request.action,
      fromState: before.state, toState: decision.next.state, fromStep: fromStep?.key ?? null, toStep: toStep?.key ?? null,
      stepName: toStep?.name ?? null, stepDeadline: decision.stepDeadline, dueAt: updated.due_at, assigneeId: updated.assignee_id,
      note: request.note ?? request.reason ?? null,
      data: { reasons: request.reasons, items: request.items, newAppointmentAt: request.newAppointmentAt, result: request.result, correction: request.correction, ruleVersion: updated.calendar_rule_version },
    });
    await audit(trx, actor.audit, {
      action: `dossier.${request.action}`, subjectType: 'dossier', subjectId: row.id, unitId: row.unit_id,
      before: { state: before.state, step: before.stepKey, dueAt: before.dueAt, version: row.version },
      after: { state: updated.state, step: updated.step_key, dueAt: updated.due_at, version: updated.version },
    });
    await applyStatDeltas(trx, statDeltas(statViewOf(row, processingMsOf(row, calendar)), statViewOf(updated, processingMsOf(updated, calendar))));
    for (const e of decision.effects) {
      if (e.kind !== 'notify') continue;
      const extra: Record<string, unknown> = {};
      if (e.template === 'dossier.supplement_requested') {
        extra.reason = request.reason;
        if (request.items?.length) extra.missing = request.items.map((i) => `${i.document}: ${i.reason}`);
        extra.deadline = request.applicantDeadline ? formatLocal(request.applicantDeadline) : null;
      }
      if (e.template === 'dossier.new_appointment') {
        extra.newDueAt = formatLocal(updated.appointment_at!);
        extra.previousDueAt = row.appointment_at ? formatLocal(row.appointment_at) : null;
        extra.cause = request.action === 'apologize' ? 'apology' : 'supplement_completed';
        if (request.reason) extra.reason = request.reason;
      }
      await notifyDossierEvent(trx, updated, e.template, unit.fullName, now, extra);
    }
    return updated;
  });
}

/** Who acts next: the step's role; a ready result waits for the desk. */
function stepRoleOf(workflow: Workflow, next: DossierSnapshot): string | null {
  if (next.state === 'result_ready') return 'desk_officer';
  return stepByKey(workflow, next.stepKey)?.role ?? null;
}

async function sideEffects(
  trx: Transaction<Schema>, row: DossierRow, workflow: Workflow, next: DossierSnapshot, effects: ReturnType<typeof decide>['effects'],
  request: ActionRequest, now: Date, actor: Actor, unit: { agencyCode: string | null; fullName: string }, calendar: WorkingCalendar,
): Promise<DossierUpdate> {
  const state = next.state as DossierState;
  const set: DossierUpdate = {
    state, national_status: nationalStatus[state], step_key: next.stepKey, step_role: stepRoleOf(workflow, next), step_trail: JSON.stringify(next.stepTrail),
    state_before_pause: next.stateBeforePause, state_before_supplement: next.stateBeforeSupplement,
    received_at: next.receivedAt, clock_start_at: next.clockStartAt, due_at: next.dueAt, appointment_at: next.appointmentAt,
    apology_count: next.apologyCount, paused_since: next.pausedSince,
  };
  if (request.action === 'forward' || request.action === 'approve' || request.action === 'return_previous') set.assignee_id = request.assigneeId ?? null;
  for (const e of effects) {
    switch (e.kind) {
      case 'supplement_opened':
        await trx.insertInto('supplement_rounds').values({
          dossier_id: row.id, stage: 'processing', requested_at: now, requested_by: actor.userId, reason: e.reason,
          items: JSON.stringify(request.items ?? []), applicant_deadline: e.applicantDeadline,
        }).execute();
        set.supplement_rounds = row.supplement_rounds + 1;
        break;
      case 'supplement_completed':
        await trx.updateTable('supplement_rounds').set({ completed_at: now, old_due_at: e.oldDueAt, new_due_at: e.newDueAt })
          .where('dossier_id', '=', row.id).where('completed_at', 'is', null).execute();
        break;
      case 'pause_started':
        await trx.insertInto('dossier_pauses').values({ dossier_id: row.id, reason: e.reason, started_at: now }).execute();
        break;
      case 'pause_ended':
        await trx.updateTable('dossier_pauses').set({ ended_at: now, paused_working_ms: e.pausedWorkingMs })
          .where('dossier_id', '=', row.id).where('ended_at', 'is', null).execute();
        set.paused_working_ms = row.paused_working_ms + e.pausedWorkingMs;
        break;
      case 'finished':
        set.finished_at = now;
        set.closed_at = now;
        break;
      case 'returned':
        set.returned_at = now;
        break;
      case 'clock_started': {
        const sequence = await nextDailySequence(trx, row.unit_id, localDate(now));
        const { agencyCode, fullName } = unit;
        if (!agencyCode) throw new AppError(422, 'no_agency_code', 'The receiving unit has no agency identifier.', 'Đơn vị tiếp nhận chưa có mã định danh cơ quan.');
        set.code = issueDossierCode({ agencyCode, fullName }, now, sequence);
        set.lookup_secret = row.lookup_secret ?? lookupSecretFrom(randomBytes(10));
        set.received_by = actor.userId;
        break;
      }
      default:
        break;
    }
  }
  if (state === 'withdrawn' || state === 'stopped') set.closed_at = now;
  if (request.action === 'record_result' && request.result) {
    set.result_number = request.result.number ?? null;
    set.result_signed_on = request.result.signedOn ?? null;
    set.result_signer = request.result.signer ?? null;
    set.result_file_id = request.result.fileId ?? null;
  }
  if (request.action === 'correct_intake') {
    Object.assign(set, correctedApplicant(row, request), { receipt_issue: row.receipt_issue + 1 });
    if (request.correction?.procedureCode) Object.assign(set, await correctedProcedure(trx, row, request.correction, calendar));
  }
  return set;
}

/** Re-pins the procedure, case, fees and workflow (keeping the current step when the new workflow has it) and recomputes the due date. */
async function correctedProcedure(trx: Transaction<Schema>, row: DossierRow, c: NonNullable<ActionRequest['correction']>, calendar: WorkingCalendar): Promise<DossierUpdate> {
  const p = await requireProcedureForIntake(trx, { code: c.procedureCode, caseId: c.caseId, unitId: row.unit_id, at: row.received_at ?? row.submitted_at });
  if (!p.offered) throw new AppError(422, 'procedure_not_offered', `This unit does not receive procedure ${p.code}.`, `Đơn vị không tiếp nhận thủ tục ${p.code}.`);
  const workflow = await loadWorkflow(trx, p.workflowVersionId);
  const keys = new Set(workflow.definition.steps.map((s) => s.key));
  const stepKey = row.step_key && keys.has(row.step_key) ? row.step_key : firstStep(workflow).key;
  const duration: Duration = p.case.duration.kind === 'same_day' ? { kind: 'same_day' } : { kind: p.case.duration.kind, amount: p.case.duration.amount };
  // The new processing time runs from the same clock start, extended by the working time already paused.
  const base = row.clock_start_at && !c.dueAt ? computeDueDate(calendar, { start: row.clock_start_at, duration }).dueAt : null;
  const due = base && row.paused_working_ms > 0 ? addWorkingTime(calendar, base, row.paused_working_ms) : base;
  const fees = p.case.fees.filter((f) => !f.free && (f.amountVnd ?? 0) > 0).map((f) => ({ name: f.name ?? 'Phí, lệ phí', amountVnd: f.amountVnd! }));
  const feeTotal = fees.reduce((sum, f) => sum + f.amountVnd, 0);
  return {
    procedure_id: p.procedureId, procedure_version_id: p.versionId, case_id: p.case.id, procedure_code: p.code, procedure_name: p.name, field: p.field,
    duration_kind: duration.kind, duration_amount: duration.kind === 'same_day' ? 0 : duration.amount,
    workflow_version_id: p.workflowVersionId, step_key: stepKey, step_role: stepByKey(workflow, stepKey)?.role ?? null,
    step_trail: JSON.stringify((row.step_trail ?? []).filter((k) => keys.has(k))),
    fees: JSON.stringify(fees), fee_total: feeTotal, payment_gate: feeTotal > 0,
    ...(due ? { due_at: due, appointment_at: due } : {}),
  };
}

function correctedApplicant(row: DossierRow, request: ActionRequest): DossierUpdate {
  const a = request.correction?.applicant;
  if (!a) return {};
  const set: DossierUpdate = {};
  if (a.fullName !== undefined) {
    if (!a.fullName.trim()) throw new AppError(400, 'invalid_input', 'Enter the applicant’s name.', 'Nhập họ tên người nộp hồ sơ.');
    set.applicant_name = nfc(a.fullName.trim());
    set.applicant_name_folded = foldVietnamese(a.fullName);
  }
  if (a.idNumber !== undefined) {
    const check = a.idNumber ? checkCitizenId(a.idNumber, a.birthYear ?? row.applicant_birth_year) : { ok: true };
    if (!check.ok) throw new AppError(400, 'invalid_input', check.message!, check.messageVi!);
    set.applicant_id_number = a.idNumber;
  }
  if (a.birthYear !== undefined) set.applicant_birth_year = a.birthYear;
  if (a.phone !== undefined) {
    const phone = a.phone ? normalisePhone(a.phone) : null;
    if (a.phone && !phone) throw new AppError(400, 'invalid_input', 'Enter a Vietnamese phone number.', 'Nhập số điện thoại Việt Nam hợp lệ.');
    set.applicant_phone = phone;
  }
  if (a.email !== undefined) set.applicant_email = a.email?.trim() || null;
  if (a.address !== undefined) set.applicant_address = a.address ? nfc(a.address.trim()) : null;
  return set;
}
