import type { Caller } from '../../access/roles.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { getUnit } from '../../units/repository.ts';
import { calendarFor } from '../calendar/repository.ts';
import { rolesOver } from './commands/roles.ts';
import { adoptWorkflow, loadWorkflow } from './commands/workflow.ts';
import { actionRules, dossierActions, type DossierAction } from './domain/transitions.ts';
import { dossierPolicy } from './policy.ts';
import { actionsFor, classificationOf, iso, listItem, stepOf } from './present.ts';
import { stepByKey } from './domain/workflow.ts';
import { documentsOf, eventsOf, getDossierRow, paymentsOf, supplementRoundsOf } from './repository.ts';

const intakeLabels: Record<string, { vi: string; en: string }> = {
  'intake.complete': { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received' },
  'intake.incomplete': { vi: 'Yêu cầu bổ sung, hoàn thiện khi tiếp nhận', en: 'Supplement requested at intake' },
  'intake.refused': { vi: 'Từ chối tiếp nhận', en: 'Refused at intake' },
  'intake.submitted_online': { vi: 'Nộp hồ sơ trực tuyến', en: 'Submitted online' },
  import: { vi: 'Nhập từ hệ thống cũ', en: 'Imported from the previous system' },
  recompute_due: { vi: 'Tính lại hạn do lịch làm việc thay đổi', en: 'Due date recomputed after a calendar change' },
  payment: { vi: 'Thu phí, lệ phí', en: 'Fee paid' },
  refund: { vi: 'Hoàn trả phí, lệ phí', en: 'Fee refunded' },
};

export function actionLabel(action: string): { vi: string; en: string } {
  if (intakeLabels[action]) return intakeLabels[action];
  if ((dossierActions as readonly string[]).includes(action)) return actionRules[action as DossierAction].label;
  return { vi: action, en: action };
}

/** The dossier as the console shows it, or null when it does not exist or is outside the caller's reach. */
export async function dossierDetail(ctx: AppContext, caller: Caller, id: string) {
  const db = ctx.database.db;
  const row = await getDossierRow(db, id);
  if (!row) return null;
  const readRoles = dossierPolicy.read.roles;
  const roles = await rolesOver(db, caller.grants, row.unit_id);
  if (!roles.some((r) => readRoles.includes(r))) return null;
  const now = ctx.clock();
  const [unit, { calendar }, documents, events, rounds, payments] = await Promise.all([
    getUnit(db, row.unit_id), calendarFor(db, row.unit_id), documentsOf(db, id), eventsOf(db, id), supplementRoundsOf(db, id), paymentsOf(db, id),
  ]);
  const adopted = row.workflow_version_id ? null : await adoptWorkflow(db, row).catch(() => null);
  const workflow = row.workflow_version_id ? await loadWorkflow(db, row.workflow_version_id)
    : adopted ? await loadWorkflow(db, adopted.workflow_version_id!) : null;
  const shown = adopted ? { ...row, ...adopted } as typeof row : row;
  return {
    ...listItem(row, calendar, now),
    unitName: unit?.fullName ?? '',
    field: row.field,
    procedureId: row.procedure_id,
    caseId: row.case_id,
    workflowVersionId: row.workflow_version_id,
    duration: { kind: row.duration_kind, amount: row.duration_amount === null ? null : Number(row.duration_amount) },
    applicant: {
      kind: row.applicant_kind, fullName: row.applicant_name, idNumber: row.applicant_id_number, birthYear: row.applicant_birth_year,
      phone: row.applicant_phone, email: row.applicant_email, address: row.applicant_address,
    },
    lookupSecret: row.lookup_secret,
    calendarRuleVersion: row.calendar_rule_version,
    classification: classificationOf(row),
    supplementRoundCount: row.supplement_rounds,
    apologyCount: row.apology_count,
    fees: { total: row.fee_total, paid: row.paid_total, gate: row.payment_gate },
    result: { number: row.result_number, signedOn: row.result_signed_on, signer: row.result_signer, fileId: row.result_file_id },
    step: stepOf(shown, workflow),
    receiptIssue: row.receipt_issue,
    documents: documents.map((d) => ({ id: d.id, name: d.name, copyType: d.copy_type, count: d.count, required: d.required, received: d.received, fileId: d.file_id, note: d.note })),
    timeline: events.map((e) => ({
      id: e.id, at: iso(e.at)!, actorName: e.actor_name, action: e.action, actionLabel: actionLabel(e.action).vi, actionLabelEn: actionLabel(e.action).en,
      stepNameEn: (workflow && e.to_step ? stepByKey(workflow, e.to_step)?.nameEn : null) ?? null, fromState: e.from_state, toState: e.to_state,
      fromStep: e.from_step, toStep: e.to_step, stepName: e.step_name, stepDeadline: iso(e.step_deadline), dueAt: iso(e.due_at), note: e.note, data: e.data,
    })),
    supplementRounds: rounds.map((r) => ({
      id: r.id, stage: r.stage, requestedAt: iso(r.requested_at)!, reason: r.reason, items: r.items, applicantDeadline: iso(r.applicant_deadline),
      completedAt: iso(r.completed_at), oldDueAt: iso(r.old_due_at), newDueAt: iso(r.new_due_at),
    })),
    payments: payments.map((p) => ({
      id: p.id, amount: p.amount, method: p.method, receiptNumber: p.receipt_number, paidAt: iso(p.paid_at)!, refundedAt: iso(p.refunded_at), refundAmount: p.refund_amount,
    })),
    availableActions: actionsFor(shown, workflow, roles),
  };
}
