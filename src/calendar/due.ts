// Due dates (DOMAIN §4, issue 3 §4).
//
// Effective receipt: the receipt time if it is on a working day at or before the cut-off, otherwise the
// opening of the next working day. Then by duration kind:
//   working_days N   the N-th working day after the effective receipt day (that day never counts, Civil
//                    Code art. 147), at closing time. N + 0.5: half of the (N+1)-th working day, i.e. the
//                    end of its morning session with the default hours.
//   same_day         the effective receipt day at closing time.
//   working_hours H  H hours of office time from the actual receipt (no cut-off; outside office hours the
//                    clock starts at the next opening).
//   calendar_days N  effective receipt date + N; a rest day moves to the next working day (art. 148).
// Pauses stop the clock: the due date moves by the working time paused. A restart counts from the new start.

import { dayStartMs, localDate, localDay, type IsoDate } from './dates.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import type { Duration, Pause } from './types.ts';

const HOUR_MS = 3_600_000;

export interface DueDateInput {
  start: Date;
  duration: Duration;
  pauses?: Pause[];
  /** When the processing time restarted from zero (e.g. supplement completed): replaces `start`. */
  restartAt?: Date;
}

export interface DueDateResult {
  dueAt: Date;
  /** Local date (UTC+7) of dueAt. */
  dueDate: IsoDate;
  effectiveStart: Date;
  /** Working ms by which pauses moved the due date. */
  pausedMs: number;
  ruleVersion: string;
}

/** The effective receipt instant (ms) under the cut-off rule. */
export function effectiveReceiptMs(cal: WorkingCalendar, receivedMs: number): number {
  const day = localDay(receivedMs);
  if (cal.isWorkingDayNumber(day) && receivedMs - dayStartMs(day) <= cal.profileOfDay(day).cutoffMs) return receivedMs;
  const next = cal.workingDayAfter(day, 1);
  return dayStartMs(next) + cal.profileOfDay(next).openMs;
}

export function effectiveReceipt(cal: WorkingCalendar, receivedAt: Date): Date {
  return new Date(effectiveReceiptMs(cal, checkedMs(receivedAt, 'receivedAt')));
}

/** Due instant (ms) without pauses: the allocation-free core used in bulk. */
export function dueAtMs(cal: WorkingCalendar, startMs: number, duration: Duration): number {
  checkDuration(duration);
  const effective = duration.kind === 'working_hours' ? startMs : effectiveReceiptMs(cal, startMs);
  return dueFromEffective(cal, startMs, effective, duration);
}

function dueFromEffective(cal: WorkingCalendar, startMs: number, effectiveMs: number, duration: Duration): number {
  if (duration.kind === 'working_hours') {
    cal.ensure(localDay(startMs));
    const from = cal.position(startMs);
    return cal.instantAt(from + duration.amount * HOUR_MS, duration.amount > 0);
  }
  const day = localDay(effectiveMs);
  if (duration.kind === 'same_day') return cal.closingMs(day);
  if (duration.kind === 'calendar_days') return cal.closingMs(cal.workingDayOnOrAfter(day + duration.amount));
  const whole = Math.floor(duration.amount);
  if (whole === duration.amount) return cal.closingMs(whole === 0 ? day : cal.workingDayAfter(day, whole));
  const halfDay = cal.workingDayAfter(day, whole + 1);
  cal.ensure(halfDay);
  const dayStart = cal.position(dayStartMs(halfDay));
  return cal.instantAt(dayStart + cal.profileOfDay(halfDay).totalMs / 2, true);
}

export function computeDueDate(cal: WorkingCalendar, input: DueDateInput): DueDateResult {
  const { duration } = input;
  checkDuration(duration);
  const restartMs = input.restartAt ? checkedMs(input.restartAt, 'restartAt') : undefined;
  const startMs = restartMs ?? checkedMs(input.start, 'start');
  cal.ensure(localDay(startMs)); // before any position is taken: growing the window backwards shifts positions
  const effective =
    duration.kind === 'working_hours' ? cal.instantAt(cal.position(startMs), false) : effectiveReceiptMs(cal, startMs);
  let due = dueFromEffective(cal, startMs, effective, duration);
  let pausedMs = 0;
  if (input.pauses && input.pauses.length > 0) {
    // Day-based periods run from the end of the effective receipt day; hours from the receipt itself.
    const clockStart =
      duration.kind === 'working_hours' ? startMs : duration.kind === 'same_day' ? effective : cal.closingMs(localDay(effective));
    for (const [pauseFrom, pauseTo] of mergePauses(input.pauses, startMs)) {
      const from = Math.max(pauseFrom, clockStart);
      // A pause that begins after the due date cannot rescue it: the item was already late.
      if (pauseTo <= from || from >= due) continue;
      const paused = cal.position(pauseTo) - cal.position(from);
      if (paused <= 0) continue;
      pausedMs += paused;
      due = cal.instantAt(cal.position(due) + paused, true);
    }
  }
  return { dueAt: new Date(due), dueDate: localDate(due), effectiveStart: new Date(effective), pausedMs, ruleVersion: cal.ruleVersion };
}

/** Working time (ms inside office hours on working days) from `from` to `to`; negative when `to` is earlier. */
export function workingTimeBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const [a, b] = [checkedMs(from, 'from'), checkedMs(to, 'to')];
  cal.ensure(localDay(Math.min(a, b)));
  cal.ensure(localDay(Math.max(a, b)));
  return cal.position(b) - cal.position(a);
}

/** The same in nominal working days (a day = the base office hours, 8 h by default). */
export function workingDaysBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  return workingTimeBetween(cal, from, to) / cal.dayLengthMs;
}

/** The instant after `ms` of working time counted from `at` (a per-step deadline, for instance). */
export function addWorkingTime(cal: WorkingCalendar, at: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Working time must be a non-negative number of ms: ${ms}`);
  const atMs = checkedMs(at, 'at');
  cal.ensure(localDay(atMs));
  return new Date(cal.instantAt(cal.position(atMs) + ms, ms > 0));
}

/** Sorted, merged, clipped to after `startMs`: [from, to] pairs in ms. */
function mergePauses(pauses: Pause[], startMs: number): Array<[number, number]> {
  const intervals = pauses
    .map((p): [number, number] => [Math.max(checkedMs(p.from, 'pause.from'), startMs), checkedMs(p.to, 'pause.to')])
    .filter(([from, to]) => to > from)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of intervals) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function checkedMs(value: Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a valid Date`);
  return ms;
}

/** A Duration from loose input (query string, CLI): `same_day` ignores the amount. Throws RangeError. */
export function toDuration(kind: string, amount?: number): Duration {
  const duration = (kind === 'same_day' ? { kind } : { kind, amount }) as Duration;
  checkDuration(duration);
  return duration;
}

const MAX_AMOUNT = 3650;

export function checkDuration(duration: Duration): void {
  if (duration.kind === 'same_day') return;
  const { kind, amount } = duration as { kind: string; amount: unknown };
  if (kind !== 'working_days' && kind !== 'working_hours' && kind !== 'calendar_days') {
    throw new RangeError(`Unknown duration kind: ${kind}`);
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT) {
    throw new RangeError(`${kind} amount must be a number from 0 to ${MAX_AMOUNT}: ${String(amount)}`);
  }
  if (kind === 'calendar_days' && !Number.isInteger(amount)) throw new RangeError(`calendar_days must be whole days: ${amount}`);
  if (kind === 'working_days' && !Number.isInteger(amount * 2)) throw new RangeError(`working_days must be whole or half days: ${amount}`);
  if (kind === 'working_hours' && !Number.isInteger(amount * 60)) throw new RangeError(`working_hours must be whole minutes: ${amount}`);
}

