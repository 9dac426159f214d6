// Intake: dossiers received per second through POST /api/v1/dossiers (validation, session, CSRF, catalogue,
// calendar, code sequence, history, audit, statistics, outbox, idempotency key), and the limit: the same rows
// written by plain SQL (prepared statements, one transaction each) at the same concurrency.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { timelineOf } from '../../src/modules/dossiers/domain/timeline.ts';
import { combineTurns, run, type LoadResult } from './load.ts';
import { percentile } from './results.ts';
import type { Session } from './session.ts';

export const INTAKE_PROCEDURE = '1.004194'; // đăng ký tạm trú: one case, three working days, offered by every commune
export const CONNECTIONS = 10;

function applicant(i: number) {
  return { kind: 'person' as const, fullName: `Nguyễn Văn Bench ${i}`, phone: `09${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}` };
}

/** Seconds of load before each measurement, not counted (JIT, connection pools, prepared statements). */
export const WARM_UP_SECONDS = 2;

/** A desk officer's session and the unit it receives for. */
export interface IntakeOfficer {
  session: Session;
  unitId: string;
}

/** Through the API, round-robin over desk officers of different communes (after a warm-up that is not counted). */
export async function intakeThroughApi(url: string, officers: IntakeOfficer[], seconds: number): Promise<LoadResult> {
  await apiLoad(url, officers, WARM_UP_SECONDS);
  return apiLoad(url, officers, seconds);
}

async function apiLoad(url: string, officers: IntakeOfficer[], seconds: number): Promise<LoadResult> {
  let i = 0;
  return run({
    url, connections: CONNECTIONS, duration: seconds,
    next: () => {
      const o = officers[i % officers.length];
      i++;
      return {
        method: 'POST', path: '/api/v1/dossiers',
        headers: { cookie: o.session.cookie, 'x-csrf-token': o.session.csrfToken, 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          unitId: o.unitId, procedureCode: INTAKE_PROCEDURE, channel: 'counter', applicant: applicant(i),
          documents: [{ name: 'Tờ khai thay đổi thông tin cư trú', copyType: 'original', received: true }, { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', copyType: 'copy', received: true }],
          outcome: 'complete',
        }),
      };
    },
  });
}

interface Template {
  unitId: string;
  agencyCode: string;
  userId: string;
  row: Record<string, unknown>;
}

/** The static parts of an intake at each unit, read from the database like the API would (once, not per request). */
export async function sqlTemplates(pool: pg.Pool, officers: { username: string; unitId: string }[]): Promise<Template[]> {
  const out: Template[] = [];
  for (const o of officers) {
    const { rows } = await pool.query(`
      select u.id as unit_id, u.agency_code, us.id as user_id, d.procedure_id, d.procedure_version_id, d.case_id, d.procedure_code,
        d.procedure_name, d.field, d.workflow_version_id, d.duration_kind, d.duration_amount
      from units u join users us on us.username = $2
      left join lateral (select * from dossiers where unit_id = u.id and procedure_code = $3 and workflow_version_id is not null limit 1) d on true
      where u.id = $1`, [o.unitId, o.username, INTAKE_PROCEDURE]);
    const r = rows[0];
    if (!r?.procedure_id) throw new Error(`no template dossier for ${o.unitId}`);
    out.push({ unitId: r.unit_id, agencyCode: r.agency_code, userId: r.user_id, row: r });
  }
  return out;
}

const localDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** One intake as plain SQL: the rows POST /api/v1/dossiers writes, with prepared statements. */
async function intakeSql(client: pg.PoolClient, t: Template, i: number): Promise<void> {
  const now = new Date();
  const day = localDay(now);
  const due = new Date(now.getTime() + 3 * 86_400_000);
  const dueDay = localDay(due);
  const a = applicant(i);
  await client.query('begin');
  try {
    const seq = await client.query({ name: 'b-seq', text: `insert into dossier_code_counters (unit_id, day, last) values ($1, $2, 1)
      on conflict (unit_id, day) do update set last = dossier_code_counters.last + 1 returning last`, values: [t.unitId, day] });
    const code = `${t.agencyCode}-${day.slice(2).replace(/-/g, '')}-${String(seq.rows[0].last).padStart(4, '0')}`;
    const r = t.row;
    const inserted = await client.query({
      name: 'b-dossier', text: `insert into dossiers (code, lookup_secret, unit_id, procedure_id, procedure_version_id, case_id, procedure_code, procedure_name,
        field, workflow_version_id, duration_kind, duration_amount, channel, state, national_status, step_key, step_role, step_trail, applicant_kind,
        applicant_name, applicant_name_folded, applicant_phone, submitted_at, received_at, clock_start_at, due_at, appointment_at,
        calendar_rule_version, fees, fee_total, payment_gate, received_by, created_at, updated_at, timeline)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'counter', 'received', 2, 'receive', 'desk_officer', '[]', 'person',
        $13, $14, $15, $16, $16, $16, $17, $17, 'bench', '[]', 0, false, $18, $16, $16, $19) returning id`,
      values: [code, 'ABCDEFGHJK', t.unitId, r.procedure_id, r.procedure_version_id, r.case_id, r.procedure_code, r.procedure_name, r.field,
        r.workflow_version_id, r.duration_kind, r.duration_amount, a.fullName, a.fullName.toLowerCase(), a.phone, now, due, t.userId,
        JSON.stringify(timelineOf([{ action: 'intake.complete', at: now }]))], // as intake writes it: the event below adds nothing
    });
    const id = inserted.rows[0].id;
    await client.query({ name: 'b-docs', text: `insert into dossier_documents (dossier_id, position, name, copy_type, count, required, received)
      values ($1, 1, 'Tờ khai thay đổi thông tin cư trú', 'original', 1, true, true), ($1, 2, 'Giấy tờ chứng minh chỗ ở hợp pháp', 'copy', 1, true, true)`, values: [id] });
    await client.query({ name: 'b-event', text: `insert into dossier_events (dossier_id, at, actor_id, actor_name, actor_unit_id, action, from_state, to_state,
      to_step, step_name, step_deadline, due_at, data) values ($1, $2, $3, 'bench', $4, 'intake.complete', null, 'received', 'receive',
      'Tiếp nhận, kiểm tra hồ sơ', $5, $5, '{}')`, values: [id, now, t.userId, t.unitId, due] });
    await client.query({ name: 'b-audit', text: `insert into audit_log (actor_id, actor_label, action, subject_type, subject_id, unit_id, after, request_id, ip)
      values ($1, 'bench', 'dossier.intake.complete', 'dossier', $2, $3, $4, $5, '127.0.0.1')`,
    values: [t.userId, id, t.unitId, JSON.stringify({ code, state: 'received', procedure: r.procedure_code, channel: 'counter' }), randomUUID()] });
    // The day and month rows of the receipt (received_counter) and of the due day (due), as applyStatDeltas writes them.
    const stats = new Map<string, [string, string, number, number]>();
    for (const [period, start, received, dueCount] of [['day', day, 1, 0], ['month', `${day.slice(0, 7)}-01`, 1, 0], ['day', dueDay, 0, 1], ['month', `${dueDay.slice(0, 7)}-01`, 0, 1]] as const) {
      const prior = stats.get(`${period}${start}`);
      stats.set(`${period}${start}`, [period, start, (prior?.[2] ?? 0) + received, (prior?.[3] ?? 0) + dueCount]);
    }
    const rows = [...stats.values()];
    await client.query({
      name: `b-stats${rows.length}`,
      text: `insert into dossier_stats (unit_id, procedure_id, period, period_start, received_counter, due) values
        ${rows.map((_, k) => `($1, $2, $${3 + 4 * k}, $${4 + 4 * k}::date, $${5 + 4 * k}::int, $${6 + 4 * k}::int)`).join(', ')}
        on conflict (unit_id, procedure_id, period, period_start) do update set received_counter = dossier_stats.received_counter + excluded.received_counter,
          due = dossier_stats.due + excluded.due`,
      values: [t.unitId, r.procedure_id, ...rows.flat()],
    });
    const message = { to: a.phone, locale: 'vi', channel: 'sms', template: 'dossier.received',
      params: { code, dueAt: due.toISOString(), secret: 'ABCDEFGHJK', unitName: 'bench', procedure: r.procedure_name, applicantName: a.fullName } };
    // Due in a day, so that the application's outbox worker (running beside the turns) does not send them.
    await client.query({ name: 'b-outbox', text: `insert into outbox (topic, payload, unit_id, dedupe_key, available_at) values ('notify', $1, $2, $3, now() + interval '1 day')
      on conflict (dedupe_key) do nothing`, values: [JSON.stringify(message), t.unitId, `dossier:${id}:received:sms`] });
    await client.query({ name: 'b-idem', text: `insert into dossier_idempotency (scope, key, request_hash, dossier_id) values ($1, $2, $3, $4)`,
      values: [t.userId, randomUUID(), 'bench', id] });
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
}

/**
 * The limit: the same rows by plain SQL, `CONNECTIONS` transactions at a time, for `seconds`, after the same
 * warm-up as the API gets.
 */
export async function intakeBySql(pool: pg.Pool, templates: Template[], seconds: number): Promise<LoadResult> {
  await sqlLoad(pool, templates, WARM_UP_SECONDS);
  const result = await sqlLoad(pool, templates, seconds);
  await markSqlNotificationsProcessed(pool);
  return result;
}

/**
 * The plain SQL intake's notifications are rows written, not messages to send: they are marked processed, so that
 * the application does not spend its own measurements sending them.
 */
async function markSqlNotificationsProcessed(pool: pg.Pool): Promise<void> {
  await pool.query(`update outbox set delivered_at = now(), outcome = 'not_sent', delivery_note = 'bench: written by the plain SQL intake'
    where delivered_at is null and dead_at is null and available_at > now() + interval '1 hour'`);
}

/**
 * Both intakes measured in turns (plain SQL, API, plain SQL, API…), each warmed up once, `seconds / rounds` a turn:
 * the same API load measured 144 and 208/s minutes apart here, so a limit measured at another time would make the
 * ratio a draw. Per side: dossiers per second over all its turns, the median p50, the highest p99.
 */
export async function intakeInTurns(
  pool: pg.Pool, templates: Template[], url: string, officers: IntakeOfficer[], seconds: number, rounds = 3,
): Promise<{ api: LoadResult; sql: LoadResult }> {
  await sqlLoad(pool, templates, WARM_UP_SECONDS);
  await apiLoad(url, officers, WARM_UP_SECONDS);
  const each = Math.max(1, Math.round(seconds / rounds));
  const sql: LoadResult[] = [];
  const api: LoadResult[] = [];
  for (let r = 0; r < rounds; r++) {
    sql.push(await sqlLoad(pool, templates, each));
    await markSqlNotificationsProcessed(pool);
    api.push(await apiLoad(url, officers, each));
  }
  return { api: combineTurns(api), sql: combineTurns(sql) };
}

async function sqlLoad(pool: pg.Pool, templates: Template[], seconds: number): Promise<LoadResult> {
  const end = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let i = 0;
  let errors = 0;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < end) {
        const t0 = performance.now();
        const n = i++;
        try {
          await intakeSql(client, templates[n % templates.length], n);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    } finally {
      client.release();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { rps: latencies.length / elapsed, ok: latencies.length, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds: elapsed };
}
