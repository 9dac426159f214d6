// Property test: after any sequence of intakes and actions (through the real commands, with a moving clock),
// (1) the maintained statistics equal a from-scratch recomputation — the sum of contributions() over every dossier —
// and their sum over procedures (dossier_unit_stats, kept by triggers) equals it too, and (2) the reports' figures
// equal a direct count over the dossiers table, for random periods (starting and ending mid-month, or not yet ended)
// and units.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Role } from '../../access/roles.ts';
import { classifyDeadline, localDate } from '../../calendar/index.ts';
import { demoSeeders } from '../../demo/seeders.ts';
import { seedDemo } from '../../demo/seed.ts';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { calendarFor } from '../calendar/repository.ts';
import { actOnDossier, processingMsOf, type Actor, type ActionRequest } from '../dossiers/commands/act.ts';
import { receiveDossier } from '../dossiers/commands/intake.ts';
import { contributions, statColumns } from '../dossiers/domain/stats.ts';
import { statViewOf } from '../dossiers/repository.ts';
import type { DossierRow } from '../dossiers/tables.ts';
import { addDays } from './domain/dates.ts';
import { loadSummary, loadTable06, type ReportScope } from './service.ts';
import { unitLabel } from './repository.ts';

const PROCEDURES = ['1.004859', '2.001035', '1.004222'];
const HOUR = 3_600_000;

interface Step {
  gapHours: number;
  intake: boolean;
  unit: number;
  procedure: number;
  channel: number;
  outcome: number;
  pick: number;
  action: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  gapHours: fc.integer({ min: 0, max: 30 }),
  intake: fc.integer({ min: 0, max: 2 }).map((n) => n === 0),
  unit: fc.integer({ min: 0, max: 3 }),
  procedure: fc.integer({ min: 0, max: 2 }),
  channel: fc.integer({ min: 0, max: 2 }),
  outcome: fc.integer({ min: 0, max: 9 }),
  pick: fc.nat(),
  action: fc.integer({ min: 0, max: 17 }),
});

/** Half the time the natural next action (so dossiers get resolved), else any action, allowed or not. */
const otherActions = ['request_supplement', 'complete_supplement', 'pause_financial', 'resume', 'refuse', 'apologize', 'withdraw', 'stop',
  'forward', 'return_result'] as const;

function nextAction(row: DossierRow): ActionRequest['action'] {
  switch (row.state) {
    case 'supplement_requested': return 'complete_supplement';
    case 'paused_financial': return 'resume';
    case 'result_ready': return 'return_result';
    default: return row.step_key === 'approve' ? 'approve' : row.step_key === 'return_result' ? 'record_result' : 'forward';
  }
}

describe('maintained statistics and report figures under random activity', () => {
  let database: Database;
  const actors = new Map<string, Actor>();
  let units: { bongLai: string; kinhBac: string; province: string };

  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database, { password: 'demo-password-1', now: new Date('2026-01-01T00:00:00Z'), seeders: demoSeeders });
    const db = database.db;
    for (const username of ['bonglai.motcua1', 'bonglai.chuyenvien', 'bonglai.lanhdao', 'kinhbac.motcua']) {
      const user = await db.selectFrom('users').select(['id', 'full_name', 'unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
      const grants = await db.selectFrom('role_grants').select(['role', 'unit_id']).where('user_id', '=', user.id).execute();
      actors.set(username, {
        audit: { actorId: user.id, actorLabel: username, requestId: null, ip: null }, userId: user.id, name: user.full_name, unitId: user.unit_id,
        grants: grants.map((g) => ({ role: g.role as Role, unitId: g.unit_id })),
      });
    }
    const unit = async (code: string) => (await db.selectFrom('units').select('id').where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
    units = { bongLai: await unit('09295'), kinhBac: await unit('09187'), province: await unit('24') };
  });
  after(() => database.close());

  /** Who acts: the desk of the dossier's ward, or the role of its current step (Kinh Bắc only has a desk). */
  function actorFor(row: DossierRow, action: string): Actor {
    if (row.unit_id === units.kinhBac) return actors.get('kinhbac.motcua')!;
    if (action === 'approve' || action === 'apologize' || action === 'stop') return actors.get('bonglai.lanhdao')!;
    if (action === 'forward' || action === 'refuse' || action === 'request_supplement') {
      if (row.step_key === 'appraise') return actors.get('bonglai.chuyenvien')!;
      if (row.step_key === 'approve') return actors.get('bonglai.lanhdao')!;
    }
    return actors.get('bonglai.motcua1')!;
  }

  async function run(steps: Step[], start: Date): Promise<void> {
    const db = database.db;
    let now = start.getTime();
    for (const s of steps) {
      now += s.gapHours * HOUR;
      const at = new Date(now);
      if (s.intake) {
        const kinhBac = s.unit === 3;
        const actor = actors.get(kinhBac ? 'kinhbac.motcua' : 'bonglai.motcua1')!;
        const outcome = s.outcome < 8 ? 'complete' : s.outcome === 8 ? 'incomplete' : 'refused';
        await receiveDossier(db, { audit: actor.audit, name: actor.name, unitId: actor.unitId, reach: 'all' }, {
          unitId: kinhBac ? units.kinhBac : units.bongLai, procedureCode: PROCEDURES[s.procedure],
          channel: (['counter', 'post', 'online'] as const)[s.channel], outcome,
          applicant: { kind: 'person', fullName: 'Người Thử Nghiệm' }, documents: [],
          missing: outcome === 'incomplete' ? [{ document: 'Tờ khai', reason: 'Thiếu chữ ký' }] : undefined,
          reasons: outcome === 'refused' ? ['Không thuộc thẩm quyền'] : undefined,
        }, at, null);
        continue;
      }
      // Mostly the few latest open dossiers of Bồng Lai, so that many go all the way to a result.
      const open = await db.selectFrom('dossiers').selectAll()
        .where('state', 'in', ['received', 'in_progress', 'supplement_requested', 'paused_financial', 'result_ready'])
        .where('unit_id', s.pick % 5 === 0 ? '<>' : '=', units.bongLai)
        .orderBy('created_at', 'desc').orderBy('id').limit(4).execute();
      if (!open.length) continue;
      let row = open[s.pick % open.length];
      // Sometimes several natural steps in a row (the desk, the specialist and the leader on one afternoon).
      for (let i = 0; i < (s.action < 3 ? 4 : 1); i++) {
        const action = s.action < 8 ? nextAction(row) : otherActions[s.action - 8];
        const request: ActionRequest = { action, version: row.version, reason: 'Lý do thử nghiệm', reasons: ['Lý do thử nghiệm'] };
        if (action === 'apologize') request.newAppointmentAt = new Date((row.due_at ?? at).getTime() + 48 * HOUR);
        try {
          row = await actOnDossier(db, actorFor(row, action), row.id, request, at);
        } catch (err) {
          const status = (err as { status?: number }).status;
          if (!status || status < 400 || status >= 500) throw err; // refused actions change nothing; anything else is a bug
          break;
        }
      }
    }
  }

  async function assertAggregatesMatchRecomputation(): Promise<void> {
    const db = database.db;
    const rows = await db.selectFrom('dossiers').selectAll().execute();
    const expected = new Map<string, number>();
    for (const row of rows) {
      const { calendar } = await calendarFor(db, row.unit_id);
      for (const c of contributions(statViewOf(row, processingMsOf(row, calendar)))) {
        for (const key of [`day|${c.day}`, `month|${c.day.slice(0, 7)}-01`]) {
          const k = `${row.unit_id}|${row.procedure_id}|${key}|${c.column}`;
          expected.set(k, (expected.get(k) ?? 0) + c.amount);
        }
      }
    }
    const actual = new Map<string, number>();
    for (const s of await db.selectFrom('dossier_stats').selectAll().execute()) {
      for (const column of statColumns) {
        const v = Number(s[column]);
        if (v !== 0) actual.set(`${s.unit_id}|${s.procedure_id}|${s.period}|${s.period_start}|${column}`, v);
      }
    }
    for (const [k, v] of [...expected]) if (v === 0) expected.delete(k);
    assert.deepEqual(Object.fromEntries([...actual].sort()), Object.fromEntries([...expected].sort()));
    // dossier_unit_stats (kept by triggers) is dossier_stats summed over procedures.
    const perUnit = new Map<string, number>();
    for (const [k, v] of actual) {
      const [unit, , period, start, column] = k.split('|');
      const key = `${unit}|${period}|${start}|${column}`;
      perUnit.set(key, (perUnit.get(key) ?? 0) + v);
    }
    for (const [k, v] of [...perUnit]) if (v === 0) perUnit.delete(k);
    const rolledUp = new Map<string, number>();
    for (const s of await db.selectFrom('dossier_unit_stats').selectAll().execute()) {
      for (const column of statColumns) {
        const v = Number(s[column]);
        if (v !== 0) rolledUp.set(`${s.unit_id}|${s.period}|${s.period_start}|${column}`, v);
      }
    }
    assert.deepEqual(Object.fromEntries([...rolledUp].sort()), Object.fromEntries([...perUnit].sort()), 'dossier_unit_stats');
  }

  /** The report's figures counted straight from the dossiers' own timestamps. */
  async function directCount(unitId: string, from: string, to: string) {
    const db = database.db;
    const rows = await db.selectFrom('dossiers').selectAll()
      .where('unit_id', 'in', db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', unitId)).execute();
    const day = (d: Date | null) => (d ? localDate(d) : null);
    const inRange = (d: string | null) => d !== null && d >= from && d <= to;
    const received = rows.filter((r) => inRange(day(r.received_at)));
    const finished = rows.filter((r) => ['result_ready', 'returned', 'refused'].includes(r.state) && inRange(day(r.finished_at)));
    const kind = (r: DossierRow) => classifyDeadline({ dueAt: r.due_at ?? r.received_at!, finishedAt: r.finished_at! });
    const openAt = (r: DossierRow, d: string) => r.received_at !== null && day(r.received_at)! <= d && (r.closed_at === null || day(r.closed_at)! > d);
    const open = rows.filter((r) => openAt(r, to));
    const overdue = open.filter((r) => day(r.due_at ?? r.received_at)! < to);
    const supplemented = received.filter((r) => r.supplement_rounds > 0);
    const refused = received.filter((r) => r.state === 'refused');
    return {
      received: {
        total: received.length,
        carriedOver: rows.filter((r) => openAt(r, addDays(from, -1))).length,
        online: received.filter((r) => r.channel === 'online').length,
        inPersonOrPost: received.filter((r) => r.channel !== 'online').length,
      },
      resolved: {
        total: finished.length,
        early: finished.filter((r) => kind(r) === 'early').length,
        onTime: finished.filter((r) => kind(r) === 'on_time').length,
        late: finished.filter((r) => kind(r) === 'late').length,
      },
      inProgress: { total: open.length, withinDeadline: open.length - overdue.length, overdue: overdue.length },
      withdrawn: rows.filter((r) => r.state === 'withdrawn' && inRange(day(r.closed_at))).length,
      stopped: rows.filter((r) => r.state === 'stopped' && inRange(day(r.closed_at))).length,
      firstTime: received.filter((r) => r.supplement_rounds === 0 && r.state !== 'refused').length,
      supplemented: supplemented.length,
      refused: refused.length,
      intake: {
        incomplete: rows.filter((r) => r.state === 'intake_incomplete' && inRange(day(r.submitted_at))).length,
        refused: rows.filter((r) => r.state === 'intake_refused' && inRange(day(r.submitted_at))).length,
      },
    };
  }

  test('aggregates equal a recomputation, and reports equal a direct count', async () => {
    let round = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(step, { minLength: 25, maxLength: 40 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 })), { minLength: 2, maxLength: 3 }),
      async (steps, periods) => {
        // Each run starts two months after the previous one, so runs add to one growing history.
        const start = new Date(Date.UTC(2026, 0, 5, 1) + round * 60 * 24 * HOUR);
        round++;
        await run(steps, start);
        await assertAggregatesMatchRecomputation();
        for (const [offset, length, which] of periods) {
          const from = addDays(localDate(start), offset - 5);
          const to = addDays(from, length);
          const unitId = [units.bongLai, units.kinhBac, units.province][which];
          const scope: ReportScope = { unit: (await unitLabel(database.db, unitId))!, range: { from, to }, asOf: to, convention: { kind: 'calendar' }, settings: null };
          const { figures } = await loadSummary(database.db, unitId, scope.range, scope.asOf);
          const count = await directCount(unitId, from, to);
          const label = `${from}..${to} unit ${which}`;
          assert.deepEqual(
            { received: figures.received, resolved: figures.resolved, inProgress: figures.inProgress, withdrawn: figures.withdrawn, stopped: figures.stopped, intake: figures.intake },
            { received: count.received, resolved: count.resolved, inProgress: count.inProgress, withdrawn: count.withdrawn, stopped: count.stopped, intake: count.intake },
            label,
          );
          assert.equal(figures.rates.firstTimeAcceptance.numerator, count.firstTime, label);
          assert.equal(figures.rates.supplement.numerator, count.supplemented, label);
          assert.equal(figures.rates.return.numerator, count.refused, label);
          const table = await loadTable06(database.db, scope, 'procedure');
          assert.deepEqual(table.total.inProgress, count.inProgress, `${label} table total`);
          assert.equal(table.total.received.carriedOver, count.received.carriedOver, `${label} table total`);
          const byUnit = await loadTable06(database.db, scope, 'unit');
          assert.deepEqual(byUnit.total, table.total, `${label} table by unit`);
          // A period that has not ended yet: the flows over the whole period, the overdue dossiers seen on `asOf`.
          const asOf = addDays(from, Math.floor(length / 2));
          const overdueAt = (await directCount(unitId, from, asOf)).inProgress.overdue;
          for (const groupBy of ['unit', 'field'] as const) {
            const early = await loadTable06(database.db, { ...scope, asOf }, groupBy);
            assert.equal(early.total.inProgress.overdue, overdueAt, `${label} as of ${asOf} by ${groupBy}`);
            assert.deepEqual(early.total.received, count.received, `${label} as of ${asOf} by ${groupBy}`);
            assert.deepEqual(early.total.resolved, count.resolved, `${label} as of ${asOf} by ${groupBy}`);
          }
        }
      },
    ), { numRuns: 6, endOnFailure: true });
    const states = await database.db.selectFrom('dossiers').select('state').distinct().execute();
    assert.ok(states.length >= 5, `the runs reached few states: ${states.map((s) => s.state).join(', ')}`);
  });
});
