import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays, monthEnd } from './dates.ts';
import { selectFewestRows, selectRows, upTo, type DaySpan } from './rows.ts';

const EARLIEST = '2019-01-01';

/** Every day the selection adds up, as a sorted list (duplicates kept, so double counting shows). */
function coveredDays(span: DaySpan): string[] {
  const sel = selectRows(span);
  const days: string[] = [];
  if (sel.months) {
    for (let d = sel.months.from ?? EARLIEST; d <= sel.months.to; d = addDays(monthEnd(d), 1)) {
      for (let x = d; x <= monthEnd(d); x = addDays(x, 1)) days.push(x);
    }
  }
  for (const r of sel.days) for (let x = r.from; x <= r.to; x = addDays(x, 1)) days.push(x);
  return days.sort();
}

/** How many times the signed selection counts each day (month and day rows +1, subtracted day rows −1), zeros dropped. */
function signedDays(span: DaySpan): Record<string, number> {
  const sel = selectFewestRows(span);
  const count = new Map<string, number>();
  const add = (x: string, n: number) => count.set(x, (count.get(x) ?? 0) + n);
  if (sel.months) {
    for (let d = sel.months.from ?? EARLIEST; d <= sel.months.to; d = addDays(monthEnd(d), 1)) {
      for (let x = d; x <= monthEnd(d); x = addDays(x, 1)) add(x, 1);
    }
  }
  for (const r of sel.days) for (let x = r.from; x <= r.to; x = addDays(x, 1)) add(x, 1);
  for (const r of sel.minus) for (let x = r.from; x <= r.to; x = addDays(x, 1)) add(x, -1);
  return Object.fromEntries([...count].filter(([, n]) => n !== 0).sort());
}

const dayRows = (ranges: { from: string; to: string }[]) => ranges.reduce((n, r) => n + daysOf(r.from, r.to).length, 0);

function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let x = from; x <= to; x = addDays(x, 1)) out.push(x);
  return out;
}

const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2020-01-01', n));

describe('which dossier_stats rows add up to a span', () => {
  test('examples', () => {
    assert.deepEqual(selectRows({ from: '2026-01-10', to: '2026-03-15' }), {
      months: { from: '2026-02-01', to: '2026-02-01' },
      days: [{ from: '2026-01-10', to: '2026-01-31' }, { from: '2026-03-01', to: '2026-03-15' }],
    });
    assert.deepEqual(selectRows({ from: '2026-01-01', to: '2026-12-31' }), { months: { from: '2026-01-01', to: '2026-12-01' }, days: [] });
    assert.deepEqual(selectRows({ from: '2026-03-01', to: '2026-03-31' }), { months: { from: '2026-03-01', to: '2026-03-01' }, days: [] });
    assert.deepEqual(selectRows({ from: '2026-03-02', to: '2026-03-30' }), { months: null, days: [{ from: '2026-03-02', to: '2026-03-30' }] });
    assert.deepEqual(selectRows(upTo('2026-03-15')), { months: { from: null, to: '2026-02-01' }, days: [{ from: '2026-03-01', to: '2026-03-15' }] });
    assert.deepEqual(selectRows(upTo('2026-02-28')), { months: { from: null, to: '2026-02-01' }, days: [] });
    assert.deepEqual(selectRows({ from: '2026-03-05', to: '2026-03-04' }), { months: null, days: [] });
  });

  test('any span is covered exactly once, with at most two partial months of day rows', () => {
    fc.assert(fc.property(day, day, (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      assert.deepEqual(coveredDays({ from, to }), daysOf(from, to));
      assert.ok(selectRows({ from, to }).days.length <= 2);
    }), { numRuns: 120 });
  });

  test('a running total up to a day covers everything since the beginning exactly once', () => {
    fc.assert(fc.property(day, (to) => {
      assert.deepEqual(coveredDays(upTo(to)), daysOf(EARLIEST, to));
    }), { numRuns: 40 });
  });

  test('the fewest rows: a partial month read as its month row minus the days outside, when those are fewer', () => {
    assert.deepEqual(selectFewestRows(upTo('2026-11-26')), {
      months: { from: null, to: '2026-11-01' }, days: [], minus: [{ from: '2026-11-27', to: '2026-11-30' }],
    });
    assert.deepEqual(selectFewestRows({ from: '2026-01-03', to: '2026-03-10' }), {
      months: { from: '2026-01-01', to: '2026-02-01' }, days: [{ from: '2026-03-01', to: '2026-03-10' }],
      minus: [{ from: '2026-01-01', to: '2026-01-02' }],
    });
    assert.deepEqual(selectFewestRows({ from: '2026-03-02', to: '2026-03-30' }), {
      months: { from: '2026-03-01', to: '2026-03-01' }, days: [], minus: [{ from: '2026-03-01', to: '2026-03-01' }, { from: '2026-03-31', to: '2026-03-31' }],
    });
    assert.deepEqual(selectFewestRows({ from: '2026-01-01', to: '2026-12-31' }), { months: { from: '2026-01-01', to: '2026-12-01' }, days: [], minus: [] });
  });

  test('any span or running total is counted exactly once by the fewest rows, never with more day rows', () => {
    fc.assert(fc.property(day, day, fc.boolean(), (a, b, running) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const span: DaySpan = running ? upTo(to) : { from, to };
      const expected = Object.fromEntries(daysOf(span.from ?? EARLIEST, to).map((x) => [x, 1]));
      assert.deepEqual(signedDays(span), expected);
      const fewest = selectFewestRows(span);
      assert.ok(dayRows([...fewest.days, ...fewest.minus]) <= dayRows(selectRows(span).days));
    }), { numRuns: 200 });
  });
});
