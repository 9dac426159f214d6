// Report queries: loads sums through the repository and turns them into table 06, the summary, comparisons,
// the dashboard series, the Circular 01/2018 evaluation and the Decision 766 index. No HTTP here.
import type { Db } from '../../access/reach.ts';
import { compareVietnamese } from '../../platform/text.ts';
import { communeLevelKinds, type UnitKind } from '../../units/kinds.ts';
import { calendarFor } from '../calendar/repository.ts';
import { classificationLabels, emptyCounts, evaluationScore, type EvaluationCounts, type EvaluationScore } from './domain/circular01.ts';
import { monthsOf } from './domain/dates.ts';
import { DECISION_766, indicatorValues, scoreGroups, type IndexScore } from './domain/decision766.ts';
import {
  addSums, emptySums, summaryOf, table06Of, type RatingCounts, type StatSums, type SummaryFigures,
} from './domain/indicators.ts';
import { describeRange, previousRange, sameRangeLastYear, type DateRange, type PeriodConvention } from './domain/periods.ts';
import { totalOf, type Grouping, type Table06, type Table06Row } from './domain/table06.ts';
import * as repo from './repository.ts';

export interface ReportScope {
  unit: repo.UnitLabel;
  range: DateRange;
  /** The day the "in progress" snapshot is taken: `to`, or today when `to` is still ahead. */
  asOf: string;
  convention: PeriodConvention;
  settings: repo.StoredSettings | null;
}

function sumAll(rows: repo.GroupSums[]): StatSums {
  return rows.reduce((acc, r) => addSums(acc, r.sums), emptySums());
}

/**
 * The sums of a period, per unit (from the statistics summed over procedures) or per unit and procedure. Flows
 * are counted over the whole range; the snapshot columns (due, closed_due) at `asOf` when it comes before the
 * end, so that a period that has not ended yet does not count as overdue what is only due later.
 */
function periodSums(db: Db, unitId: string, range: DateRange, asOf: string, by: 'unit' | 'procedure'): Promise<repo.GroupSums[]> {
  return repo.statSums(db, unitId, range, asOf < range.to ? asOf : range.to, by);
}

export interface SummaryResult {
  figures: SummaryFigures;
  ratings: RatingCounts;
}

export async function loadSummary(db: Db, unitId: string, range: DateRange, asOf: string): Promise<SummaryResult> {
  const [rows, overlap, ratings, questions, { calendar }] = await Promise.all([
    periodSums(db, unitId, range, asOf, 'unit'),
    repo.supplementedAndRefused(db, unitId, range),
    repo.ratingCounts(db, unitId, range),
    repo.questionCounts(db, unitId, range),
    calendarFor(db, unitId),
  ]);
  const figures = summaryOf({ sums: sumAll(rows), supplementedAndRefused: overlap, ratings, questions, dayLengthMs: calendar.dayLengthMs });
  return { figures, ratings };
}

export interface ComparedPeriod {
  from: string;
  to: string;
  label: string;
  summary: SummaryFigures;
}

export interface Comparisons {
  previous: ComparedPeriod;
  sameLastYear: ComparedPeriod;
}

export async function loadComparisons(db: Db, scope: ReportScope): Promise<Comparisons> {
  const prev = previousRange(scope.range, scope.convention);
  const last = sameRangeLastYear(scope.range, scope.convention);
  const [p, l] = await Promise.all([loadSummary(db, scope.unit.id, prev, prev.to), loadSummary(db, scope.unit.id, last, last.to)]);
  const prevDescription = describeRange(prev, scope.convention);
  return {
    previous: { ...prev, label: prevDescription.ref ? prevDescription.vi.toLocaleLowerCase('vi') : 'kỳ trước', summary: p.figures },
    sameLastYear: { ...last, label: describeRange(scope.range, scope.convention).sameLastYearVi, summary: l.figures },
  };
}

const FIELD_UNKNOWN = 'Chưa phân loại lĩnh vực';

/** Kinds that receive dossiers and so get a row of their own when a report is grouped by sub-unit. */
const receivingKinds: ReadonlySet<string> = new Set<UnitKind>(['province', 'district', ...communeLevelKinds, 'service_centre', 'agency']);

function validDuring(u: repo.UnitLabel, range: DateRange): boolean {
  return (u.validFrom === null || u.validFrom <= range.to) && (u.validTo === null || u.validTo > range.from);
}

export async function loadTable06(db: Db, scope: ReportScope, groupBy: Grouping): Promise<Table06> {
  // By unit, the sub-units and which of them each unit below belongs to are read alongside the sums.
  const [rows, { children: allChildren, owner }] = await Promise.all([
    periodSums(db, scope.unit.id, scope.range, scope.asOf, groupBy === 'unit' ? 'unit' : 'procedure'),
    groupBy === 'unit' ? repo.subUnits(db, scope.unit.id) : { children: [], owner: new Map<string, string>() },
  ]);
  const groups = new Map<string, { label: string; code?: string | null; sums: StatSums }>();
  const add = (key: string, label: string, sums: StatSums, code?: string | null) => {
    const g = groups.get(key) ?? { label, code, sums: emptySums() };
    addSums(g.sums, sums);
    groups.set(key, g);
  };
  if (groupBy === 'unit') {
    const children = allChildren.filter((c) => validDuring(c, scope.range));
    const names = new Map(children.map((c) => [c.id, c.fullName]));
    for (const c of children) if (receivingKinds.has(c.kind)) add(c.id, c.fullName, emptySums());
    for (const r of rows) {
      const child = owner.get(r.key);
      if (child) add(child, names.get(child) ?? (await repo.unitLabel(db, child))?.fullName ?? child, r.sums);
      else add(scope.unit.id, `${scope.unit.fullName} (trực tiếp tiếp nhận)`, r.sums);
    }
  } else {
    const labels = await repo.procedureLabels(db, rows.map((r) => r.key));
    for (const r of rows) {
      const procedureId = r.key;
      const p = labels.get(procedureId);
      if (groupBy === 'procedure') add(procedureId, p?.name ?? procedureId, r.sums, p?.code ?? null);
      else add(p?.field ?? FIELD_UNKNOWN, p?.field ?? FIELD_UNKNOWN, r.sums);
    }
  }
  const out: Table06Row[] = [...groups.entries()].map(([key, g]) => ({ key, label: g.label, code: g.code, figures: table06Of(g.sums) }));
  out.sort((a, b) => (a.label === FIELD_UNKNOWN ? 1 : 0) - (b.label === FIELD_UNKNOWN ? 1 : 0) || compareVietnamese(a.label, b.label));
  return { groupBy, rows: out, total: totalOf(out) };
}

export interface MonthPoint {
  month: string;
  received: { online: number; inPersonOrPost: number };
  resolved: { early: number; onTime: number; late: number };
  ratings: { count: number; satisfied: number };
}

export async function loadMonths(db: Db, scope: ReportScope): Promise<MonthPoint[]> {
  const [flows, ratings] = await Promise.all([repo.monthlyFlows(db, scope.unit.id, scope.range), repo.monthlyRatings(db, scope.unit.id, scope.range)]);
  const f = new Map(flows.map((x) => [x.month, x]));
  const r = new Map(ratings.map((x) => [x.month, x]));
  return monthsOf(scope.range.from, scope.range.to).map((month) => {
    const a = f.get(month);
    const b = r.get(month);
    return {
      month,
      received: { online: a?.online ?? 0, inPersonOrPost: a?.inPersonOrPost ?? 0 },
      resolved: { early: a?.early ?? 0, onTime: a?.onTime ?? 0, late: a?.late ?? 0 },
      ratings: { count: b?.count ?? 0, satisfied: b?.satisfied ?? 0 },
    };
  });
}

export interface EvaluationEntry {
  id: string;
  name: string;
  dossiers: number;
  score: EvaluationScore;
  classificationVi: string | null;
}

function entryOf(id: string, name: string, counts: EvaluationCounts, subject: 'unit' | 'official'): EvaluationEntry {
  const score = evaluationScore(subject, counts);
  const t = counts.timeliness;
  return {
    id, name, dossiers: t.early + t.onTime + t.late, score,
    classificationVi: score.classification ? classificationLabels[score.classification].vi : null,
  };
}

function addCounts(a: EvaluationCounts, b: EvaluationCounts): EvaluationCounts {
  const out = emptyCounts();
  for (const group of Object.keys(out) as (keyof EvaluationCounts)[]) {
    const target = out[group] as Record<string, number>;
    for (const k of Object.keys(target)) target[k] = (a[group] as Record<string, number>)[k] + (b[group] as Record<string, number>)[k];
  }
  return out;
}

/** Circular 01/2018 scores of the unit (everything below it), of each sub-unit, and of each official. */
export async function loadEvaluation(db: Db, scope: ReportScope): Promise<{ unit: EvaluationEntry; subUnits: EvaluationEntry[]; officials: EvaluationEntry[] }> {
  const [byUnit, byOfficial, { children, owner }] = await Promise.all([
    repo.evaluationCounts(db, scope.unit.id, scope.range, 'unit'),
    repo.evaluationCounts(db, scope.unit.id, scope.range, 'official'),
    repo.subUnits(db, scope.unit.id),
  ]);
  const total = byUnit.reduce((acc, r) => addCounts(acc, r.counts), emptyCounts());
  const perChild = new Map<string, EvaluationCounts>();
  for (const r of byUnit) {
    const child = owner.get(r.key);
    if (child) perChild.set(child, addCounts(perChild.get(child) ?? emptyCounts(), r.counts));
  }
  const childNames = new Map(children.map((c) => [c.id, c.fullName]));
  const names = await repo.userNames(db, byOfficial.map((r) => r.key));
  const byName = (a: EvaluationEntry, b: EvaluationEntry) => compareVietnamese(a.name, b.name);
  return {
    unit: entryOf(scope.unit.id, scope.unit.fullName, total, 'unit'),
    subUnits: [...perChild.entries()].map(([id, c]) => entryOf(id, childNames.get(id) ?? id, c, 'unit')).sort(byName),
    officials: byOfficial.map((r) => entryOf(r.key, names.get(r.key) ?? r.key, r.counts, 'official')).sort(byName),
  };
}

/** The online-share target: the unit's setting, else 0.9 for a province and 0.7 below it (DOMAIN.md §5). */
export function onlineTargetOf(scope: ReportScope): number {
  return scope.settings?.onlineTarget ?? (scope.unit.kind === 'province' ? 0.9 : 0.7);
}

export async function loadServiceIndex(db: Db, scope: ReportScope): Promise<IndexScore & { onlineTarget: number }> {
  const [{ figures, ratings }, definitions] = await Promise.all([
    loadSummary(db, scope.unit.id, scope.range, scope.asOf),
    repo.formulas(db, DECISION_766),
  ]);
  const onlineTarget = onlineTargetOf(scope);
  return { ...scoreGroups(definitions, indicatorValues(figures, { onlineTarget, ratings })), onlineTarget };
}
