import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classify, emptyCounts, evaluationScore } from './circular01.ts';
import { defaultDecision766, scoreGroups } from './decision766.ts';
import { inconsistencies, summaryOf, table06Of, emptySums, type StatSums } from './indicators.ts';

describe('Circular 01/2018 evaluation', () => {
  test('classification thresholds for officials and units', () => {
    const officials: [number, string][] = [[10, 'full'], [5, 'full'], [4.9, 'most'], [3.5, 'most'], [3.4, 'below_most'], [0, 'below_most']];
    for (const [score, expected] of officials) assert.equal(classify('official', score), expected, `official ${score}`);
    const units: [number, string][] = [[18, 'excellent'], [15, 'excellent'], [14.9, 'good'], [12, 'good'], [11.9, 'fairly_good'],
      [9, 'fairly_good'], [8.9, 'average'], [6, 'average'], [5.9, 'weak']];
    for (const [score, expected] of units) assert.equal(classify('unit', score), expected, `unit ${score}`);
  });

  test('an index score is points ÷ dossiers to one decimal; unmeasured indices scale the total', () => {
    const c = emptyCounts();
    c.timeliness = { early: 3, onTime: 1, late: 1 }; // (6 + 1 + 0) / 5 = 1.4
    c.supplementRounds = { none: 4, one: 1, more: 0 }; // 9 / 5 = 1.8
    c.contacts = { none: 1, one: 1, more: 0 }; // 3 / 2 = 1.5
    const official = evaluationScore('official', c);
    const byKey = Object.fromEntries(official.indices.map((i) => [i.key, i.score]));
    assert.deepEqual(byKey, { total_time: 1.4, supplement_requests: 1.8, contacts: 1.5, attitude: 1.4, feedback: null });
    assert.equal(official.measuredScore, 6.1);
    assert.equal(official.measuredMax, 8);
    assert.equal(official.score, 7.6); // 6.1 × 10 / 8 = 7.625
    assert.equal(official.classification, 'full');

    const unit = evaluationScore('unit', c);
    assert.equal(unit.indices.length, 9);
    assert.equal(unit.measuredMax, 8); // time, supplements, contacts, attitude; no online or rating facts yet
    assert.equal(unit.indices.find((i) => i.key === 'online')!.score, null);
    assert.equal(evaluationScore('unit', emptyCounts()).score, null);
  });
});

describe('Decision 766 groups from formulas', () => {
  test('default formulas over indicators; unmeasured groups stay out of the total', () => {
    const score = scoreGroups(defaultDecision766, {
      infoCorrectRate: null, onTimeRate: 0.9, overdueShare: 0.5, onlineRate: 0.35, onlineTarget: 0.7, satisfactionRate: 0.956,
    });
    const points = Object.fromEntries(score.groups.map((g) => [g.key, g.points]));
    assert.deepEqual(points, { transparency: null, progress: 15.6, digitisation: null, online: 11, satisfaction: 17.21 });
    assert.equal(score.total, 43.81);
    assert.equal(score.measuredMax, 60);
    assert.equal(score.max, 100);
  });

  test('points are clamped to the group maximum and a broken stored formula scores nothing', () => {
    const score = scoreGroups([
      { scheme: 's', key: 'x', labelVi: 'x', labelEn: 'x', maxPoints: 10, expression: '50', position: 1 },
      { scheme: 's', key: 'y', labelVi: 'y', labelEn: 'y', maxPoints: 10, expression: '-3', position: 2 },
      { scheme: 's', key: 'z', labelVi: 'z', labelEn: 'z', maxPoints: 10, expression: 'nope +', position: 3 },
    ], {});
    assert.deepEqual(score.groups.map((g) => g.points), [10, 0, null]);
  });
});

describe('table 06 and summary from sums', () => {
  const sums = (over: Partial<StatSums>): StatSums => ({ ...emptySums(), ...over });

  test('carried over, in progress and overdue from running totals; every total is the sum of its parts', () => {
    const t = table06Of(sums({
      receivedCounter: 6, receivedPost: 1, receivedOnline: 3, resolvedEarly: 4, resolvedOnTime: 1, resolvedLate: 1, withdrawn: 1, stopped: 1,
      receivedBefore: 5, closedBefore: 4, dueBeforeTo: 9, closedDueUpToTo: 8,
    }));
    assert.deepEqual(t, {
      received: { total: 10, carriedOver: 1, online: 3, inPersonOrPost: 7 },
      resolved: { total: 6, early: 4, onTime: 1, late: 1 },
      inProgress: { total: 3, withinDeadline: 2, overdue: 1 },
      withdrawn: 1, stopped: 1,
    });
    assert.deepEqual(inconsistencies(t), []);
  });

  test('rates carry numerator and denominator; null when nothing to divide by', () => {
    const s = summaryOf({
      sums: sums({ receivedCounter: 8, receivedOnline: 2, receivedSupplemented: 2, receivedRefused: 2, resolvedEarly: 3, resolvedLate: 1, processingMs: 4 * 8 * 3_600_000 * 2 }),
      supplementedAndRefused: 1,
      ratings: { count: 0, satisfied: 0, infoAnswered: 0, infoCorrect: 0 },
      questions: { received: 3, answered: 2 },
      dayLengthMs: 8 * 3_600_000,
    });
    assert.deepEqual(s.rates.firstTimeAcceptance, { value: 0.7, numerator: 7, denominator: 10 });
    assert.deepEqual(s.rates.onTime, { value: 0.75, numerator: 3, denominator: 4 });
    assert.deepEqual(s.rates.satisfaction, { value: null, numerator: 0, denominator: 0 });
    assert.equal(s.averageProcessingDays, 2);
    assert.equal(summaryOf({ sums: emptySums(), supplementedAndRefused: 0, ratings: { count: 0, satisfied: 0, infoAnswered: 0, infoCorrect: 0 }, questions: { received: 0, answered: 0 }, dayLengthMs: 1 }).averageProcessingDays, null);
  });
});
