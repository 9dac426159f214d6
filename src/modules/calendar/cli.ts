import { computeDueDate, formatLocal, toDuration, type WorkingCalendar } from '../../calendar/index.ts';
import type { Config } from '../../config.ts';
import { parseOptions, requireOption, UsageError, type CliCommand } from '../../cli/commands.ts';
import { openDatabase } from '../../platform/db/engine.ts';
import { DataDirLockedError } from '../../platform/db/lock.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { parseInstant } from './routes.ts';
import { calendarFor } from './repository.ts';

// The calendar commands print the same JSON as the public API. With the embedded database held by a running
// server they ask that server instead of opening its folder.

async function viaDatabase<T>(config: Config, fn: (calendar: WorkingCalendar) => T): Promise<T | { viaServer: true }> {
  let database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) return { viaServer: true };
    throw err;
  }
  try {
    await migrate(database);
    const { calendar } = await calendarFor(database.db);
    return fn(calendar);
  } finally {
    await database.close();
  }
}

async function fromServer(config: Config, path: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${config.port}${path}`);
  const body = await res.json();
  if (!res.ok) throw new UsageError((body as { error: { message: string } }).error.message);
  return body;
}

export const calendarCommands: CliCommand[] = [
  {
    words: ['calendar', 'due'],
    usage: 'gandan calendar due --start 2026-01-09T10:00:00+07:00 --amount 1 --kind working_days',
    description: 'Compute a due date / Tính ngày hẹn trả',
    async run(args, config) {
      const { options } = parseOptions(args);
      const startText = requireOption(options, 'start');
      const kind = requireOption(options, 'kind');
      const amount = typeof options.amount === 'string' ? Number(options.amount) : undefined;
      const start = parseInstant(startText);
      if (!start) throw new UsageError('--start must be RFC 3339 with an offset / --start phải theo RFC 3339 kèm múi giờ');
      let duration;
      try {
        duration = toDuration(kind, amount);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const result = await viaDatabase(config, (calendar) => {
        const due = computeDueDate(calendar, { start, duration });
        return { dueAt: formatLocal(due.dueAt), dueDate: due.dueDate, ruleVersion: due.ruleVersion };
      });
      const out = 'viaServer' in result
        ? await fromServer(config, `/api/v1/calendar/due-date?start=${encodeURIComponent(startText)}&unit=${kind}${amount !== undefined ? `&amount=${amount}` : ''}`)
        : result;
      console.log(JSON.stringify(out));
      return 0;
    },
  },
  {
    words: ['calendar', 'rest-days'],
    usage: 'gandan calendar rest-days 2026',
    description: 'List a year’s rest days and make-up working days / Liệt kê ngày nghỉ của năm',
    async run(args, config) {
      const year = Number(parseOptions(args).positional[0]);
      if (!Number.isInteger(year) || year < 1995 || year > 2150) throw new UsageError('give a year from 1995 to 2150 / hãy nhập năm từ 1995 đến 2150');
      const result = await viaDatabase(config, (calendar) => {
        const o = calendar.yearOverview(year);
        return {
          year, ruleVersion: o.ruleVersion, basis: o.basis,
          restDays: o.restDays.map((d) => ({ date: d.date, kind: d.kind, name: d.name, nameEn: d.nameEn })),
          makeupWorkdays: o.makeupWorkdays.map((d) => ({ date: d.date, name: d.name, nameEn: d.nameEn })),
          unconfirmed: o.unconfirmed.map((e) => ({ date: e.date, name: e.name })),
        };
      });
      console.log(JSON.stringify('viaServer' in result ? await fromServer(config, `/api/v1/calendar/rest-days?year=${year}`) : result));
      return 0;
    },
  },
];
