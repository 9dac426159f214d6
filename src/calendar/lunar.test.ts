import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { jdeToJdUt, newMoonJde, sunApparentLongitude } from './astro.ts';
import { dayNumber, isoDate } from './dates.ts';
import { dayOfLunar, lunarNewYear, lunarOfDay, lunarToSolar, newMoonDay, solarToLunar } from './lunar.ts';
import { tetAndHungKings } from './fixtures/generate-tet-hung.ts';

const lunar = (day: number, month: number, year: number, leap = false) => ({ day, month, year, leap });

describe('lunar calendar: known facts', () => {
  const tet: Array<[number, string]> = [
    [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'],
    [2030, '2030-02-02'], // China: 2030-02-03
    [2007, '2007-02-17'], // China: 2007-02-18
    [1985, '1985-01-21'], // China: 1985-02-20
  ];
  for (const [year, date] of tet) {
    test(`Tết ${year} is ${date}`, () => {
      assert.equal(lunarNewYear(year), date);
      assert.deepEqual(solarToLunar(date), lunar(1, 1, year));
    });
  }

  for (const [year, date] of [[2024, '2024-04-18'], [2025, '2025-04-07'], [2026, '2026-04-26']] as const) {
    test(`Hùng Kings day (10/3) ${year} is ${date}`, () => {
      assert.equal(lunarToSolar(lunar(10, 3, year)), date);
      assert.deepEqual(solarToLunar(date), lunar(10, 3, year));
    });
  }

  test('leap months: 2020 has leap 4, 2023 leap 2, 2025 leap 6', () => {
    assert.equal(lunarToSolar(lunar(1, 4, 2020, true)), '2020-05-23');
    assert.equal(lunarToSolar(lunar(1, 2, 2023, true)), '2023-03-22');
    assert.equal(lunarToSolar(lunar(1, 6, 2025, true)), '2025-07-25');
    assert.deepEqual(solarToLunar('2025-07-25'), lunar(1, 6, 2025, true));
    assert.throws(() => lunarToSolar(lunar(1, 5, 2025, true)), /no leap month 5/);
    assert.throws(() => lunarToSolar(lunar(1, 6, 2024, true)), /no leap month/);
  });

  test('the last days of a lunar year belong to the previous lunar year', () => {
    assert.deepEqual(solarToLunar('2025-01-28'), lunar(29, 12, 2024));
    assert.deepEqual(solarToLunar('2024-12-31'), lunar(1, 12, 2024));
  });

  test('invalid lunar dates are refused', () => {
    assert.throws(() => lunarToSolar(lunar(0, 1, 2025)), RangeError);
    assert.throws(() => lunarToSolar(lunar(31, 1, 2025)), RangeError);
    assert.throws(() => lunarToSolar(lunar(1, 13, 2025)), RangeError);
    // Month 12 of lunar year 2024 (Giáp Thìn) has 29 days: 2025-01-28 is its last day.
    assert.throws(() => lunarToSolar(lunar(30, 12, 2024)), /has 29 days/);
    assert.throws(() => solarToLunar('2025-02-30'), RangeError);
    assert.throws(() => solarToLunar('1899-12-31'), /supported range/);
  });
});

describe('lunar calendar: the classic algorithm’s day-0 dates', () => {
  // The classic code guesses the month from the mean lunation and never tries k−1; on these dates the
  // true new moon is ~13.5 h after the mean one, minutes after the next local midnight.
  test('2054-05-07 is the last day of month 3, and 2054-05-08 starts month 4', () => {
    assert.deepEqual(solarToLunar('2054-05-07'), lunar(30, 3, 2054));
    assert.deepEqual(solarToLunar('2054-05-08'), lunar(1, 4, 2054));
  });

  test('2062-04-09 is the last day of month 2, and 2062-04-10 starts month 3', () => {
    assert.deepEqual(solarToLunar('2062-04-09'), lunar(30, 2, 2062));
    assert.deepEqual(solarToLunar('2062-04-10'), lunar(1, 3, 2062));
  });

  test('the new moons there fall just after local midnight (UTC+7)', () => {
    const localHours = (k: number) => {
      const jd = jdeToJdUt(newMoonJde(k)) + 7 / 24 + 0.5;
      return (jd - Math.floor(jd)) * 24;
    };
    const kFor = (date: string) => Math.round((dayNumber(date) + 2440588 - 2451550.09766) / 29.530588861);
    assert.ok(localHours(kFor('2054-05-08')) < 0.05, '2054-05-08 new moon within 3 minutes after midnight');
    assert.ok(localHours(kFor('2062-04-10')) < 0.5, '2062-04-10 new moon within 30 minutes after midnight');
    assert.equal(newMoonDay(kFor('2054-05-08')), dayNumber('2054-05-08'));
  });
});

describe('lunar calendar: whole-range invariants 1900–2100', () => {
  const first = dayNumber('1900-01-01');
  const last = dayNumber('2100-12-31');

  test('every day has lunar day 1…30, days advance by one, and solar→lunar→solar round-trips', () => {
    let previous = lunarOfDay(first);
    assert.equal(dayOfLunar(previous), first);
    for (let day = first + 1; day <= last; day++) {
      const l = lunarOfDay(day);
      assert.ok(l.day >= 1 && l.day <= 30, `${isoDate(day)} has lunar day ${l.day}`);
      if (l.day === 1) assert.ok(previous.day === 29 || previous.day === 30, `${isoDate(day - 1)} ends a month on day ${previous.day}`);
      else assert.equal(l.day, previous.day + 1, `${isoDate(day)} follows ${isoDate(day - 1)}`);
      if (dayOfLunar(l) !== day) assert.fail(`round trip failed for ${isoDate(day)}`);
      previous = l;
    }
  });

  test('every lunar year 1901–2100 has 12 or 13 months and 353–385 days', () => {
    for (let year = 1901; year <= 2100; year++) {
      const length = dayNumber(lunarNewYear(year + 1)) - dayNumber(lunarNewYear(year));
      assert.ok((length >= 353 && length <= 355) || (length >= 383 && length <= 385), `lunar year ${year}: ${length} days`);
    }
  });
});

describe('lunar calendar: pinned fixture', () => {
  const fixture = JSON.parse(readFileSync(new URL('./fixtures/tet-hung-2000-2100.json', import.meta.url), 'utf8')) as {
    rows: Array<{ year: number; tet: string; hungKings: string }>;
  };

  test('Tết and Hùng Kings dates 2000–2100 match the committed fixture', () => {
    assert.equal(fixture.rows.length, 101);
    assert.deepEqual(tetAndHungKings(2000, 2100), fixture.rows);
  });

  test('the fixture agrees with the known facts', () => {
    const byYear = new Map(fixture.rows.map((r) => [r.year, r]));
    assert.equal(byYear.get(2030)?.tet, '2030-02-02');
    assert.equal(byYear.get(2025)?.hungKings, '2025-04-07');
  });
});

describe('astronomy', () => {
  test('the December 2024 solstice is found at 2024-12-21 ~09:20 UT', () => {
    // Sun longitude crosses 270° between 09:15 and 09:25 UT (ΔT ≈ 69 s taken as TT offset here).
    const jd = (iso: string) => Date.parse(iso) / 86_400_000 + 2440587.5 + 69 / 86400;
    assert.ok(sunApparentLongitude(jd('2024-12-21T09:15:00Z')) < 270);
    assert.ok(sunApparentLongitude(jd('2024-12-21T09:25:00Z')) > 270);
  });

  test('the new moon of 2025-01-29 is at ~12:36 UT (19:36 in Vietnam)', () => {
    const k = Math.round((Date.parse('2025-01-29T12:36:00Z') / 86_400_000 + 2440587.5 - 2451550.09766) / 29.530588861);
    const ms = (jdeToJdUt(newMoonJde(k)) - 2440587.5) * 86_400_000;
    assert.ok(Math.abs(ms - Date.parse('2025-01-29T12:36:00Z')) < 2 * 60_000);
  });
});
