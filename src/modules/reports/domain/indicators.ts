// From sums of the maintained statistics to the figures of table 06 and the summary indicators (DOMAIN.md §5).
//
// For a period [from, to] (inclusive days in Vietnam):
//   received      = Σ received_* over [from, to]                     (by receipt day; carried over counted apart)
//   carried over  = open at the end of from−1 = Σ received(≤ from−1) − Σ closed(≤ from−1)
//   resolved      = Σ resolved_early/on_time/late over [from, to]    (by finishing day: result ready or refused)
//   withdrawn, stopped over [from, to]                               (by closing day; not resolved)
//   in progress   = open at the end of `to` = carried over + received − resolved − withdrawn − stopped
//   overdue       = Σ due(≤ to−1) − Σ closed_due(≤ to)
//   within deadline = in progress − overdue
// where closed = resolved + withdrawn + stopped. Overdue, derived: a received dossier adds 1 to `due` on its
// (final) due day D and, once closed on day C, 1 to `closed_due` on max(C, D+1). The difference counts the
// dossiers with D ≤ to−1 that are not closed by the end of `to` — open dossiers whose due day is before `to`,
// which is exactly classifyDeadline's "overdue" seen on day `to` (a dossier due on `to` itself is still within
// its deadline that day).

/** Sums of dossier_stats columns for one group of rows (one field, procedure, unit, or everything). */
export interface StatSums {
  receivedCounter: number;
  receivedPost: number;
  receivedOnline: number;
  receivedSupplemented: number;
  receivedRefused: number;
  intakeIncomplete: number;
  intakeRefused: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  resolvedRefused: number;
  withdrawn: number;
  stopped: number;
  processingMs: number;
  /** Σ received(≤ from−1). */
  receivedBefore: number;
  /** Σ (resolved + withdrawn + stopped)(≤ from−1). */
  closedBefore: number;
  /** Σ due(≤ to−1). */
  dueBeforeTo: number;
  /** Σ closed_due(≤ to). */
  closedDueUpToTo: number;
}

export const statSumKeys = [
  'receivedCounter', 'receivedPost', 'receivedOnline', 'receivedSupplemented', 'receivedRefused', 'intakeIncomplete',
  'intakeRefused', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'resolvedRefused', 'withdrawn', 'stopped',
  'processingMs', 'receivedBefore', 'closedBefore', 'dueBeforeTo', 'closedDueUpToTo',
] as const satisfies readonly (keyof StatSums)[];

export function emptySums(): StatSums {
  // A literal (not built from statSumKeys): the reports create one per unit and procedure on every request.
  return {
    receivedCounter: 0, receivedPost: 0, receivedOnline: 0, receivedSupplemented: 0, receivedRefused: 0, intakeIncomplete: 0,
    intakeRefused: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, resolvedRefused: 0, withdrawn: 0, stopped: 0,
    processingMs: 0, receivedBefore: 0, closedBefore: 0, dueBeforeTo: 0, closedDueUpToTo: 0,
  };
}

export function addSums(into: StatSums, add: StatSums): StatSums {
  for (const k of statSumKeys) into[k] += add[k];
  return into;
}

/** One row of table 06 (Circular 01/2020/TT-VPCP). */
export interface Table06Figures {
  received: { total: number; carriedOver: number; online: number; inPersonOrPost: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
  withdrawn: number;
  stopped: number;
}

export function table06Of(s: StatSums): Table06Figures {
  const online = s.receivedOnline;
  const inPersonOrPost = s.receivedCounter + s.receivedPost;
  const received = online + inPersonOrPost;
  const carriedOver = s.receivedBefore - s.closedBefore;
  const resolved = s.resolvedEarly + s.resolvedOnTime + s.resolvedLate;
  const inProgress = carriedOver + received - resolved - s.withdrawn - s.stopped;
  const overdue = s.dueBeforeTo - s.closedDueUpToTo;
  return {
    received: { total: received, carriedOver, online, inPersonOrPost },
    resolved: { total: resolved, early: s.resolvedEarly, onTime: s.resolvedOnTime, late: s.resolvedLate },
    inProgress: { total: inProgress, withinDeadline: inProgress - overdue, overdue },
    withdrawn: s.withdrawn,
    stopped: s.stopped,
  };
}

export function addFigures(a: Table06Figures, b: Table06Figures): Table06Figures {
  return {
    received: {
      total: a.received.total + b.received.total, carriedOver: a.received.carriedOver + b.received.carriedOver,
      online: a.received.online + b.received.online, inPersonOrPost: a.received.inPersonOrPost + b.received.inPersonOrPost,
    },
    resolved: {
      total: a.resolved.total + b.resolved.total, early: a.resolved.early + b.resolved.early,
      onTime: a.resolved.onTime + b.resolved.onTime, late: a.resolved.late + b.resolved.late,
    },
    inProgress: {
      total: a.inProgress.total + b.inProgress.total, withinDeadline: a.inProgress.withinDeadline + b.inProgress.withinDeadline,
      overdue: a.inProgress.overdue + b.inProgress.overdue,
    },
    withdrawn: a.withdrawn + b.withdrawn,
    stopped: a.stopped + b.stopped,
  };
}

export function zeroFigures(): Table06Figures {
  return table06Of(emptySums());
}

export interface Rate {
  /** numerator ÷ denominator as a ratio 0–1; null when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number;
}

export function rate(numerator: number, denominator: number): Rate {
  return { value: denominator ? numerator / denominator : null, numerator, denominator };
}

export interface RatingCounts {
  count: number;
  /** Attitude satisfied or very satisfied. */
  satisfied: number;
  /** Ratings that answered whether the published information was right, and how many said yes. */
  infoAnswered: number;
  infoCorrect: number;
}

export interface QuestionCounts {
  received: number;
  answered: number;
}

export interface SummaryFigures extends Table06Figures {
  rates: {
    onTime: Rate;
    firstTimeAcceptance: Rate;
    supplement: Rate;
    return: Rate;
    online: Rate;
    satisfaction: Rate;
  };
  questions: QuestionCounts;
  ratings: { count: number; satisfied: number };
  intake: { incomplete: number; refused: number };
  /** Average working days from the clock start to finishing, over the dossiers resolved in the period. */
  averageProcessingDays: number | null;
}

export interface SummaryInput {
  sums: StatSums;
  /** Received in the period, supplemented at least once AND refused (the overlap of the two cohorts). */
  supplementedAndRefused: number;
  ratings: RatingCounts;
  questions: QuestionCounts;
  /** Length of a working day of the unit's calendar, for the average processing time. */
  dayLengthMs: number;
}

export function summaryOf(input: SummaryInput): SummaryFigures {
  const { sums: s } = input;
  const t = table06Of(s);
  const received = t.received.total;
  // First-time acceptance: neither a supplement round nor a refusal (inclusion–exclusion on the two cohorts).
  const firstTime = received - s.receivedSupplemented - s.receivedRefused + input.supplementedAndRefused;
  return {
    ...t,
    rates: {
      onTime: rate(t.resolved.early + t.resolved.onTime, t.resolved.total),
      firstTimeAcceptance: rate(firstTime, received),
      supplement: rate(s.receivedSupplemented, received),
      return: rate(s.receivedRefused, received),
      online: rate(t.received.online, received),
      satisfaction: rate(input.ratings.satisfied, input.ratings.count),
    },
    questions: input.questions,
    ratings: { count: input.ratings.count, satisfied: input.ratings.satisfied },
    intake: { incomplete: s.intakeIncomplete, refused: s.intakeRefused },
    averageProcessingDays: t.resolved.total && input.dayLengthMs
      ? Math.round((s.processingMs / t.resolved.total / input.dayLengthMs) * 100) / 100
      : null,
  };
}

/** Checks every total against its parts; returns the broken identities (empty when consistent). */
export function inconsistencies(t: Table06Figures): string[] {
  const out: string[] = [];
  if (t.received.total !== t.received.online + t.received.inPersonOrPost) out.push('received.total');
  if (t.resolved.total !== t.resolved.early + t.resolved.onTime + t.resolved.late) out.push('resolved.total');
  if (t.inProgress.total !== t.inProgress.withinDeadline + t.inProgress.overdue) out.push('inProgress.total');
  if (t.received.carriedOver + t.received.total !== t.resolved.total + t.withdrawn + t.stopped + t.inProgress.total) out.push('balance');
  if (t.inProgress.overdue < 0 || t.inProgress.withinDeadline < 0 || t.received.carriedOver < 0) out.push('negative');
  return out;
}
