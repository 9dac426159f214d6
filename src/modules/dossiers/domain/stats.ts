import { classifyDeadline, localDate } from '../../../calendar/index.ts';
import type { DossierState } from './states.ts';

// What one dossier contributes to the maintained statistics (table dossier_stats). A change to a dossier
// applies contributions(after) − contributions(before), so the aggregates always equal the sum over all
// dossiers of contributions(dossier): the property the reports' tests check.

export const statColumns = [
  'received_counter', 'received_post', 'received_online', 'received_supplemented', 'received_refused',
  'intake_incomplete', 'intake_refused', 'resolved_early', 'resolved_on_time', 'resolved_late', 'resolved_refused',
  'withdrawn', 'stopped', 'due', 'closed_due', 'processing_ms',
] as const;
export type StatColumn = (typeof statColumns)[number];

export interface StatView {
  unitId: string;
  procedureId: string;
  channel: 'counter' | 'post' | 'online';
  state: DossierState;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  closedAt: Date | null;
  /** At least one supplement round during processing. */
  supplemented: boolean;
  /** Working ms from the clock start to finishing (for the average processing time). */
  processingMs: number | null;
}

export interface StatContribution {
  day: string;
  column: StatColumn;
  amount: number;
}

export interface StatDelta extends StatContribution {
  unitId: string;
  procedureId: string;
}

const DAY_MS = 86_400_000;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function contributions(v: StatView): StatContribution[] {
  const out: StatContribution[] = [];
  const add = (at: Date | string, column: StatColumn, amount = 1) =>
    out.push({ day: typeof at === 'string' ? at : localDate(at), column, amount });
  if (v.state === 'intake_incomplete') add(v.submittedAt, 'intake_incomplete');
  if (v.state === 'intake_refused') add(v.submittedAt, 'intake_refused');
  if (!v.receivedAt) return out;

  add(v.receivedAt, v.channel === 'online' ? 'received_online' : v.channel === 'post' ? 'received_post' : 'received_counter');
  if (v.supplemented) add(v.receivedAt, 'received_supplemented');
  if (v.state === 'refused') add(v.receivedAt, 'received_refused');
  const dueDay = v.dueAt ? localDate(v.dueAt) : localDate(v.receivedAt);
  add(dueDay, 'due');
  if (v.finishedAt && (v.state === 'result_ready' || v.state === 'returned' || v.state === 'refused')) {
    const kind = classifyDeadline({ dueAt: v.dueAt ?? v.receivedAt, finishedAt: v.finishedAt });
    add(v.finishedAt, kind === 'early' ? 'resolved_early' : kind === 'on_time' ? 'resolved_on_time' : 'resolved_late');
    if (v.state === 'refused') add(v.finishedAt, 'resolved_refused');
    if (v.processingMs !== null) add(v.finishedAt, 'processing_ms', Math.round(v.processingMs));
  }
  if (v.state === 'withdrawn' && v.closedAt) add(v.closedAt, 'withdrawn');
  if (v.state === 'stopped' && v.closedAt) add(v.closedAt, 'stopped');
  if (v.closedAt) {
    const closedDay = localDate(v.closedAt);
    const afterDue = nextDay(dueDay);
    add(closedDay > afterDue ? closedDay : afterDue, 'closed_due');
  }
  return out;
}

/** contributions(after) − contributions(before), netted per (unit, procedure, day, column), zeros dropped. */
export function statDeltas(before: StatView | null, after: StatView | null): StatDelta[] {
  const net = new Map<string, StatDelta>();
  const apply = (v: StatView | null, sign: 1 | -1) => {
    if (!v) return;
    for (const c of contributions(v)) {
      const key = `${v.unitId}|${v.procedureId}|${c.day}|${c.column}`;
      const entry = net.get(key) ?? { unitId: v.unitId, procedureId: v.procedureId, day: c.day, column: c.column, amount: 0 };
      entry.amount += sign * c.amount;
      net.set(key, entry);
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...net.values()].filter((d) => d.amount !== 0);
}
