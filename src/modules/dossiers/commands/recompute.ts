import type { Transaction } from 'kysely';
import { recomputeDueDates, workingTimeBetween, getCalendar, type Duration, type OpenItem } from '../../../calendar/index.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import type { RuleSet } from '../../calendar/repository.ts';
import { unitChain } from '../../calendar/repository.ts';
import { openStates } from '../domain/states.ts';
import { statDeltas } from '../domain/stats.ts';
import { applyStatDeltas, insertEvent, statViewOf, timelineAppend } from '../repository.ts';
import type { DossierRow } from '../tables.ts';

// When the calendar changes (a year's schedule, a new holiday, a unit's own day), open dossiers whose due dates the
// change touches are recomputed in the same transaction; the others keep their due dates untouched.

function durationOf(row: Pick<DossierRow, 'duration_kind' | 'duration_amount'>): Duration {
  return row.duration_kind === 'same_day' ? { kind: 'same_day' } : { kind: row.duration_kind as 'working_days', amount: Number(row.duration_amount) };
}

export async function recomputeOpenDossiers(trx: Transaction<Schema>, from: RuleSet, to: RuleSet, now: Date): Promise<{ touched: number; changed: number }> {
  const rows = await trx.selectFrom('dossiers').selectAll()
    .where('state', 'in', [...openStates]).where('due_at', 'is not', null).where('clock_start_at', 'is not', null)
    .where('duration_amount', 'is not', null).forUpdate().execute();
  if (!rows.length) return { touched: 0, changed: 0 };
  const pauses = await trx.selectFrom('dossier_pauses').select(['dossier_id', 'started_at', 'ended_at'])
    .where('dossier_id', 'in', rows.map((r) => r.id)).where('ended_at', 'is not', null).execute();
  const pausesOf = new Map<string, { from: Date; to: Date }[]>();
  for (const p of pauses) pausesOf.set(p.dossier_id, [...(pausesOf.get(p.dossier_id) ?? []), { from: p.started_at, to: p.ended_at! }]);
  const chains = new Map<string, string[]>();
  const withOwnDays = (ids: string[]) => ids.filter((id) => from.rules.units?.[id] || to.rules.units?.[id]);
  for (const unitId of new Set(rows.map((r) => r.unit_id))) chains.set(unitId, withOwnDays(await unitChain(trx, unitId)));
  const items: OpenItem[] = rows.map((r) => ({
    id: r.id, start: r.clock_start_at!, duration: durationOf(r), pauses: pausesOf.get(r.id), dueAt: r.due_at!, unitIds: chains.get(r.unit_id),
  }));
  const result = recomputeDueDates(from.rules, to.rules, items);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const change of result.changed) {
    const row = byId.get(change.id)!;
    const movesAppointment = row.appointment_at?.getTime() === row.due_at?.getTime();
    const updated = await trx.updateTable('dossiers').set({
      due_at: change.newDueAt, appointment_at: movesAppointment ? change.newDueAt : row.appointment_at,
      calendar_rule_version: to.version, version: row.version + 1, updated_at: now, ...timelineAppend({ action: 'recompute_due', at: now }),
    }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await insertEvent(trx, {
      dossierId: row.id, at: now, actor: { id: null, name: 'Hệ thống (lịch làm việc thay đổi)', unitId: null }, action: 'recompute_due',
      fromState: row.state, toState: row.state, fromStep: row.step_key, toStep: row.step_key, stepName: null, stepDeadline: null,
      dueAt: change.newDueAt, data: { oldDueAt: change.oldDueAt, newDueAt: change.newDueAt, fromVersion: from.version, toVersion: to.version },
    });
    const calendar = getCalendar(to.rules, chains.get(row.unit_id));
    const ms = (r: DossierRow) => (r.finished_at && r.clock_start_at ? Math.max(0, workingTimeBetween(calendar, r.clock_start_at, r.finished_at)) : null);
    await applyStatDeltas(trx, statDeltas(statViewOf(row, ms(row)), statViewOf(updated, ms(updated))));
  }
  return { touched: result.touched, changed: result.changed.length };
}
