// Province-year table 06 (Biểu 06) through the API, which sums the maintained statistics, against the limit it
// replaces: the same figures by one plain GROUP BY over the province's dossiers. The totals must agree.
import type pg from 'pg';
import type { Table06Figures } from '../../src/modules/reports/domain/indicators.ts';
import { median, percentile } from './results.ts';
import type { Session } from './session.ts';

/** The figures of table 06, as the API answers them. */
export type Table06Total = Table06Figures;

export interface TimedReport {
  p50: number;
  p99: number;
  total: Table06Total;
  rows: number;
}

/**
 * Requests before the measured ones, not counted: the server has just started (JIT, caches, connections). In scratch
 * runs the first hundred requests were still 10-25% slower than the next (p50 13.6 ms, then 10.6-12.3 ms).
 */
const WARM_UP_RUNS = 100;

export async function table06ThroughApi(url: string, session: Session, provinceId: string, year: string, runs: number): Promise<TimedReport> {
  const path = `/api/v1/reports/procedure-handling?unitId=${provinceId}&period=${year}&groupBy=unit`;
  const times: number[] = [];
  let body: { total: Table06Total; rows: unknown[] } | null = null;
  for (let i = 0; i < runs + WARM_UP_RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie: session.cookie } });
    if (!res.ok) throw new Error(`table 06: ${res.status} ${await res.text()}`);
    body = await res.json() as typeof body;
    if (i >= WARM_UP_RUNS) times.push(performance.now() - t0);
  }
  return { p50: median(times), p99: percentile(times, 99), total: body!.total, rows: body!.rows.length };
}

const local = (column: string) => `((${column} at time zone 'UTC') + interval '7 hours')::date`;

/** The limit: table 06's figures by a plain scan of the province's dossiers (no maintained aggregates). */
export const plainTable06Sql = `
  with d as (
    select d.unit_id, d.channel, d.state, d.closed_at is not null as closed,
      ${local('d.received_at')} as rd, ${local('d.finished_at')} as fd, ${local('d.closed_at')} as cd,
      ${local('coalesce(d.due_at, d.received_at)')} as dd
    from dossiers d
    where d.received_at is not null and d.unit_id in (select descendant_id from unit_closure where ancestor_id = $1)
  )
  select unit_id,
    count(*) filter (where rd between $2 and $3 and channel = 'online')::int as online,
    count(*) filter (where rd between $2 and $3 and channel <> 'online')::int as in_person,
    (count(*) filter (where rd < $2) - count(*) filter (where state in ('result_ready', 'returned', 'refused') and fd < $2)
      - count(*) filter (where state in ('withdrawn', 'stopped') and cd < $2))::int as carried_over,
    count(*) filter (where state in ('result_ready', 'returned', 'refused') and fd between $2 and $3 and fd < dd)::int as early,
    count(*) filter (where state in ('result_ready', 'returned', 'refused') and fd between $2 and $3 and fd = dd)::int as on_time,
    count(*) filter (where state in ('result_ready', 'returned', 'refused') and fd between $2 and $3 and fd > dd)::int as late,
    count(*) filter (where state = 'withdrawn' and cd between $2 and $3)::int as withdrawn,
    count(*) filter (where state = 'stopped' and cd between $2 and $3)::int as stopped,
    count(*) filter (where dd < $4 and not (closed and cd <= $4))::int as overdue
  from d group by unit_id`;

export async function table06ByScan(pool: pg.Pool, provinceId: string, from: string, to: string, asOf: string, runs: number): Promise<{ p50: number; total: Table06Total }> {
  const times: number[] = [];
  let rows: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = (await pool.query(plainTable06Sql, [provinceId, from, to, asOf])).rows;
    times.push(performance.now() - t0);
  }
  const sum = (k: string) => rows.reduce((s, r) => s + Number(r[k]), 0);
  const received = sum('online') + sum('in_person');
  const resolved = sum('early') + sum('on_time') + sum('late');
  const inProgress = sum('carried_over') + received - resolved - sum('withdrawn') - sum('stopped');
  return {
    p50: median(times),
    total: {
      received: { total: received, carriedOver: sum('carried_over'), online: sum('online'), inPersonOrPost: sum('in_person') },
      resolved: { total: resolved, early: sum('early'), onTime: sum('on_time'), late: sum('late') },
      inProgress: { total: inProgress, withinDeadline: inProgress - sum('overdue'), overdue: sum('overdue') },
      withdrawn: sum('withdrawn'), stopped: sum('stopped'),
    },
  };
}

/** Paths whose numbers differ between the two totals (empty when they agree). */
export function differences(a: Table06Total, b: Table06Total): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (typeof x === 'number') {
      if (x !== y) out.push(`${path}: ${x} ≠ ${y}`);
      return;
    }
    for (const k of Object.keys(x as object)) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
  };
  walk(a, b, '');
  return out;
}
