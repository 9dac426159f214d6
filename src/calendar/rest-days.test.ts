import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dayNumber, isoDate, weekday } from './dates.ts';
import { DEFAULT_CALENDAR_RULES } from './data/default-rules.ts';
import { occurrencesInYear } from './rules.ts';
import { getCalendar } from './working-calendar.ts';
import { ruleVersion, validateRules } from './rules.ts';
import type { CalendarRules, HolidayRule } from './types.ts';

interface SharedYear {
  entries: Array<{ date: string; type: string; name: string }>;
  weekdaysOff: string[];
  makeupWorkdays: string[];
}
// Read-only reference data beside the repository (never written by tests).
const shared = JSON.parse(
  readFileSync(new URL('../../../shared/data/holidays/vn-days-off-2020-2027.json', import.meta.url), 'utf8'),
) as { years: Record<string, SharedYear> };

const cal = getCalendar(DEFAULT_CALENDAR_RULES);
const copy = (): CalendarRules => structuredClone(DEFAULT_CALENDAR_RULES);
const datesOfYear = (year: number) => {
  const out: string[] = [];
  for (let d = dayNumber(`${year}-01-01`); d <= dayNumber(`${year}-12-31`); d++) out.push(isoDate(d));
  return out;
};

describe('official schedules: every day off and make-up Saturday of 2025 and 2026', () => {
  for (const year of ['2025', '2026']) {
    const data = shared.years[year];
    for (const date of data.weekdaysOff) {
      const entry = data.entries.find((e) => e.date === date);
      test(`${date} (${entry?.name}) is a rest day of kind ${entry?.type}`, () => {
        assert.equal(cal.isWorkingDay(date), false);
        assert.equal(cal.dayInfo(date).kind, entry?.type);
      });
    }
    for (const date of data.makeupWorkdays) {
      test(`${date} is a make-up working Saturday`, () => {
        assert.equal(weekday(dayNumber(date)), 6);
        assert.equal(cal.isWorkingDay(date), true);
        assert.equal(cal.dayInfo(date).kind, 'makeup_workday');
      });
    }
  }
});

describe('official schedules 2020–2026 match the reference data day by day', () => {
  for (const year of [2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
    test(`${year}: rest days = weekends − make-up days + listed weekdays off`, () => {
      const data = shared.years[String(year)];
      const off = new Set(data.weekdaysOff);
      const makeup = new Set(data.makeupWorkdays);
      for (const date of datesOfYear(year)) {
        const weekend = [0, 6].includes(weekday(dayNumber(date)));
        const expectedRest = off.has(date) || (weekend && !makeup.has(date));
        assert.equal(cal.isWorkingDay(date), !expectedRest, date);
      }
      assert.equal(cal.yearOverview(year).basis, 'official_schedule');
    });
  }

  test('the whole official breaks are rest days: Tết 2025 25/1–2/2, Tết 2026 14–22/2, 30/4–4/5/2025', () => {
    for (const [from, to] of [['2025-01-25', '2025-02-02'], ['2026-02-14', '2026-02-22'], ['2025-04-30', '2025-05-04']]) {
      for (let d = dayNumber(from); d <= dayNumber(to); d++) assert.equal(cal.isWorkingDayNumber(d), false, isoDate(d));
      assert.equal(cal.isWorkingDayNumber(dayNumber(from) - 1), true, `day before ${from}`);
      assert.equal(cal.isWorkingDayNumber(dayNumber(to) + 1), true, `day after ${to}`);
    }
  });

  test('24/11/2026 (unconfirmed) is a working day, listed apart', () => {
    assert.equal(cal.isWorkingDay('2026-11-24'), true);
    const overview = cal.yearOverview(2026);
    assert.deepEqual(overview.unconfirmed.map((e) => e.date), ['2026-11-24']);
    assert.ok(!overview.restDays.some((d) => d.date === '2026-11-24'));
  });

  test('the year overview lists each rest date once, weekends named, and make-up days apart', () => {
    const overview = cal.yearOverview(2026);
    const dates = overview.restDays.map((d) => d.date);
    assert.equal(new Set(dates).size, dates.length);
    assert.deepEqual(overview.makeupWorkdays.map((d) => d.date), ['2026-01-10', '2026-08-22']);
    assert.deepEqual(
      overview.restDays.find((d) => d.date === '2026-01-03'),
      { date: '2026-01-03', working: false, kind: 'weekend', name: 'Thứ Bảy', nameEn: 'Saturday' },
    );
    const tet = overview.restDays.find((d) => d.date === '2026-02-17');
    assert.equal(tet?.name, 'Tết Nguyên Đán (mùng 1)');
    assert.equal(tet?.confidence, 'high');
    assert.equal(overview.restDays.find((d) => d.date === '2026-08-31')?.confidence, 'medium');
    // 104 weekend days − 2 make-up Saturdays + 13 weekdays off.
    assert.equal(overview.restDays.length, 104 - 2 + 13);
  });
});

describe('holiday rules (years without an official schedule)', () => {
  test('2027 comes from the rules, not from the reference estimate', () => {
    const overview = cal.yearOverview(2027);
    assert.equal(overview.basis, 'rules');
    const special = overview.restDays.filter((d) => d.kind !== 'weekend').map((d) => `${d.date} ${d.kind}`);
    assert.deepEqual(special, [
      '2027-01-01 holiday',
      '2027-02-05 holiday', '2027-02-06 holiday', '2027-02-07 holiday', '2027-02-08 holiday', '2027-02-09 holiday',
      '2027-02-10 observed', '2027-02-11 observed', // Tết's Saturday and Sunday, compensated after the block
      '2027-04-16 holiday', '2027-04-30 holiday', '2027-05-01 holiday', '2027-05-03 observed',
      '2027-09-02 holiday', '2027-09-03 holiday',
    ]);
    assert.ok(overview.restDays.filter((d) => d.kind !== 'weekend').every((d) => d.confidence === 'estimate'));
  });

  test('without the schedules, the rules reproduce 2022 exactly and 2026 except its two swaps', () => {
    const rulesOnly = getCalendar({ ...copy(), schedules: [] });
    for (const date of datesOfYear(2022)) assert.equal(rulesOnly.isWorkingDay(date), cal.isWorkingDay(date), date);
    const differing = datesOfYear(2026).filter((d) => rulesOnly.isWorkingDay(d) !== cal.isWorkingDay(d));
    assert.deepEqual(differing, ['2026-01-02', '2026-01-10', '2026-08-22', '2026-08-31']);
  });

  test('the adjacent National Day rule picks the official day in 2021–2026', () => {
    const rule = DEFAULT_CALENDAR_RULES.holidayRules.find((r) => r.id === 'national-day-adjacent')!;
    const expected: Record<number, string> = {
      2021: '2021-09-03', 2022: '2022-09-01', 2023: '2023-09-01', 2024: '2024-09-03', 2025: '2025-09-01', 2026: '2026-09-01',
    };
    for (const [year, date] of Object.entries(expected)) {
      assert.deepEqual(occurrencesInYear(rule, Number(year), [0, 6]).map((o) => isoDate(o.day)), [date]);
    }
    assert.deepEqual(occurrencesInYear(rule, 2020, [0, 6]), [], 'only 2/9 before 2021');
  });

  test('Tết rule spans the last day of the lunar year and mùng 1–4', () => {
    const tet = DEFAULT_CALENDAR_RULES.holidayRules.find((r) => r.id === 'tet')!;
    assert.deepEqual(occurrencesInYear(tet, 2030, [0, 6]).map((o) => isoDate(o.day)), [
      '2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05',
    ]);
  });
});

describe('administrators change rules without code changes', () => {
  const cultureDay: HolidayRule = {
    id: 'culture-day', kind: 'solar', month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', nameEn: 'Vietnam Culture Day',
    from: '2027-01-01', source: 'test',
  };

  test('a new yearly holiday applies to years without a schedule', () => {
    const rules = copy();
    rules.holidayRules.push(cultureDay);
    const next = getCalendar(rules);
    assert.equal(next.isWorkingDay('2027-11-24'), false);
    assert.equal(next.isWorkingDay('2026-11-24'), true, '2026 keeps its published schedule');
    assert.equal(cal.isWorkingDay('2027-11-24'), true, 'the original rules are untouched');
    assert.notEqual(ruleVersion(rules), ruleVersion(DEFAULT_CALENDAR_RULES));
  });

  test('confirming the unconfirmed 24/11/2026 makes it a rest day', () => {
    const rules = copy();
    const entry = rules.schedules.find((s) => s.year === 2026)!.entries.find((e) => e.date === '2026-11-24')!;
    entry.kind = 'holiday';
    assert.equal(getCalendar(rules).isWorkingDay('2026-11-24'), false);
  });

  test("a province's own day applies to the province and its communes only", () => {
    const rules = copy();
    rules.units = {
      'province-x': {
        name: 'Tỉnh X',
        holidayRules: [{ ...cultureDay, id: 'liberation', month: 10, day: 10, from: '2020-01-01', name: 'Ngày giải phóng tỉnh X', nameEn: 'Province X liberation day' }],
        entries: [{ date: '2025-06-07', kind: 'makeup_workday', name: 'Làm bù', nameEn: 'Make-up day', source: 'test', confidence: 'high' }],
      },
    };
    const province = getCalendar(rules, ['province-x']);
    const commune = getCalendar(rules, ['province-x', 'commune-y']);
    assert.equal(province, commune, 'a commune without data shares its province calendar');
    assert.equal(province.isWorkingDay('2025-10-10'), false);
    assert.equal(province.dayInfo('2025-10-10').name, 'Ngày giải phóng tỉnh X');
    assert.equal(province.isWorkingDay('2026-10-12'), false, '10/10/2026 is a Saturday: compensated on Monday');
    assert.equal(province.isWorkingDay('2025-06-07'), true);
    assert.equal(getCalendar(rules).isWorkingDay('2025-10-10'), true, 'the national calendar is unchanged');
  });

  test('rule versions identify content, not object identity or key order', () => {
    const roundTripped = JSON.parse(JSON.stringify(DEFAULT_CALENDAR_RULES)) as CalendarRules;
    const reordered = Object.fromEntries(Object.entries(roundTripped).reverse()) as unknown as CalendarRules;
    assert.equal(ruleVersion(roundTripped), ruleVersion(DEFAULT_CALENDAR_RULES));
    assert.equal(ruleVersion(reordered), ruleVersion(DEFAULT_CALENDAR_RULES));
    assert.match(ruleVersion(DEFAULT_CALENDAR_RULES), /^cal-[0-9a-f]{16}$/);
    const changed = copy();
    changed.officeHours[0].cutoff = '15:30';
    assert.notEqual(ruleVersion(changed), ruleVersion(DEFAULT_CALENDAR_RULES));
  });

  test('invalid rules are reported and refused', () => {
    const rules = copy();
    rules.schedules[0].entries.push({ ...rules.schedules[0].entries[0] });
    rules.schedules[1].entries.push({ ...rules.schedules[1].entries[0], date: '2019-12-31' });
    rules.officeHours[0].sessions = [{ start: '13:00', end: '11:00' }];
    rules.holidayRules.push({ ...cultureDay, month: 2, day: 30 });
    const problems = validateRules(rules);
    assert.deepEqual(problems.map((p) => p.en), [
      'holiday rule culture-day: no such date 30/2',
      'schedule 2020: 2020-01-01 is listed twice',
      'schedule 2021: 2019-12-31 is not in 2021',
      'officeHours[0]: sessions must be increasing and not overlap',
    ]);
    assert.deepEqual(problems.map((p) => p.vi), [
      'quy tắc ngày lễ culture-day: không có ngày 30/2',
      'lịch nghỉ năm 2020: ngày 2020-01-01 bị khai hai lần',
      'lịch nghỉ năm 2021: ngày 2019-12-31 không thuộc năm 2021',
      'giờ làm việc thứ 1: các buổi làm việc phải theo thứ tự và không chồng lên nhau',
    ]);
    assert.throws(() => getCalendar(rules), /Invalid calendar rules/);
    assert.deepEqual(validateRules(DEFAULT_CALENDAR_RULES), []);
  });

  test('stored JSON with a wrong shape or unknown kinds is refused', () => {
    assert.deepEqual(validateRules({ ...copy(), schedules: undefined } as unknown as CalendarRules).map((p) => p.en), ['schedules must be an array']);
    const rules = copy();
    Object.assign(rules.schedules[6].entries[0], { kind: 'holliday', confidence: 'sure' });
    assert.deepEqual(validateRules(rules).map((p) => p.en), [
      'schedule 2026: 2026-01-01 has unknown kind holliday',
      'schedule 2026: 2026-01-01 has unknown confidence sure',
    ]);
  });
});
