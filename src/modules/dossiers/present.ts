import { describeDeadline, classifyDeadline, formatLocal, type WorkingCalendar } from '../../calendar/index.ts';
import type { Role } from '../../access/roles.ts';
import { nationalStatus, stateLabels, type DossierState } from './domain/states.ts';
import { actionRules, availableActions } from './domain/transitions.ts';
import { stepByKey, type Workflow } from './domain/workflow.ts';
import { snapshotOf } from './repository.ts';
import type { DossierRow } from './tables.ts';

// Presenters: the JSON shapes the API returns. Instants are RFC 3339 with +07:00.

export const iso = (d: Date | null | undefined) => (d ? formatLocal(d) : null);

export function deadlineOf(row: Pick<DossierRow, 'state' | 'due_at' | 'finished_at'>, calendar: WorkingCalendar, now: Date) {
  if (!row.due_at) return null;
  const finished = row.finished_at && ['result_ready', 'returned', 'refused'].includes(row.state);
  if (!finished && !['received', 'in_progress', 'supplement_requested', 'paused_financial'].includes(row.state)) return null;
  const d = describeDeadline(calendar, { dueAt: row.due_at, finishedAt: finished ? row.finished_at : null, now });
  return { status: d.status, vi: d.vi, en: d.en };
}

export function listItem(row: Pick<DossierRow, 'id' | 'code' | 'unit_id' | 'procedure_code' | 'procedure_name' | 'channel' | 'state' | 'applicant_name' | 'received_at' | 'submitted_at' | 'due_at' | 'appointment_at' | 'finished_at' | 'returned_at' | 'assignee_id' | 'step_key' | 'version'>, calendar: WorkingCalendar, now: Date) {
  const state = row.state as DossierState;
  return {
    id: row.id, code: row.code, unitId: row.unit_id, procedureCode: row.procedure_code, procedureName: row.procedure_name,
    channel: row.channel, state, stateLabel: stateLabels[state].vi, stateLabelEn: stateLabels[state].en, nationalStatus: nationalStatus[state],
    applicantName: row.applicant_name, submittedAt: iso(row.submitted_at), receivedAt: iso(row.received_at), dueAt: iso(row.due_at),
    appointmentAt: iso(row.appointment_at), finishedAt: iso(row.finished_at), returnedAt: iso(row.returned_at),
    assigneeId: row.assignee_id, stepKey: row.step_key, version: row.version,
    deadline: deadlineOf(row as DossierRow, calendar, now),
  };
}

export function actionsFor(row: DossierRow, workflow: Workflow | null, roles: readonly Role[]) {
  if (!workflow) return [];
  return availableActions(snapshotOf(row), workflow, roles).map((a) => ({ action: a, label: actionRules[a].label.vi, labelEn: actionRules[a].label.en }));
}

export function stepOf(row: DossierRow, workflow: Workflow | null) {
  const step = workflow ? stepByKey(workflow, row.step_key) : null;
  if (!step) return null;
  return {
    key: step.key, name: step.name, nameEn: step.nameEn, role: step.role, final: step.final,
    next: step.next.map((k) => { const s = stepByKey(workflow!, k); return { key: k, name: s?.name ?? k, role: s?.role ?? null }; }),
  };
}

export function classificationOf(row: DossierRow): string | null {
  if (!row.due_at || !row.finished_at) return null;
  return classifyDeadline({ dueAt: row.due_at, finishedAt: row.finished_at });
}
