import type { SatisfactionLevel } from './tables.ts';

// The five-level scale of satisfaction (Circular 01/2018 art. 13–15) and the summary staff see.

export const satisfactionLevels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const satisfies readonly SatisfactionLevel[];

export const levelLabels: Record<SatisfactionLevel, { vi: string; en: string }> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  neutral: { vi: 'Bình thường', en: 'Neither satisfied nor dissatisfied' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  very_dissatisfied: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
};

export type LevelCounts = Record<SatisfactionLevel, number>;

export interface RatingSummary {
  total: number;
  attitude: LevelCounts;
  overall: LevelCounts;
  /** Share of ratings "satisfied" or better, in percent with one decimal; null without ratings. */
  attitudeSatisfiedPercent: number | null;
  overallSatisfiedPercent: number | null;
}

const emptyCounts = (): LevelCounts => ({ very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0 });

function satisfiedPercent(counts: LevelCounts): number | null {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (!total) return null;
  return Math.round(((counts.very_satisfied + counts.satisfied) * 1000) / total) / 10;
}

export function summarise(rows: { attitude: SatisfactionLevel; overall: SatisfactionLevel | null; n: number }[]): RatingSummary {
  const attitude = emptyCounts();
  const overall = emptyCounts();
  let total = 0;
  for (const r of rows) {
    attitude[r.attitude] += r.n;
    if (r.overall) overall[r.overall] += r.n;
    total += r.n;
  }
  return { total, attitude, overall, attitudeSatisfiedPercent: satisfiedPercent(attitude), overallSatisfiedPercent: satisfiedPercent(overall) };
}
