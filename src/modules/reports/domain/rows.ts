// Which rows of dossier_stats add up to a span of days. The table keeps a row per day and a row per month for
// each unit and procedure: whole months are read from month rows and only the partial months at the edges from
// day rows, so a year for a province reads a dozen rows per unit and procedure instead of 365.
import { addDays, addMonths, daysBetween, monthEnd, monthStart } from './dates.ts';

export interface DaySpan {
  /** Inclusive; null = since the beginning of the records. */
  from: string | null;
  /** Inclusive. */
  to: string;
}

export interface RowSelection {
  /** Month rows with period_start in [from, to] (from null = no lower bound), or null for none. */
  months: { from: string | null; to: string } | null;
  /** Day rows with period_start in each inclusive range. */
  days: { from: string; to: string }[];
}

/** The month rows and day rows whose sum is exactly the sum over the days of `span`. Empty when from > to. */
export function selectRows(span: DaySpan): RowSelection {
  const { from, to } = span;
  if (from !== null && from > to) return { months: null, days: [] };
  const lastMonth = to === monthEnd(to) ? monthStart(to) : addMonths(to, -1);
  const days: { from: string; to: string }[] = [];
  let firstMonth: string | null = null;
  if (from !== null) {
    if (monthStart(from) === monthStart(to) && !(from === monthStart(from) && to === monthEnd(to))) {
      return { months: null, days: [{ from, to }] };
    }
    firstMonth = from === monthStart(from) ? from : addMonths(from, 1);
    if (from !== monthStart(from)) days.push({ from, to: monthEnd(from) });
  }
  if (to !== monthEnd(to)) days.push({ from: monthStart(to), to });
  const months = firstMonth === null || firstMonth <= lastMonth ? { from: firstMonth, to: lastMonth } : null;
  return { months, days };
}

export interface SignedSelection extends RowSelection {
  /** Day rows to subtract: the days outside the span of a partial month whose month row is selected. */
  minus: { from: string; to: string }[];
}

const length = (r: { from: string; to: string }) => daysBetween(r.from, r.to) + 1;

/**
 * Rows whose signed sum is exactly the sum over the days of `span`, reading as few day rows as selectRows or fewer:
 * a partial month at an edge is read as its day rows, or as its month row minus the day rows of the days outside
 * the span when those are fewer (a year to 26 November reads November's month row minus four days).
 */
export function selectFewestRows(span: DaySpan): SignedSelection {
  const sel = selectRows(span);
  let months = sel.months;
  const days: { from: string; to: string }[] = [];
  const minus: { from: string; to: string }[] = [];
  for (const d of sel.days) {
    const month = monthStart(d.from);
    const outside = [{ from: month, to: addDays(d.from, -1) }, { from: addDays(d.to, 1), to: monthEnd(d.from) }].filter((r) => r.from <= r.to);
    if (outside.reduce((n, r) => n + length(r), 0) < length(d)) {
      // The month is next to the selected months (or the only one), so they stay one range.
      months = months
        ? { from: months.from === null || months.from <= month ? months.from : month, to: months.to >= month ? months.to : month }
        : { from: month, to: month };
      minus.push(...outside);
    } else {
      days.push(d);
    }
  }
  return { months, days, minus };
}

/** Everything up to and including `day`. */
export function upTo(day: string): DaySpan {
  return { from: null, to: day };
}

/** Everything before `day`. */
export function before(day: string): DaySpan {
  return { from: null, to: addDays(day, -1) };
}
