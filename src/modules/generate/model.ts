// The life of one synthetic dossier, told with the same rules the application applies: due dates from the
// working calendar, supplement rounds that restart the clock, pauses that extend it, the workflow's steps, and
// what had happened by `now` (later actions are left out, so open dossiers sit in the queues as they would).
// Pure: the calendar, the workflow and the random stream come in; rows come out.

import {
  addWorkingTime, computeDueDate, localDate, localInstant, workingTimeBetween, type Duration, type WorkingCalendar,
} from '../../calendar/index.ts';
import type { WorkflowStep } from '../catalog/index.ts';
import { processingMsOf } from '../dossiers/commands/act.ts';
import { dossierCode, lookupSecretFrom } from '../dossiers/domain/code.ts';
import { nationalStatus, type DossierState } from '../dossiers/domain/states.ts';
import type { StatView } from '../dossiers/domain/stats.ts';
import { timelineOf } from '../dossiers/domain/timeline.ts';
import { statViewOf } from '../dossiers/repository.ts';
import type { DossierRow } from '../dossiers/tables.ts';
import type { NewDossier, NewEvent } from '../dossiers/import/repository.ts';
import { foldVietnamese } from '../../platform/text.ts';
import type { NameMaker } from './names.ts';
import * as profile from './profile.ts';
import { Random, Weighted } from './random.ts';

export type StaffRole = 'desk_officer' | 'specialist' | 'leader';

/** Who acts: a real account of the unit (id set) or, where the unit has none, a made-up name (id null). */
export interface Staff {
  id: string | null;
  name: string;
  unitId: string | null;
}

export interface UnitContext {
  id: string;
  code: string | null;
  agencyCode: string;
  kind: string;
  fullName: string;
  provinceName: string;
  calendar: WorkingCalendar;
  ruleVersion: string;
  staff: Record<StaffRole, Staff[]>;
}

export interface ProcedureContext {
  procedureId: string;
  code: string;
  name: string;
  field: string | null;
  versionId: string;
  caseId: string;
  duration: Duration;
  online: boolean;
  post: boolean;
  /** Land procedures wait for financial obligations (tax, fees) more often. */
  land: boolean;
  workflowVersionId: string;
  steps: WorkflowStep[];
}

export interface NewSupplementRound {
  dossier_id: string;
  stage: 'intake' | 'processing';
  requested_at: Date;
  requested_by: string | null;
  reason: string;
  items: string;
  applicant_deadline: Date | null;
  completed_at: Date | null;
  old_due_at: Date | null;
  new_due_at: Date | null;
}

export interface NewPause {
  dossier_id: string;
  reason: string;
  started_at: Date;
  ended_at: Date | null;
  paused_working_ms: number | null;
}

export interface NewFullRating {
  dossier_id: string;
  unit_id: string;
  procedure_id: string;
  official_id: string | null;
  rated_at: Date;
  channel: 'kiosk' | 'online' | 'lookup';
  attitude: string;
  overall: string | null;
  contacts_needed: number | null;
  bodies_visited: number | null;
  info_correct: boolean | null;
  comment: string | null;
}

export interface GeneratedDossier {
  row: NewDossier;
  events: NewEvent[];
  supplements: NewSupplementRound[];
  pauses: NewPause[];
  rating: NewFullRating | null;
  /** What the dossier adds to dossier_stats (the same view the application uses). */
  view: StatView;
}

export interface StoryEnv {
  now: number;
  names: NameMaker;
  /** The unit's next daily sequence number for a code (the caller keeps them in receipt order). */
  nextSequence: (unitId: string, day: string) => number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const supplementWindowWorkingDays = 3;

const levels = new Weighted(profile.ratingLevels.map((l) => l[0]), profile.ratingLevels.map((l) => l[1]));
const ratingChannels = new Weighted(profile.ratingChannels.map((l) => l[0] as NewFullRating['channel']), profile.ratingChannels.map((l) => l[1]));

const supplementItems = [
  { document: 'Bản sao giấy tờ tùy thân', reason: 'Bản chụp không rõ, đề nghị nộp lại bản rõ nét' },
  { document: 'Tờ khai theo mẫu', reason: 'Tờ khai thiếu chữ ký của người yêu cầu' },
  { document: 'Giấy tờ chứng minh nơi cư trú', reason: 'Chưa nộp' },
  { document: 'Văn bản ủy quyền', reason: 'Văn bản ủy quyền chưa được chứng thực' },
];
const refusalReasons = ['Hồ sơ không đủ điều kiện theo quy định', 'Giấy tờ nộp kèm không hợp lệ', 'Yêu cầu không thuộc thẩm quyền giải quyết của cơ quan'];

/** Mutable state of a dossier while its story is told; each applied action adds one history event. */
class Track {
  state: DossierState;
  stepKey: string | null;
  stepTrail: string[] = [];
  clockStartAt: Date | null = null;
  dueAt: Date | null = null;
  appointmentAt: Date | null = null;
  finishedAt: Date | null = null;
  closedAt: Date | null = null;
  returnedAt: Date | null = null;
  pausedSince: Date | null = null;
  pausedMs = 0;
  supplementRounds = 0;
  apologyCount = 0;
  stateBeforePause: DossierState | null = null;
  stateBeforeSupplement: DossierState | null = null;
  lastAt: Date;
  /** An action after `now` was reached: nothing later happens. */
  cut = false;
  readonly events: NewEvent[] = [];

  constructor(private readonly dossierId: string, private readonly steps: WorkflowStep[], private readonly now: number, state: DossierState, stepKey: string | null, at: Date) {
    this.state = state;
    this.stepKey = stepKey;
    this.lastAt = at;
  }

  step(key: string | null): WorkflowStep | undefined {
    return this.steps.find((s) => s.key === key);
  }

  /** Applies the action at `at` unless it lies after now (or an earlier one did); returns whether it happened. */
  act(at: Date, action: string, by: Staff, change: () => void, data: unknown = null, note: string | null = null): boolean {
    if (this.cut || at.getTime() > this.now) {
      this.cut = true;
      return false;
    }
    const fromState = this.state;
    const fromStep = this.stepKey;
    change();
    this.lastAt = at;
    this.events.push({
      dossier_id: this.dossierId, at, actor_id: by.id, actor_name: by.name, actor_unit_id: by.unitId, action,
      from_state: fromState, to_state: this.state, from_step: fromStep, to_step: this.stepKey, step_name: this.step(this.stepKey)?.name ?? null,
      step_deadline: null, due_at: this.dueAt, assignee_id: null, note, data,
    });
    return true;
  }

  /** Hands over to the next step (forward or approve). */
  advance(): void {
    const next = this.step(this.stepKey)?.next[0];
    if (!next) return;
    this.stepTrail = [...this.stepTrail, this.stepKey!];
    this.stepKey = next;
    this.state = 'in_progress';
  }
}

function staffOf(r: Random, unit: UnitContext, role: StaffRole): Staff {
  return r.pick(unit.staff[role]);
}

/** `fraction` of the working time between two instants, counted from the first. */
function within(cal: WorkingCalendar, from: Date, to: Date, fraction: number): Date {
  const span = Math.max(0, workingTimeBetween(cal, from, to));
  return addWorkingTime(cal, from, Math.max(MINUTE, span * fraction));
}

function later(cal: WorkingCalendar, at: Date, workingMs: number): Date {
  return addWorkingTime(cal, at, Math.max(MINUTE, workingMs));
}

/** The opening of a working day (as a working-time position: the first instant of its office hours). */
function dayOpening(cal: WorkingCalendar, date: string): Date {
  return addWorkingTime(cal, localInstant(date, '00:00'), 0);
}

export function dossierStory(r: Random, unit: UnitContext, p: ProcedureContext, receivedMs: number, env: StoryEnv): GeneratedDossier {
  const cal = unit.calendar;
  const day = cal.dayLengthMs;
  const id = r.uuid();
  const received = new Date(receivedMs);
  const receivedDay = localDate(received);
  const year = Number(receivedDay.slice(0, 4));
  const channel: NewDossier['channel'] = p.online && r.chance(profile.onlineShare(year)) ? 'online'
    : p.post && r.chance(profile.postShare) ? 'post' : 'counter';
  const organisation = r.chance(profile.organisationShare);
  const person = env.names.person(r, year);
  const applicantName = organisation ? env.names.organisation(r) : person.fullName;
  const submitted = channel === 'online' ? new Date(receivedMs - Math.round(r.exponential(6 * HOUR)) - 10 * MINUTE)
    : channel === 'post' ? new Date(receivedMs - Math.round(r.exponential(20 * HOUR)) - HOUR) : received;
  const desk = staffOf(r, unit, 'desk_officer');
  const first = p.steps[0];

  const intakeRoll = channel === 'online' ? 1 : r.next();
  const waiting = channel === 'online' && env.now - receivedMs < day && r.chance(profile.onlineWaiting);
  const outcome = intakeRoll < profile.intakeIncomplete ? 'incomplete' : intakeRoll < profile.intakeIncomplete + profile.intakeRefused ? 'refused'
    : waiting ? 'submitted_online' : 'complete';
  const initial: DossierState = outcome === 'incomplete' ? 'intake_incomplete' : outcome === 'refused' ? 'intake_refused'
    : outcome === 'submitted_online' ? 'submitted_online' : 'received';
  const receives = initial === 'received';
  const t = new Track(id, p.steps, env.now, channel === 'online' ? 'submitted_online' : initial, null, submitted);
  const supplements: NewSupplementRound[] = [];
  const pauses: NewPause[] = [];
  const applicant: Staff = { id: null, name: applicantName, unitId: null };

  let code: string | null = null;
  let secret: string | null = null;
  if (receives) code = dossierCode(unit.agencyCode, received, env.nextSequence(unit.id, receivedDay));
  if (receives || initial === 'submitted_online') secret = lookupSecretFrom(r.bytes(10));

  if (channel === 'online') {
    t.events.push({
      dossier_id: id, at: submitted, actor_id: null, actor_name: applicantName, actor_unit_id: null, action: 'intake.submitted_online',
      from_state: null, to_state: 'submitted_online', from_step: null, to_step: null, step_name: null, step_deadline: null, due_at: null,
      assignee_id: null, note: null, data: null,
    });
  }
  if (receives) {
    const due = computeDueDate(cal, { start: received, duration: p.duration });
    t.act(received, channel === 'online' ? 'accept_online' : 'intake.complete', desk, () => {
      t.state = 'received';
      t.stepKey = first.key;
      t.clockStartAt = due.effectiveStart;
      t.dueAt = due.dueAt;
      t.appointmentAt = due.dueAt;
    }, { ruleVersion: unit.ruleVersion, workflowVersionId: p.workflowVersionId });
    if (channel !== 'online') t.events[0].from_state = null;
    process(r, unit, p, t, received, supplements, pauses, id);
  } else if (initial !== 'submitted_online') {
    t.events.push({
      dossier_id: id, at: received, actor_id: desk.id, actor_name: desk.name, actor_unit_id: desk.unitId, action: `intake.${outcome}`,
      from_state: null, to_state: initial, from_step: null, to_step: null, step_name: null, step_deadline: null, due_at: null,
      assignee_id: null, note: null, data: outcome === 'refused' ? { reasons: [r.pick(refusalReasons)] } : { missing: [r.pick(supplementItems)] },
    });
    if (initial === 'intake_incomplete') {
      supplements.push({
        dossier_id: id, stage: 'intake', requested_at: received, requested_by: desk.id, reason: 'Hồ sơ chưa đầy đủ',
        items: JSON.stringify([r.pick(supplementItems)]), applicant_deadline: null, completed_at: null, old_due_at: null, new_due_at: null,
      });
    }
  }

  const last = t.events[t.events.length - 1];
  const rating = t.returnedAt && t.state === 'returned' && r.chance(profile.rated)
    ? rate(r, id, unit, p, t.returnedAt, last.actor_id ?? null, env.now) : null;
  const open = ['received', 'in_progress', 'supplement_requested', 'paused_financial', 'result_ready'].includes(t.state);
  const stepRole = t.state === 'result_ready' ? 'desk_officer' : (t.step(t.stepKey)?.role ?? null);
  const assignable = open && stepRole ? unit.staff[stepRole as StaffRole]?.filter((s) => s.id) ?? [] : [];
  const assignee = assignable.length && r.chance(0.85) ? r.pick(assignable).id : null;
  const email = !organisation && r.chance(0.25) ? `${foldVietnamese(person.fullName).replace(/ /g, '.')}${r.int(100)}@example.vn` : null;
  const row: NewDossier = {
    id, code, lookup_secret: secret, unit_id: unit.id, procedure_id: p.procedureId, procedure_version_id: p.versionId, case_id: p.caseId,
    procedure_code: p.code, procedure_name: p.name, field: p.field, workflow_version_id: p.workflowVersionId,
    duration_kind: p.duration.kind, duration_amount: p.duration.kind === 'same_day' ? 0 : p.duration.amount,
    channel, state: t.state, national_status: nationalStatus[t.state], step_key: t.stepKey, step_role: t.stepKey ? stepRole : null,
    step_trail: t.stepTrail, state_before_pause: t.stateBeforePause, state_before_supplement: t.stateBeforeSupplement, assignee_id: assignee,
    applicant_kind: organisation ? 'organisation' : 'person', applicant_name: applicantName, applicant_name_folded: foldVietnamese(applicantName),
    applicant_id_number: organisation ? null : person.idNumber, applicant_birth_year: organisation ? null : person.birthYear,
    applicant_phone: person.phone, applicant_email: email, applicant_address: env.names.address(r, unit, unit.provinceName),
    applicant_address_unit_id: unit.id, applicant_user_id: null,
    submitted_at: submitted, received_at: receives ? received : null, clock_start_at: t.clockStartAt, due_at: t.dueAt, appointment_at: t.appointmentAt,
    finished_at: t.finishedAt, returned_at: t.returnedAt, closed_at: t.closedAt, calendar_rule_version: receives ? unit.ruleVersion : null,
    supplement_rounds: t.supplementRounds, apology_count: t.apologyCount, paused_since: t.pausedSince, paused_working_ms: t.pausedMs,
    fees: [] as never, fee_total: 0, paid_total: 0, payment_gate: false, receipt_issue: 1,
    result_number: t.finishedAt && t.state !== 'refused' ? `${r.between(1, 9999)}/${receivedDay.slice(0, 4)}` : null,
    result_signed_on: null, result_signer: null, result_file_id: null, intake_note: null, imported: false, received_by: receives ? desk.id : null,
    version: Math.max(1, t.events.length), created_at: submitted, updated_at: t.lastAt, timeline: timelineOf(t.events),
  };
  const asRow = row as unknown as DossierRow;
  const view = statViewOf(asRow, processingMsOf(asRow, cal));
  return { row, events: t.events, supplements, pauses, rating, view };
}

/** Processing after receipt: steps, supplement rounds, a pause, and the ending (result, refusal, withdrawal, stop). */
function process(
  r: Random, unit: UnitContext, p: ProcedureContext, t: Track, received: Date, supplements: NewSupplementRound[], pauses: NewPause[], id: string,
): void {
  // Steps follow the workflow (one step for on-the-spot procedures); timing follows the duration.
  const standard = p.steps.length > 1;
  const quick = p.duration.kind === 'same_day';
  const cal = unit.calendar;
  const day = cal.dayLengthMs;
  const desk = staffOf(r, unit, 'desk_officer');
  const specialist = staffOf(r, unit, 'specialist');
  const leader = staffOf(r, unit, 'leader');
  let cursor = received;

  if (standard) {
    const at = within(cal, t.clockStartAt!, t.dueAt!, 0.03 + 0.1 * r.next());
    if (t.act(at, 'forward', desk, () => t.advance())) cursor = at;
  }

  // Supplement rounds: only within the first working days after receipt (the domain refuses later requests).
  if (!quick && r.chance(profile.supplement)) {
    const windowEnd = computeDueDate(cal, { start: received, duration: { kind: 'working_days', amount: supplementWindowWorkingDays } }).dueAt;
    const rounds = r.chance(profile.secondSupplement) ? 2 : 1;
    for (let i = 0; i < rounds; i++) {
      const requested = later(cal, cursor, (0.05 + 0.6 * r.next()) * day);
      if (requested.getTime() > windowEnd.getTime()) break;
      const item = r.pick(supplementItems);
      const round: NewSupplementRound = {
        dossier_id: id, stage: 'processing', requested_at: requested, requested_by: specialist.id, reason: item.reason,
        items: JSON.stringify([item]), applicant_deadline: null, completed_at: null, old_due_at: null, new_due_at: null,
      };
      if (!t.act(requested, 'request_supplement', specialist, () => {
        t.stateBeforeSupplement = t.state;
        t.state = 'supplement_requested';
        t.supplementRounds++;
      }, null, item.reason)) return;
      supplements.push(round);
      if (r.chance(profile.supplementAbandoned)) {
        const end = later(cal, requested, (10 + r.int(20)) * day);
        const withdraw = r.chance(0.4);
        t.act(end, withdraw ? 'withdraw' : 'stop', withdraw ? desk : leader, () => {
          t.state = withdraw ? 'withdrawn' : 'stopped';
          t.closedAt = end;
        });
        return;
      }
      const completed = later(cal, requested, (0.3 + r.exponential(2.5)) * day);
      const due = computeDueDate(cal, { start: completed, duration: p.duration });
      const oldDue = t.dueAt;
      if (!t.act(completed, 'complete_supplement', desk, () => {
        t.state = t.stateBeforeSupplement ?? 'received';
        t.stateBeforeSupplement = null;
        t.clockStartAt = due.effectiveStart;
        t.dueAt = due.dueAt;
        t.appointmentAt = due.dueAt;
      })) return;
      round.completed_at = completed;
      round.old_due_at = oldDue;
      round.new_due_at = due.dueAt;
      cursor = completed;
    }
  }

  if (!quick && r.chance(p.land ? profile.pauseLand : profile.pauseOther)) {
    const start = within(cal, cursor, t.dueAt!, 0.2 + 0.6 * r.next());
    const end = later(cal, start, (1 + r.exponential(5)) * day);
    const pause: NewPause = { dossier_id: id, reason: 'Chờ người nộp hồ sơ thực hiện nghĩa vụ tài chính', started_at: start, ended_at: null, paused_working_ms: null };
    if (!t.act(start, 'pause_financial', specialist, () => {
      t.stateBeforePause = t.state;
      t.state = 'paused_financial';
      t.pausedSince = start;
    }, null, pause.reason)) return;
    pauses.push(pause);
    const paused = Math.max(0, workingTimeBetween(cal, start, end));
    if (!t.act(end, 'resume', specialist, () => {
      t.state = t.stateBeforePause ?? 'in_progress';
      t.stateBeforePause = null;
      t.pausedSince = null;
      t.pausedMs += paused;
      if (paused > 0) {
        t.dueAt = addWorkingTime(cal, t.dueAt!, paused);
        t.appointmentAt = addWorkingTime(cal, t.appointmentAt!, paused);
      }
    })) return;
    pause.ended_at = end;
    pause.paused_working_ms = paused;
    cursor = end;
  }

  const finish = finishTime(r, cal, t, cursor, quick);
  const ending = r.next();
  if (ending < profile.refused) {
    t.act(finish, 'refuse', standard ? specialist : desk, () => {
      t.state = 'refused';
      t.finishedAt = finish;
      t.closedAt = finish;
    }, { reasons: [r.pick(refusalReasons)] });
    return;
  }
  if (ending < profile.refused + profile.withdrawn + profile.stopped) {
    const withdraw = ending < profile.refused + profile.withdrawn;
    const at = new Date(cursor.getTime() + Math.max(MINUTE, (finish.getTime() - cursor.getTime()) * r.next()));
    t.act(at, withdraw ? 'withdraw' : 'stop', withdraw ? desk : leader, () => {
      t.state = withdraw ? 'withdrawn' : 'stopped';
      t.closedAt = at;
    });
    return;
  }
  if (standard) {
    const span = finish.getTime() - cursor.getTime();
    const toApprove = new Date(cursor.getTime() + Math.round(span * 0.6));
    const approved = new Date(cursor.getTime() + Math.round(span * 0.85));
    if (!t.act(toApprove, 'forward', specialist, () => t.advance())) return;
    const dueDay = localDate(t.dueAt!);
    if (localDate(finish) > dueDay && r.chance(profile.apologised)) {
      const at = addWorkingTime(cal, dayOpening(cal, dueDay), day / 2);
      const appointment = localInstant(localDate(finish), '16:30');
      if (at.getTime() > toApprove.getTime() && at.getTime() < approved.getTime()) {
        t.act(at, 'apologize', leader, () => {
          t.apologyCount++;
          t.appointmentAt = appointment;
        }, { newAppointmentAt: appointment }, 'Hồ sơ cần thêm thời gian thẩm định');
      }
    }
    if (!t.act(approved, 'approve', leader, () => t.advance())) return;
  }
  if (!t.act(finish, 'record_result', desk, () => {
    t.state = 'result_ready';
    t.finishedAt = finish;
    t.closedAt = finish;
  })) return;
  if (r.chance(profile.neverCollected)) return;
  const returned = later(cal, finish, r.exponential(profile.returnDelayDays) * day);
  t.act(returned, 'return_result', desk, () => {
    t.state = 'returned';
    t.returnedAt = returned;
  });
}

/** When the result (or the refusal) is decided: early, on the due day, or late. */
function finishTime(r: Random, cal: WorkingCalendar, t: Track, cursor: Date, quick: boolean): Date {
  const day = cal.dayLengthMs;
  const due = t.dueAt!;
  const start = t.clockStartAt!.getTime() > cursor.getTime() ? t.clockStartAt! : cursor;
  let at: Date;
  if (quick) {
    at = r.chance(profile.sameDayLate) ? later(cal, due, (0.1 + r.exponential(0.8)) * day)
      : new Date(Math.min(due.getTime() - MINUTE, later(cal, start, (5 + r.exponential(40)) * MINUTE).getTime()));
  } else {
    const x = r.next();
    const opening = dayOpening(cal, localDate(due));
    if (x < profile.late) at = later(cal, due, (0.05 + r.exponential(2)) * day);
    else if (x < profile.late + profile.onDueDay || opening.getTime() <= start.getTime()) at = later(cal, opening, (0.05 + 0.85 * r.next()) * day);
    else at = within(cal, start, opening, 0.15 + 0.8 * r.next());
  }
  return at.getTime() > cursor.getTime() ? at : later(cal, cursor, 10 * MINUTE);
}

function rate(r: Random, dossierId: string, unit: UnitContext, p: ProcedureContext, returnedAt: Date, officialId: string | null, now: number): NewFullRating | null {
  const channel = ratingChannels.pick(r);
  const delay = channel === 'kiosk' ? (1 + r.int(10)) * MINUTE : Math.round(r.exponential(30 * HOUR));
  const ratedAt = new Date(returnedAt.getTime() + delay);
  if (ratedAt.getTime() > now) return null;
  const attitude = levels.pick(r);
  return {
    dossier_id: dossierId, unit_id: unit.id, procedure_id: p.procedureId, official_id: officialId, rated_at: ratedAt, channel,
    attitude, overall: r.chance(0.8) ? levels.pick(r) : null,
    contacts_needed: r.chance(0.85) ? 0 : r.chance(0.8) ? 1 : 2, bodies_visited: r.chance(0.9) ? 1 : r.chance(0.8) ? 2 : 3,
    info_correct: r.chance(0.97), comment: null,
  };
}
