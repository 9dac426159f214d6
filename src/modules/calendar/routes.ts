import { Type } from 'typebox';
import { definePolicy, reachOf } from '../../access/policy.ts';
import { isUnitInReach } from '../../access/reach.ts';
import {
  computeDueDate, formatLocal, isIsoDate, solarToLunar, toDuration, type ScheduleEntry,
} from '../../calendar/index.ts';
import { badRequest, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../../platform/http/context.ts';
import { errors, IsoDate, Nullable, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { getUnit } from '../../units/repository.ts';
import { setNationalRules, setUnitCalendar, setYearSchedule } from './commands.ts';
import { calendarFor, currentRuleSet, ruleSetHistory } from './repository.ts';

export const calendarPolicy = definePolicy({
  national: { roles: ['system_admin'] },
  unit: { roles: ['system_admin', 'unit_admin'] },
});

const publicRate = { max: 300, timeWindow: '1 minute' };
const durationKinds = ['working_days', 'working_hours', 'calendar_days', 'same_day'] as const;
const entryKinds = ['holiday', 'observed', 'swap_day_off', 'makeup_workday', 'holiday_unconfirmed'] as const;

const Entry = Type.Object({
  date: IsoDate,
  kind: StringEnum(entryKinds),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  source: Type.Optional(Type.String({ maxLength: 500 })),
  confidence: Type.Optional(StringEnum(['high', 'medium', 'low', 'estimate'] as const)),
}, { additionalProperties: false });

const ChangeResult = Type.Object({
  ruleVersion: Type.String(),
  recomputed: Type.Record(Type.String(), Type.Object({ touched: Type.Integer(), changed: Type.Integer() })),
});

/** A '+' sent unencoded in a query string arrives as a space: put it back before parsing. */
export function parseInstant(value: string): Date | null {
  const repaired = value.replace(/ (\d{2}:?\d{2})$/, '+$1');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(repaired)) return null;
  const d = new Date(repaired);
  return Number.isFinite(d.getTime()) ? d : null;
}

function completeEntry(e: { date: string; kind: ScheduleEntry['kind']; name: string; nameEn?: string; source?: string; confidence?: ScheduleEntry['confidence'] }): ScheduleEntry {
  return { date: e.date, kind: e.kind, name: e.name, nameEn: e.nameEn ?? e.name, source: e.source ?? 'admin', confidence: e.confidence ?? 'high' };
}

async function resolveUnit(ctx: AppContext, unitId: string | undefined) {
  if (unitId && !(await getUnit(ctx.database.db, unitId))) throw notFound('Unit', 'Đơn vị');
  return calendarFor(ctx.database.db, unitId);
}

export function calendarRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get('/api/v1/calendar/due-date', {
    config: { rateLimit: publicRate },
    schema: {
      tags: ['calendar'],
      summary: 'Due date of a processing time from a receipt instant / Tính ngày hẹn trả',
      querystring: Type.Object({
        start: Type.String({ description: 'RFC 3339 with offset or Z; encode + as %2B', maxLength: 40 }),
        amount: Type.Optional(Type.Number({ minimum: 0, maximum: 3650 })),
        unit: StringEnum(durationKinds),
        unitId: Type.Optional(Uuid),
      }),
      response: { 200: Type.Object({ dueAt: Type.String(), dueDate: Type.String(), ruleVersion: Type.String() }), ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const { start, amount, unit, unitId } = request.query;
    const startAt = parseInstant(start);
    if (!startAt) throw invalidField('start', 'start must be RFC 3339 with an offset, e.g. 2026-01-09T10:00:00%2B07:00', 'start phải theo RFC 3339 kèm múi giờ, ví dụ 2026-01-09T10:00:00%2B07:00');
    if (unit !== 'same_day' && amount === undefined) throw invalidField('amount', 'amount is required for this unit', 'Thiếu số lượng thời gian (amount)');
    let duration;
    try {
      duration = toDuration(unit, amount);
    } catch (err) {
      throw invalidField('amount', (err as Error).message, 'Thời hạn không hợp lệ');
    }
    const { calendar } = await resolveUnit(ctx, unitId);
    const due = computeDueDate(calendar, { start: startAt, duration });
    return { dueAt: formatLocal(due.dueAt), dueDate: due.dueDate, ruleVersion: due.ruleVersion };
  });

  app.get('/api/v1/calendar/rest-days', {
    config: { rateLimit: publicRate },
    schema: {
      tags: ['calendar'],
      summary: 'Rest days and make-up working days of a year / Ngày nghỉ và ngày làm bù trong năm',
      querystring: Type.Object({ year: Type.Integer({ minimum: 1995, maximum: 2150 }), unitId: Type.Optional(Uuid) }),
      response: {
        200: Type.Object({
          year: Type.Integer(),
          ruleVersion: Type.String(),
          basis: Type.String(),
          restDays: Type.Array(Type.Object({ date: Type.String(), kind: Type.String(), name: Type.String(), nameEn: Type.String() })),
          makeupWorkdays: Type.Array(Type.Object({ date: Type.String(), name: Type.String(), nameEn: Type.String() })),
          unconfirmed: Type.Array(Type.Object({ date: Type.String(), name: Type.String() })),
        }),
        ...errors(400, 404, 429),
      },
    },
  }, async (request) => {
    const { calendar } = await resolveUnit(ctx, request.query.unitId);
    const o = calendar.yearOverview(request.query.year);
    return {
      year: o.year, ruleVersion: o.ruleVersion, basis: o.basis,
      restDays: o.restDays.map((d) => ({ date: d.date, kind: d.kind, name: d.name, nameEn: d.nameEn })),
      makeupWorkdays: o.makeupWorkdays.map((d) => ({ date: d.date, name: d.name, nameEn: d.nameEn })),
      unconfirmed: o.unconfirmed.map((e) => ({ date: e.date, name: e.name })),
    };
  });

  app.get('/api/v1/calendar/lunar', {
    config: { rateLimit: publicRate },
    schema: {
      tags: ['calendar'],
      summary: 'Vietnamese lunar date of a solar date / Đổi sang âm lịch',
      querystring: Type.Object({ date: IsoDate }),
      response: { 200: Type.Object({ day: Type.Integer(), month: Type.Integer(), year: Type.Integer(), leap: Type.Boolean() }), ...errors(400, 429) },
    },
  }, async (request) => {
    if (!isIsoDate(request.query.date)) throw invalidField('date', 'date must be a real calendar date', 'Ngày không tồn tại');
    try {
      return solarToLunar(request.query.date);
    } catch (err) {
      throw invalidField('date', (err as Error).message, 'Ngày nằm ngoài phạm vi âm lịch được hỗ trợ (1900–2199)');
    }
  });

  app.get('/api/v1/calendar/rules', {
    schema: {
      tags: ['calendar'],
      summary: 'The calendar rules in force and their history (admins) / Quy tắc lịch làm việc',
      response: {
        200: Type.Object({
          ruleVersion: Type.String(),
          rules: Type.Unknown(),
          history: Type.Array(Type.Object({ id: Type.Integer(), version: Type.String(), note: Nullable(Type.String()), createdAt: Type.String(), createdBy: Nullable(Type.String()) })),
        }),
        ...errors(401, 403),
      },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, calendarPolicy.unit);
    if (reach !== 'all' && !reach.length) throw forbidden();
    const current = await currentRuleSet(db);
    const history = await ruleSetHistory(db);
    return {
      ruleVersion: current.version,
      rules: current.rules,
      history: history.map((h) => ({ id: h.id, version: h.version, note: h.note, createdAt: h.created_at.toISOString(), createdBy: h.created_by_name })),
    };
  });

  app.put('/api/v1/calendar/schedules/:year', {
    schema: {
      tags: ['calendar'],
      summary: 'Set a year’s official day-off schedule (null body schedule removes it) / Cập nhật lịch nghỉ của năm',
      params: Type.Object({ year: Type.Integer({ minimum: 1995, maximum: 2150 }) }),
      body: Type.Object({
        schedule: Nullable(Type.Object({ summary: Type.Optional(Type.String({ maxLength: 1000 })), entries: Type.Array(Entry, { maxItems: 400 }) }, { additionalProperties: false })),
        note: Type.Optional(Type.String({ maxLength: 500 })),
      }, { additionalProperties: false }),
      response: { 200: ChangeResult, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    if (reachOf(caller, calendarPolicy.national) !== 'all') throw forbidden();
    const { schedule, note } = request.body;
    const result = await setYearSchedule(db, auditContext(request), ctx.clock(), request.params.year,
      schedule ? { summary: schedule.summary ?? '', entries: schedule.entries.map(completeEntry) } : null, note ?? null);
    return { ruleVersion: result.ruleSet.version, recomputed: result.recomputed };
  });

  app.put('/api/v1/calendar/units/:unitId', {
    schema: {
      tags: ['calendar'],
      summary: 'Set a unit’s own days off, worked days and office hours / Ngày nghỉ, giờ làm việc riêng của đơn vị',
      params: Type.Object({ unitId: Uuid }),
      body: Type.Object({
        calendar: Nullable(Type.Object({
          name: Type.Optional(Type.String({ maxLength: 200 })),
          entries: Type.Optional(Type.Array(Entry, { maxItems: 400 })),
          officeHours: Type.Optional(Type.Array(Type.Object({
            from: IsoDate,
            to: Type.Optional(IsoDate),
            sessions: Type.Array(Type.Object({ start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) }), { minItems: 1, maxItems: 4 }),
            cutoff: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
          }), { maxItems: 20 })),
        })),
        note: Type.Optional(Type.String({ maxLength: 500 })),
      }, { additionalProperties: false }),
      response: { 200: ChangeResult, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const { unitId } = request.params;
    if (!(await getUnit(db, unitId))) throw notFound('Unit', 'Đơn vị');
    if (!(await isUnitInReach(db, reachOf(caller, calendarPolicy.unit), unitId))) throw forbidden();
    const body = request.body.calendar;
    const unit = body ? { ...body, entries: body.entries?.map(completeEntry) } as Parameters<typeof setUnitCalendar>[4] : null;
    const result = await setUnitCalendar(db, auditContext(request), ctx.clock(), unitId, unit, request.body.note ?? null);
    return { ruleVersion: result.ruleSet.version, recomputed: result.recomputed };
  });

  app.put('/api/v1/calendar/national-rules', {
    schema: {
      tags: ['calendar'],
      summary: 'Replace the statutory holiday rules and office hours (system admins) / Quy tắc ngày lễ và giờ làm việc',
      body: Type.Object({ holidayRules: Type.Array(Type.Unknown(), { maxItems: 100 }), officeHours: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 50 }), note: Type.Optional(Type.String({ maxLength: 500 })) }),
      response: { 200: ChangeResult, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    if (reachOf(caller, calendarPolicy.national) !== 'all') throw forbidden();
    const { holidayRules, officeHours, note } = request.body as never as { holidayRules: never; officeHours: never; note?: string };
    try {
      const result = await setNationalRules(db, auditContext(request), ctx.clock(), { holidayRules, officeHours }, note ?? null);
      return { ruleVersion: result.ruleSet.version, recomputed: result.recomputed };
    } catch (err) {
      if (err instanceof TypeError || err instanceof RangeError) throw badRequest('invalid_calendar', err.message, 'Quy tắc lịch không hợp lệ');
      throw err;
    }
  });
}
