import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addYears, monthsOf } from './dates.ts';
import {
  describeRange, parsePeriodCode, periodCode, periodLabelVi, periodRange, previousRange, recognisePeriod, sameRangeLastYear,
  type PeriodConvention, type PeriodRef,
} from './periods.ts';

const cutoff: PeriodConvention = { kind: 'cutoff', day: 15 };

describe('reporting periods', () => {
  test('calendar periods', () => {
    const cases: [PeriodRef, string, string][] = [
      [{ kind: 'month', year: 2024, index: 2 }, '2024-02-01', '2024-02-29'],
      [{ kind: 'quarter', year: 2026, index: 1 }, '2026-01-01', '2026-03-31'],
      [{ kind: 'quarter', year: 2026, index: 4 }, '2026-10-01', '2026-12-31'],
      [{ kind: 'half', year: 2026, index: 2 }, '2026-07-01', '2026-12-31'],
      [{ kind: 'nine_months', year: 2026, index: 1 }, '2026-01-01', '2026-09-30'],
      [{ kind: 'year', year: 2021, index: 1 }, '2021-01-01', '2021-12-31'],
    ];
    for (const [ref, from, to] of cases) assert.deepEqual(periodRange(ref), { from, to }, periodCode(ref));
  });

  test('official cut-off: from the 15th of the month before to the 14th (Decree 09/2019 art. 12)', () => {
    const cases: [PeriodRef, string, string][] = [
      [{ kind: 'month', year: 2026, index: 1 }, '2025-12-15', '2026-01-14'],
      [{ kind: 'month', year: 2026, index: 3 }, '2026-02-15', '2026-03-14'],
      [{ kind: 'quarter', year: 2026, index: 1 }, '2025-12-15', '2026-03-14'],
      [{ kind: 'quarter', year: 2026, index: 2 }, '2026-03-15', '2026-06-14'],
      [{ kind: 'half', year: 2026, index: 1 }, '2025-12-15', '2026-06-14'],
      [{ kind: 'half', year: 2026, index: 2 }, '2026-06-15', '2026-12-14'],
      [{ kind: 'nine_months', year: 2026, index: 1 }, '2025-12-15', '2026-09-14'],
      [{ kind: 'year', year: 2026, index: 1 }, '2025-12-15', '2026-12-14'],
    ];
    for (const [ref, from, to] of cases) assert.deepEqual(periodRange(ref, cutoff), { from, to }, periodCode(ref));
    assert.deepEqual(periodRange({ kind: 'quarter', year: 2026, index: 1 }, { kind: 'cutoff', day: 20 }), { from: '2025-12-20', to: '2026-03-19' });
    assert.throws(() => periodRange({ kind: 'year', year: 2026, index: 1 }, { kind: 'cutoff', day: 1 }), RangeError);
    assert.throws(() => periodRange({ kind: 'year', year: 2026, index: 1 }, { kind: 'cutoff', day: 31 }), RangeError);
  });

  test('codes parse and print back', () => {
    for (const code of ['2026', '2026-H1', '2026-H2', '2026-9M', '2026-Q3', '2026-03', '2026-12']) {
      assert.equal(periodCode(parsePeriodCode(code)!), code);
    }
    assert.deepEqual(parsePeriodCode('2026-q2'), { kind: 'quarter', year: 2026, index: 2 });
    for (const bad of ['2026-13', '2026-Q5', '2026-H3', '26', '2026-00', 'x', '2026-Q1-01']) assert.equal(parsePeriodCode(bad), null, bad);
  });

  test('consecutive periods tile the calendar under both conventions', () => {
    for (const convention of [{ kind: 'calendar' } as const, cutoff]) {
      for (const kind of ['month', 'quarter', 'half'] as const) {
        let previous = periodRange({ kind, year: 2025, index: 1 }, convention);
        const count = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 2;
        for (let i = 2; i <= 2 * count; i++) {
          const year = 2025 + Math.floor((i - 1) / count);
          const index = ((i - 1) % count) + 1;
          const r = periodRange({ kind, year, index }, convention);
          const dayAfter = new Date(Date.parse(`${previous.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          assert.equal(r.from, dayAfter, `${kind} ${year}/${index} under ${convention.kind}`);
          previous = r;
        }
      }
    }
  });

  test('previous period and the same period last year', () => {
    const q1 = periodRange({ kind: 'quarter', year: 2026, index: 1 });
    assert.deepEqual(previousRange(q1), { from: '2025-10-01', to: '2025-12-31' });
    assert.deepEqual(sameRangeLastYear(q1), { from: '2025-01-01', to: '2025-03-31' });
    assert.deepEqual(previousRange({ from: '2026-03-10', to: '2026-03-19' }), { from: '2026-02-28', to: '2026-03-09' });
    assert.deepEqual(sameRangeLastYear({ from: '2024-02-29', to: '2024-03-05' }), { from: '2023-02-28', to: '2023-03-05' });
    const cq1 = periodRange({ kind: 'quarter', year: 2026, index: 1 }, cutoff);
    assert.deepEqual(previousRange(cq1, cutoff), { from: '2025-09-15', to: '2025-12-14' });
    assert.deepEqual(sameRangeLastYear(cq1, cutoff), { from: '2024-12-15', to: '2025-03-14' });
    assert.equal(addYears('2024-02-29', 1), '2025-02-28');
  });

  test('labels in Vietnamese', () => {
    assert.equal(periodLabelVi({ kind: 'quarter', year: 2026, index: 1 }), 'Quý I năm 2026');
    assert.equal(periodLabelVi({ kind: 'quarter', year: 2026, index: 4 }), 'Quý IV năm 2026');
    assert.equal(periodLabelVi({ kind: 'half', year: 2026, index: 1 }), '6 tháng đầu năm 2026');
    assert.equal(periodLabelVi({ kind: 'month', year: 2026, index: 3 }), 'Tháng 3 năm 2026');
    assert.equal(periodLabelVi({ kind: 'nine_months', year: 2026, index: 1 }), '9 tháng đầu năm 2026');
    const year = describeRange({ from: '2021-01-01', to: '2021-12-31' });
    assert.equal(year.vi, 'Năm 2021');
    assert.equal(year.sameLastYearVi, 'cùng kỳ năm 2020');
    assert.equal(describeRange({ from: '2026-03-01', to: '2026-03-15' }).vi, 'Từ ngày 01/03/2026 đến ngày 15/03/2026');
    assert.equal(describeRange({ from: '2025-12-15', to: '2026-12-14' }, cutoff).vi, 'Năm 2026');
    assert.equal(recognisePeriod({ from: '2025-12-15', to: '2026-03-14' }, cutoff)?.kind, 'quarter');
    assert.equal(recognisePeriod({ from: '2026-01-01', to: '2026-03-30' }), null);
  });

  test('any month lists back its months', () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      const r = periodRange({ kind: 'month', year, index: month });
      assert.deepEqual(monthsOf(r.from, r.to), [r.from]);
    }), { numRuns: 50 });
  });
});
