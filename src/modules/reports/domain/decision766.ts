// Decision 766/QĐ-TTg (2022): the index of service quality for citizens and businesses, 100 points in five groups
// (transparency 18, progress and results 20, digitisation 22, online services 22, satisfaction 18). Which
// indicators make up each group and how they are weighted is partly unsettled, so every group is a formula
// stored as data (table report_formulas) over the named indicators below, evaluated by expression.ts.
import { evaluate, FormulaError, parseFormula, type Value } from './expression.ts';
import type { RatingCounts, SummaryFigures } from './indicators.ts';

export interface IndicatorInfo {
  name: string;
  vi: string;
  en: string;
}

/** Every name a formula may use. Rates are ratios 0–1; null when not measured (denominator 0). */
export const indicatorCatalogue: IndicatorInfo[] = [
  { name: 'receivedTotal', vi: 'Số hồ sơ tiếp nhận trong kỳ', en: 'Dossiers received in the period' },
  { name: 'receivedOnline', vi: 'Số hồ sơ tiếp nhận trực tuyến', en: 'Dossiers received online' },
  { name: 'carriedOver', vi: 'Số hồ sơ kỳ trước chuyển qua', en: 'Dossiers carried over' },
  { name: 'resolvedTotal', vi: 'Số hồ sơ đã giải quyết', en: 'Dossiers resolved' },
  { name: 'resolvedEarly', vi: 'Số hồ sơ giải quyết trước hạn', en: 'Resolved early' },
  { name: 'resolvedOnTime', vi: 'Số hồ sơ giải quyết đúng hạn', en: 'Resolved on time' },
  { name: 'resolvedLate', vi: 'Số hồ sơ giải quyết quá hạn', en: 'Resolved late' },
  { name: 'inProgressTotal', vi: 'Số hồ sơ đang giải quyết', en: 'Dossiers in progress' },
  { name: 'inProgressOverdue', vi: 'Số hồ sơ đang giải quyết quá hạn', en: 'Dossiers in progress and overdue' },
  { name: 'onTimeRate', vi: 'Tỷ lệ giải quyết trước hạn và đúng hạn', en: 'Share resolved early or on time' },
  { name: 'onlineRate', vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Share received online' },
  { name: 'onlineTarget', vi: 'Chỉ tiêu tỷ lệ hồ sơ trực tuyến', en: 'Online share target' },
  { name: 'firstTimeAcceptanceRate', vi: 'Tỷ lệ hồ sơ tiếp nhận ngay từ lần đầu', en: 'First-time acceptance rate' },
  { name: 'supplementRate', vi: 'Tỷ lệ hồ sơ phải bổ sung', en: 'Supplement rate' },
  { name: 'returnRate', vi: 'Tỷ lệ hồ sơ bị trả lại, từ chối', en: 'Return rate' },
  { name: 'overdueShare', vi: 'Tỷ lệ hồ sơ đang giải quyết quá hạn', en: 'Share of dossiers in progress that are overdue' },
  { name: 'satisfactionRate', vi: 'Tỷ lệ hài lòng về thái độ', en: 'Satisfaction with attitude' },
  { name: 'ratingsCount', vi: 'Số lượt đánh giá', en: 'Ratings' },
  { name: 'ratingCoverage', vi: 'Tỷ lệ hồ sơ được đánh giá', en: 'Ratings per resolved dossier' },
  { name: 'infoCorrectRate', vi: 'Tỷ lệ đánh giá thông tin công khai đúng', en: 'Share of ratings saying the published information was right' },
  { name: 'questionsReceived', vi: 'Số câu hỏi tiếp nhận', en: 'Questions received' },
  { name: 'questionsAnswered', vi: 'Số câu hỏi đã trả lời', en: 'Questions answered' },
  { name: 'questionAnswerRate', vi: 'Tỷ lệ câu hỏi được trả lời', en: 'Questions answered per question received' },
  { name: 'averageProcessingDays', vi: 'Thời gian giải quyết trung bình (ngày làm việc)', en: 'Average processing time (working days)' },
];

export const indicatorNames: ReadonlySet<string> = new Set(indicatorCatalogue.map((i) => i.name));

const ratio = (n: number, d: number): Value => (d ? n / d : null);

export function indicatorValues(s: SummaryFigures, extra: { onlineTarget: number | null; ratings: RatingCounts }): Record<string, Value> {
  return {
    receivedTotal: s.received.total,
    receivedOnline: s.received.online,
    carriedOver: s.received.carriedOver,
    resolvedTotal: s.resolved.total,
    resolvedEarly: s.resolved.early,
    resolvedOnTime: s.resolved.onTime,
    resolvedLate: s.resolved.late,
    inProgressTotal: s.inProgress.total,
    inProgressOverdue: s.inProgress.overdue,
    onTimeRate: s.rates.onTime.value,
    onlineRate: s.rates.online.value,
    onlineTarget: extra.onlineTarget,
    firstTimeAcceptanceRate: s.rates.firstTimeAcceptance.value,
    supplementRate: s.rates.supplement.value,
    returnRate: s.rates.return.value,
    overdueShare: ratio(s.inProgress.overdue, s.inProgress.total),
    satisfactionRate: s.rates.satisfaction.value,
    ratingsCount: s.ratings.count,
    ratingCoverage: ratio(s.ratings.count, s.resolved.total),
    infoCorrectRate: ratio(extra.ratings.infoCorrect, extra.ratings.infoAnswered),
    questionsReceived: s.questions.received,
    questionsAnswered: s.questions.answered,
    questionAnswerRate: ratio(s.questions.answered, s.questions.received),
    averageProcessingDays: s.averageProcessingDays,
  };
}

export interface FormulaDefinition {
  scheme: string;
  key: string;
  labelVi: string;
  labelEn: string;
  maxPoints: number;
  /** Empty: the group is not measured yet. */
  expression: string;
  position: number;
}

export const DECISION_766 = 'decision_766';

/** The formulas an installation starts with (also inserted by migration 0006); administrators may change them. */
export const defaultDecision766: FormulaDefinition[] = [
  { scheme: DECISION_766, key: 'transparency', labelVi: 'Công khai, minh bạch', labelEn: 'Transparency', maxPoints: 18, position: 1,
    expression: '18 * infoCorrectRate' },
  { scheme: DECISION_766, key: 'progress', labelVi: 'Tiến độ, kết quả giải quyết', labelEn: 'Progress and results', maxPoints: 20, position: 2,
    expression: '20 * (0.7 * onTimeRate + 0.3 * (1 - coalesce(overdueShare, 0)))' },
  { scheme: DECISION_766, key: 'digitisation', labelVi: 'Số hóa hồ sơ, kết quả', labelEn: 'Digitisation', maxPoints: 22, position: 3,
    expression: '' },
  { scheme: DECISION_766, key: 'online', labelVi: 'Cung cấp dịch vụ công trực tuyến', labelEn: 'Online services', maxPoints: 22, position: 4,
    expression: '22 * min(1, onlineRate / onlineTarget)' },
  { scheme: DECISION_766, key: 'satisfaction', labelVi: 'Mức độ hài lòng', labelEn: 'Satisfaction', maxPoints: 18, position: 5,
    expression: '18 * satisfactionRate' },
];

/** Throws FormulaError when the expression does not parse or names an unknown indicator. */
export function checkFormula(expression: string): void {
  if (expression.trim() === '') return;
  parseFormula(expression, indicatorNames);
}

export interface GroupScore {
  key: string;
  labelVi: string;
  labelEn: string;
  maxPoints: number;
  expression: string;
  /** Points, clamped to [0, maxPoints] and rounded to 2 decimals; null = not measured. */
  points: number | null;
}

export interface IndexScore {
  groups: GroupScore[];
  /** Sum of the measured groups' points. */
  total: number;
  /** Sum of the measured groups' maximum points (100 when every group is measured). */
  measuredMax: number;
  max: number;
}

export function scoreGroups(definitions: FormulaDefinition[], values: Record<string, Value>): IndexScore {
  const groups = [...definitions].sort((a, b) => a.position - b.position).map((d): GroupScore => {
    let points: number | null = null;
    if (d.expression.trim()) {
      try {
        const v = evaluate(parseFormula(d.expression, indicatorNames), values);
        points = v === null ? null : Math.round(Math.min(d.maxPoints, Math.max(0, v)) * 100) / 100;
      } catch (err) {
        if (!(err instanceof FormulaError)) throw err;
        points = null; // a stored formula that no longer parses scores nothing rather than failing the report
      }
    }
    return { key: d.key, labelVi: d.labelVi, labelEn: d.labelEn, maxPoints: d.maxPoints, expression: d.expression, points };
  });
  const measured = groups.filter((g) => g.points !== null);
  return {
    groups,
    total: Math.round(measured.reduce((s, g) => s + g.points!, 0) * 100) / 100,
    measuredMax: measured.reduce((s, g) => s + g.maxPoints, 0),
    max: groups.reduce((s, g) => s + g.maxPoints, 0),
  };
}
