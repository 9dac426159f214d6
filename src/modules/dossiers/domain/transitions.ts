import type { Role } from '../../../access/roles.ts';
import {
  addWorkingTime, computeDueDate, workingTimeBetween, type Duration, type WorkingCalendar,
} from '../../../calendar/index.ts';
import { type DossierState } from './states.ts';
import type { WorkflowAction } from '../../catalog/index.ts';
import { cumulativeShare, firstStep, stepByKey, type Workflow } from './workflow.ts';

// The dossier state machine as a typed transition table plus one pure `decide` function. The command layer loads
// the dossier, calls decide(), and writes what it returns (state, history event, side records) in one transaction.

export const dossierActions = [
  'accept_online', 'request_intake_supplement', 'refuse_intake',
  'forward', 'return_previous', 'request_supplement', 'complete_supplement',
  'pause_financial', 'resume', 'approve', 'refuse', 'apologize',
  'record_result', 'return_result', 'withdraw', 'stop', 'correct_intake',
] as const;
export type DossierAction = (typeof dossierActions)[number];

const open: DossierState[] = ['received', 'in_progress', 'supplement_requested', 'paused_financial'];

interface ActionRule {
  from: readonly DossierState[];
  /** 'step' = the role of the dossier's current step; otherwise any of these roles. */
  roles: readonly Role[] | 'step';
  /** The step must allow this action (checked against the pinned workflow). */
  stepAction?: WorkflowAction | 'finish';
  label: { vi: string; en: string };
}

export const actionRules: Record<DossierAction, ActionRule> = {
  accept_online: { from: ['submitted_online'], roles: ['desk_officer'], label: { vi: 'Tiếp nhận hồ sơ trực tuyến', en: 'Accept online dossier' } },
  request_intake_supplement: { from: ['submitted_online'], roles: ['desk_officer'], label: { vi: 'Yêu cầu bổ sung khi tiếp nhận', en: 'Request supplement at intake' } },
  refuse_intake: { from: ['submitted_online'], roles: ['desk_officer'], label: { vi: 'Từ chối tiếp nhận', en: 'Refuse at intake' } },
  forward: { from: ['received', 'in_progress'], roles: 'step', stepAction: 'forward', label: { vi: 'Chuyển xử lý', en: 'Forward' } },
  return_previous: { from: ['in_progress'], roles: 'step', stepAction: 'return_previous', label: { vi: 'Trả lại bước trước', en: 'Return to previous step' } },
  request_supplement: { from: ['received', 'in_progress'], roles: 'step', stepAction: 'request_supplement', label: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request supplement' } },
  complete_supplement: { from: ['supplement_requested'], roles: ['desk_officer'], label: { vi: 'Nhận hồ sơ bổ sung', en: 'Supplement received' } },
  pause_financial: { from: ['received', 'in_progress'], roles: ['desk_officer', 'specialist'], label: { vi: 'Tạm dừng chờ nghĩa vụ tài chính', en: 'Pause for financial obligations' } },
  resume: { from: ['paused_financial'], roles: ['desk_officer', 'specialist'], label: { vi: 'Tiếp tục xử lý', en: 'Resume' } },
  approve: { from: ['received', 'in_progress'], roles: 'step', stepAction: 'approve', label: { vi: 'Phê duyệt', en: 'Approve' } },
  refuse: { from: ['received', 'in_progress'], roles: 'step', stepAction: 'refuse', label: { vi: 'Từ chối giải quyết', en: 'Refuse' } },
  apologize: { from: open, roles: ['desk_officer', 'leader'], label: { vi: 'Xin lỗi và hẹn lại ngày trả', en: 'Apologise with a new appointment' } },
  record_result: { from: ['received', 'in_progress'], roles: 'step', stepAction: 'finish', label: { vi: 'Ghi nhận kết quả', en: 'Record the result' } },
  return_result: { from: ['result_ready'], roles: ['desk_officer'], label: { vi: 'Trả kết quả', en: 'Return the result' } },
  withdraw: { from: [...open, 'submitted_online'], roles: ['desk_officer'], label: { vi: 'Rút hồ sơ theo yêu cầu', en: 'Withdraw at the applicant’s request' } },
  stop: { from: open, roles: ['leader'], label: { vi: 'Dừng xử lý', en: 'Stop processing' } },
  correct_intake: { from: [...open, 'result_ready'], roles: ['desk_officer', 'leader'], label: { vi: 'Điều chỉnh thông tin tiếp nhận', en: 'Correct intake data' } },
};

export class DomainError extends Error {
  constructor(readonly code: string, message: string, readonly messageVi: string) {
    super(message);
  }
}

/** What decide() needs to know about the dossier. */
export interface DossierSnapshot {
  state: DossierState;
  stepKey: string | null;
  stepTrail: readonly string[];
  stateBeforePause: DossierState | null;
  stateBeforeSupplement: DossierState | null;
  receivedAt: Date | null;
  clockStartAt: Date | null;
  dueAt: Date | null;
  appointmentAt: Date | null;
  apologyCount: number;
  pausedSince: Date | null;
  paymentDue: boolean;
}

export interface DecideEnv {
  now: Date;
  calendar: WorkingCalendar;
  duration: Duration;
  workflow: Workflow;
  /** Roles the caller holds over this dossier's unit. */
  roles: readonly Role[];
  /** The rule version of `calendar`, recorded with every due date computed. */
  ruleVersion: string;
  /** Working days after receipt during which a supplement may still be requested (Decree 61/2018: 3). */
  supplementWindowWorkingDays: number;
}

export type DecideInput =
  | { action: 'forward'; toStep?: string; note?: string }
  | { action: 'return_previous'; note: string }
  | { action: 'request_supplement'; reason: string; applicantDeadline?: Date }
  | { action: 'complete_supplement'; note?: string }
  | { action: 'pause_financial'; reason: string }
  | { action: 'resume'; note?: string }
  | { action: 'approve'; toStep?: string; note?: string }
  | { action: 'refuse'; reasons: string[] }
  | { action: 'apologize'; reason: string; newAppointmentAt: Date }
  | { action: 'record_result'; note?: string }
  | { action: 'return_result'; note?: string }
  | { action: 'withdraw'; reason: string }
  | { action: 'stop'; reason: string }
  | { action: 'correct_intake'; reason: string; dueAt?: Date }
  | { action: 'accept_online'; note?: string }
  | { action: 'request_intake_supplement'; reason: string }
  | { action: 'refuse_intake'; reasons: string[] };

/** Side effects for the command layer to record next to the new state. */
export type Effect =
  | { kind: 'supplement_opened'; reason: string; applicantDeadline: Date | null }
  | { kind: 'supplement_completed'; oldDueAt: Date | null; newDueAt: Date }
  | { kind: 'pause_started'; reason: string }
  | { kind: 'pause_ended'; pausedWorkingMs: number }
  | { kind: 'finished' }
  | { kind: 'returned' }
  | { kind: 'apologized'; oldAppointmentAt: Date | null; newAppointmentAt: Date }
  | { kind: 'clock_started' }
  | { kind: 'notify'; template: 'dossier.received' | 'dossier.supplement_requested' | 'dossier.new_appointment' | 'dossier.result_ready' | 'dossier.returned' };

export interface Decision {
  next: DossierSnapshot;
  stepDeadline: Date | null;
  effects: Effect[];
}

function fail(code: string, en: string, vi: string): never {
  throw new DomainError(code, en, vi);
}

/** Whether the current step allows a step action; 'finish' = a final step that may forward or approve. */
function stepAllows(workflow: Workflow, d: DossierSnapshot, action: WorkflowAction | 'finish'): boolean {
  const step = stepByKey(workflow, d.stepKey);
  if (!step) return false;
  if (action === 'finish') return step.final && (step.actions.includes('forward') || step.actions.includes('approve'));
  if (action === 'forward' || action === 'approve') return step.actions.includes(action) && step.next.length > 0;
  if (action === 'return_previous') return step.actions.includes(action) && d.stepTrail.length > 0;
  return step.actions.includes(action);
}

/** Roles that may perform the action on this dossier right now (empty when the state does not allow it). */
export function rolesFor(action: DossierAction, d: DossierSnapshot, workflow: Workflow): readonly Role[] {
  const rule = actionRules[action];
  if (!rule.from.includes(d.state)) return [];
  if (rule.stepAction && !stepAllows(workflow, d, rule.stepAction)) return [];
  if (rule.roles !== 'step') return rule.roles;
  const step = stepByKey(workflow, d.stepKey);
  return step ? [step.role] : [];
}

/** The actions a caller with `roles` may take now: what the console shows as buttons. */
export function availableActions(d: DossierSnapshot, workflow: Workflow, roles: readonly Role[]): DossierAction[] {
  return dossierActions.filter((a) => rolesFor(a, d, workflow).some((r) => roles.includes(r)));
}

/** Deadline of the current step: its cumulative share of the working time from the clock start to the due date. */
export function stepDeadline(env: DecideEnv, d: DossierSnapshot): Date | null {
  if (!d.clockStartAt || !d.dueAt || !d.stepKey) return null;
  const total = Math.max(0, workingTimeBetween(env.calendar, d.clockStartAt, d.dueAt));
  const share = Math.min(100, cumulativeShare(env.workflow, d.stepTrail, d.stepKey));
  return addWorkingTime(env.calendar, d.clockStartAt, Math.round((total * share) / 100));
}

export function decide(d: DossierSnapshot, input: DecideInput, env: DecideEnv): Decision {
  const allowed = rolesFor(input.action, d, env.workflow);
  const label = actionRules[input.action].label;
  if (!allowed.length) {
    fail('action_not_allowed', `"${label.en}" is not possible while the dossier is ${d.state}.`, `Không thể "${label.vi}" ở trạng thái hiện tại của hồ sơ.`);
  }
  if (!allowed.some((r) => env.roles.includes(r))) {
    fail('role_not_allowed', `Your role cannot "${label.en}" at this step.`, `Vai trò của bạn không được "${label.vi}" ở bước này.`);
  }
  const next: DossierSnapshot = { ...d };
  const effects: Effect[] = [];
  let deadline: Date | null = null;
  const { now } = env;

  switch (input.action) {
    case 'forward':
    case 'approve': {
      const step = stepByKey(env.workflow, d.stepKey)!;
      const to = input.toStep ?? step.next[0];
      if (!step.next.includes(to)) {
        fail('invalid_next_step', `Step "${to}" does not follow "${step.name}".`, `Bước "${to}" không nằm sau bước "${step.name}".`);
      }
      next.state = 'in_progress';
      next.stepTrail = [...d.stepTrail, step.key];
      next.stepKey = to;
      deadline = stepDeadline(env, next);
      break;
    }
    case 'return_previous': {
      next.stepKey = d.stepTrail[d.stepTrail.length - 1];
      next.stepTrail = d.stepTrail.slice(0, -1);
      next.state = next.stepTrail.length === 0 ? 'received' : 'in_progress';
      deadline = stepDeadline(env, next);
      break;
    }
    case 'request_supplement': {
      const windowEnd = computeDueDate(env.calendar, { start: d.receivedAt!, duration: { kind: 'working_days', amount: env.supplementWindowWorkingDays } }).dueAt;
      if (now.getTime() > windowEnd.getTime()) {
        fail('supplement_window_closed',
          `A supplement can only be requested within ${env.supplementWindowWorkingDays} working days of receipt; apologise with a new appointment or refuse instead.`,
          `Chỉ được yêu cầu bổ sung trong ${env.supplementWindowWorkingDays} ngày làm việc kể từ ngày tiếp nhận; hãy xin lỗi và hẹn lại hoặc từ chối giải quyết.`);
      }
      next.stateBeforeSupplement = d.state;
      next.state = 'supplement_requested';
      effects.push({ kind: 'supplement_opened', reason: input.reason, applicantDeadline: input.applicantDeadline ?? null }, { kind: 'notify', template: 'dossier.supplement_requested' });
      break;
    }
    case 'complete_supplement': {
      // The processing time restarts from zero once the complete dossier arrives (Decree 61/2018 art. 16).
      const due = computeDueDate(env.calendar, { start: now, duration: env.duration });
      next.state = d.stateBeforeSupplement ?? 'received';
      next.stateBeforeSupplement = null;
      next.clockStartAt = due.effectiveStart;
      next.dueAt = due.dueAt;
      next.appointmentAt = due.dueAt;
      effects.push({ kind: 'supplement_completed', oldDueAt: d.dueAt, newDueAt: due.dueAt }, { kind: 'notify', template: 'dossier.new_appointment' });
      deadline = stepDeadline(env, next);
      break;
    }
    case 'pause_financial':
      next.stateBeforePause = d.state;
      next.state = 'paused_financial';
      next.pausedSince = now;
      effects.push({ kind: 'pause_started', reason: input.reason });
      break;
    case 'resume': {
      const paused = d.pausedSince ? Math.max(0, workingTimeBetween(env.calendar, d.pausedSince, now)) : 0;
      next.state = d.stateBeforePause ?? 'in_progress';
      next.stateBeforePause = null;
      next.pausedSince = null;
      if (d.dueAt && paused > 0) next.dueAt = addWorkingTime(env.calendar, d.dueAt, paused);
      if (d.appointmentAt && paused > 0) next.appointmentAt = addWorkingTime(env.calendar, d.appointmentAt, paused);
      effects.push({ kind: 'pause_ended', pausedWorkingMs: paused });
      break;
    }
    case 'refuse':
      if (!input.reasons.length) fail('reasons_required', 'Give the reasons for the refusal.', 'Hãy nêu lý do từ chối.');
      next.state = 'refused';
      effects.push({ kind: 'finished' });
      break;
    case 'apologize': {
      if (d.apologyCount >= 1) fail('apology_used', 'A new appointment can be given only once.', 'Chỉ được hẹn lại ngày trả kết quả một lần.');
      if (!d.dueAt || now.getTime() >= d.dueAt.getTime()) {
        fail('apology_too_late', 'The apology must be made before the due date.', 'Phải xin lỗi và hẹn lại trước thời hạn trả kết quả.');
      }
      if (input.newAppointmentAt.getTime() <= d.dueAt.getTime()) {
        fail('appointment_not_later', 'The new appointment must be after the current due date.', 'Ngày hẹn mới phải sau thời hạn hiện tại.');
      }
      next.apologyCount = d.apologyCount + 1;
      next.appointmentAt = input.newAppointmentAt;
      effects.push({ kind: 'apologized', oldAppointmentAt: d.appointmentAt, newAppointmentAt: input.newAppointmentAt }, { kind: 'notify', template: 'dossier.new_appointment' });
      break;
    }
    case 'record_result':
      next.state = 'result_ready';
      effects.push({ kind: 'finished' }, { kind: 'notify', template: 'dossier.result_ready' });
      break;
    case 'return_result':
      if (d.paymentDue) fail('payment_due', 'Fees are unpaid: record the payment before returning the result.', 'Chưa thu phí, lệ phí: hãy ghi nhận thanh toán trước khi trả kết quả.');
      next.state = 'returned';
      effects.push({ kind: 'returned' }, { kind: 'notify', template: 'dossier.returned' });
      break;
    case 'withdraw':
      next.state = 'withdrawn';
      break;
    case 'stop':
      next.state = 'stopped';
      break;
    case 'correct_intake':
      if (input.dueAt) {
        next.dueAt = input.dueAt;
        next.appointmentAt = input.dueAt;
      }
      break;
    case 'accept_online': {
      const due = computeDueDate(env.calendar, { start: now, duration: env.duration });
      next.state = 'received';
      next.stepKey = firstStep(env.workflow).key;
      next.stepTrail = [];
      next.receivedAt = now;
      next.clockStartAt = due.effectiveStart;
      next.dueAt = due.dueAt;
      next.appointmentAt = due.dueAt;
      effects.push({ kind: 'clock_started' }, { kind: 'notify', template: 'dossier.received' });
      break;
    }
    case 'request_intake_supplement':
      next.state = 'intake_incomplete';
      effects.push({ kind: 'notify', template: 'dossier.supplement_requested' });
      break;
    case 'refuse_intake':
      next.state = 'intake_refused';
      break;
  }
  return { next, stepDeadline: deadline, effects };
}
