// Citizen evaluation of the handling of procedures (Circular 01/2018/TT-VPCP art. 13–15, DOMAIN.md §5): nine
// indices, each worth 0, 1 or 2 points per dossier. An index score is the points summed over the dossiers ÷ the
// dossiers, to one decimal; a subject's score is the sum of its indices. Officials are scored on five indices
// (10 points), agencies and units on all nine (18 points), and classified by fixed thresholds.
//
// Two indices cannot be measured from the data kept yet (the time of each participating body, and how feedback
// was received and explained — the petitions module will provide it). A score over the measured indices only is
// scaled to the full scale so the thresholds still apply; the response lists what was measured.

export type Subject = 'official' | 'unit';

/** Counts per dossier category, over the dossiers resolved in the period (ratings: over those rated). */
export interface EvaluationCounts {
  timeliness: { early: number; onTime: number; late: number };
  supplementRounds: { none: number; one: number; more: number };
  contacts: { none: number; one: number; more: number };
  bodies: { one: number; two: number; more: number };
  online: { online: number; other: number };
  infoCorrect: { yes: number; no: number };
}

export function emptyCounts(): EvaluationCounts {
  return {
    timeliness: { early: 0, onTime: 0, late: 0 },
    supplementRounds: { none: 0, one: 0, more: 0 },
    contacts: { none: 0, one: 0, more: 0 },
    bodies: { one: 0, two: 0, more: 0 },
    online: { online: 0, other: 0 },
    infoCorrect: { yes: 0, no: 0 },
  };
}

interface IndexRule {
  key: string;
  vi: string;
  en: string;
  subjects: readonly Subject[];
  /** [count, points] pairs; null when the data is not kept. */
  points: ((c: EvaluationCounts) => [number, number][]) | null;
}

export const circularIndices: IndexRule[] = [
  { key: 'total_time', vi: 'Tổng thời gian giải quyết so với thời gian quy định', en: 'Total processing time against the limit',
    subjects: ['official', 'unit'], points: (c) => [[c.timeliness.early, 2], [c.timeliness.onTime, 1], [c.timeliness.late, 0]] },
  { key: 'step_time', vi: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết', en: 'Time taken by each participating body',
    subjects: ['unit'], points: null },
  { key: 'supplement_requests', vi: 'Số lần yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Requests for supplementary documents',
    subjects: ['official', 'unit'], points: (c) => [[c.supplementRounds.none, 2], [c.supplementRounds.one, 1], [c.supplementRounds.more, 0]] },
  { key: 'contacts', vi: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ', en: 'Contacts needed to complete the dossier',
    subjects: ['official', 'unit'], points: (c) => [[c.contacts.none, 2], [c.contacts.one, 1], [c.contacts.more, 0]] },
  { key: 'bodies', vi: 'Số cơ quan, đơn vị phải liên hệ', en: 'Bodies the applicant had to visit',
    subjects: ['unit'], points: (c) => [[c.bodies.one, 2], [c.bodies.two, 1], [c.bodies.more, 0]] },
  { key: 'online', vi: 'Thực hiện thủ tục qua dịch vụ công trực tuyến', en: 'Done through the online public service',
    subjects: ['unit'], points: (c) => [[c.online.online, 2], [c.online.other, 0]] },
  { key: 'public_information', vi: 'Công khai thủ tục hành chính', en: 'Publication of the procedure',
    subjects: ['unit'], points: (c) => [[c.infoCorrect.yes, 2], [c.infoCorrect.no, 0]] },
  // Attitude: early and no complaint 2, on time and no complaint 1, a substantiated complaint 0. Complaints are
  // not recorded yet, so the timeliness decides; a late result earns nothing.
  { key: 'attitude', vi: 'Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ', en: 'Attitude of the officials',
    subjects: ['official', 'unit'], points: (c) => [[c.timeliness.early, 2], [c.timeliness.onTime, 1], [c.timeliness.late, 0]] },
  { key: 'feedback', vi: 'Tiếp thu, giải trình ý kiến phản ánh, kiến nghị', en: 'Handling of feedback and proposals',
    subjects: ['official', 'unit'], points: null },
];

export const fullScale: Record<Subject, number> = { official: 10, unit: 18 };

export type Classification = 'full' | 'most' | 'below_most' | 'excellent' | 'good' | 'fairly_good' | 'average' | 'weak';

export const classificationLabels: Record<Classification, { vi: string; en: string }> = {
  full: { vi: 'Hoàn thành 100% nhiệm vụ', en: '100% of duties fulfilled' },
  most: { vi: 'Hoàn thành từ 70% đến dưới 100% nhiệm vụ', en: '70% to under 100% of duties fulfilled' },
  below_most: { vi: 'Hoàn thành dưới 70% nhiệm vụ', en: 'Under 70% of duties fulfilled' },
  excellent: { vi: 'Xuất sắc', en: 'Excellent' },
  good: { vi: 'Tốt', en: 'Good' },
  fairly_good: { vi: 'Khá', en: 'Fairly good' },
  average: { vi: 'Trung bình', en: 'Average' },
  weak: { vi: 'Yếu', en: 'Weak' },
};

export function classify(subject: Subject, score: number): Classification {
  if (subject === 'official') return score >= 5 ? 'full' : score >= 3.5 ? 'most' : 'below_most';
  if (score >= 15) return 'excellent';
  if (score >= 12) return 'good';
  if (score >= 9) return 'fairly_good';
  if (score >= 6) return 'average';
  return 'weak';
}

export interface IndexResult {
  key: string;
  vi: string;
  en: string;
  /** Average points per dossier (0–2, one decimal); null when not measured. */
  score: number | null;
  dossiers: number;
}

export interface EvaluationScore {
  subject: Subject;
  indices: IndexResult[];
  /** Sum of the measured index scores (one decimal). */
  measuredScore: number;
  measuredMax: number;
  /** The score on the full scale (10 or 18), one decimal; null when nothing was measured. */
  score: number | null;
  max: number;
  classification: Classification | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function evaluationScore(subject: Subject, counts: EvaluationCounts): EvaluationScore {
  const indices: IndexResult[] = circularIndices.filter((r) => r.subjects.includes(subject)).map((r) => {
    if (!r.points) return { key: r.key, vi: r.vi, en: r.en, score: null, dossiers: 0 };
    const pairs = r.points(counts);
    const dossiers = pairs.reduce((n, [count]) => n + count, 0);
    const points = pairs.reduce((n, [count, p]) => n + count * p, 0);
    return { key: r.key, vi: r.vi, en: r.en, score: dossiers ? oneDecimal(points / dossiers) : null, dossiers };
  });
  const measured = indices.filter((i) => i.score !== null);
  const measuredScore = oneDecimal(measured.reduce((n, i) => n + i.score!, 0));
  const measuredMax = 2 * measured.length;
  const max = fullScale[subject];
  const score = measuredMax ? oneDecimal((measuredScore * max) / measuredMax) : null;
  return { subject, indices, measuredScore, measuredMax, score, max, classification: score === null ? null : classify(subject, score) };
}
