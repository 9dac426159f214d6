// The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7.
//
// Rules: a month starts on the local day of a true new moon; month 11 is the month containing the
// December solstice; when 13 months separate two months 11, the first month after month 11 without a
// major solar term (Sun longitude a multiple of 30°) is a leap month repeating the previous number.
// The time zone is why Vietnam differs from China in some years (Tết 2007, 1985, 2030).
//
// Why the widely copied classic algorithm yields "lunar day 0" on 2054-05-07 and 2062-04-09: it guesses
// the month's new moon k from the MEAN lunation, tries only k+1 and k, and never k−1. On those dates the
// date lies just past the guess threshold while the true new moon runs ~13.5 h behind the mean one and
// lands minutes after local midnight of the NEXT day, so its "month start" is tomorrow and day = 0.
// Here the month start is found by walking k until newMoonDay(k) ≤ day < newMoonDay(k+1), so a day
// is always 1…30 by construction (tested over 1900–2100).

import { jdeToJdUt, newMoonJde, sunLongitudeAtUt } from './astro.ts';
import { dayNumber, isoDate, yearOfDay, firstDayOfYear, type IsoDate } from './dates.ts';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

const TZ_DAYS = 7 / 24;
const JDN_OF_EPOCH_DAY_0 = 2440588; // Julian Day Number of 1970-01-01
const SYNODIC_MONTH = 29.530588861;
const NEW_MOON_0_JDE = 2451550.09766;

const newMoonDays = new Map<number, number>();

/** Local day number (days since 1970-01-01, UTC+7) of the day containing true new moon k. */
export function newMoonDay(k: number): number {
  let day = newMoonDays.get(k);
  if (day === undefined) {
    const localJd = jdeToJdUt(newMoonJde(k)) + TZ_DAYS;
    day = Math.floor(localJd + 0.5) - JDN_OF_EPOCH_DAY_0;
    newMoonDays.set(k, day);
  }
  return day;
}

/** Index k of the last new moon whose local day is on or before `day`. */
function newMoonIndexOnOrBefore(day: number): number {
  let k = Math.floor((day + JDN_OF_EPOCH_DAY_0 - NEW_MOON_0_JDE) / SYNODIC_MONTH);
  while (newMoonDay(k) > day) k--;
  while (newMoonDay(k + 1) <= day) k++;
  return k;
}

/** 30° sector (0…11) of the Sun's longitude at local midnight starting `day`. */
function sunSectorAtDayStart(day: number): number {
  const jdUt = day + JDN_OF_EPOCH_DAY_0 - 0.5 - TZ_DAYS;
  return Math.floor(sunLongitudeAtUt(jdUt) / 30);
}

/** k of lunar month 11 that contains the December solstice of Gregorian `year`. */
function month11Index(year: number): number {
  const k = newMoonIndexOnOrBefore(firstDayOfYear(year + 1) - 1);
  // A month starting at sector 9 (≥ 270°) began after the solstice: month 11 is the one before.
  return sunSectorAtDayStart(newMoonDay(k)) >= 9 ? k - 1 : k;
}

/** Months from month 11 of Gregorian year−1 up to (excluding) month 11 of `year`: lunar year `year`. */
interface Cycle {
  starts: number[]; // local day of each month start, plus the start of the next month 11
  leapIndex: number; // index of the leap month, or −1
}

const cycles = new Map<number, Cycle>();

function cycle(year: number): Cycle {
  let found = cycles.get(year);
  if (found) return found;
  const kA = month11Index(year - 1);
  const kB = month11Index(year);
  const starts: number[] = [];
  for (let k = kA; k <= kB; k++) starts.push(newMoonDay(k));
  let leapIndex = -1;
  if (kB - kA === 13) {
    for (let i = 1; i <= 12 && leapIndex < 0; i++) {
      if (sunSectorAtDayStart(starts[i]) === sunSectorAtDayStart(starts[i + 1])) leapIndex = i;
    }
  }
  found = { starts, leapIndex };
  cycles.set(year, found);
  return found;
}

/** Position in the cycle, skipping the leap month: 0 = month 11, 1 = month 12, 2 = month 1 … 11 = month 10. */
function ordinalOf(c: Cycle, index: number): number {
  return c.leapIndex >= 0 && index >= c.leapIndex ? index - 1 : index;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Year out of the supported range ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}: ${year}`);
  }
}

/** Lunar date of a local day number. */
export function lunarOfDay(day: number): LunarDate {
  const gregorianYear = yearOfDay(day);
  checkYear(gregorianYear);
  const nextMonth11 = newMoonDay(month11Index(gregorianYear));
  const lunarCycleYear = day >= nextMonth11 ? gregorianYear + 1 : gregorianYear;
  const c = cycle(lunarCycleYear);
  let index = c.starts.length - 2;
  while (c.starts[index] > day) index--;
  const ordinal = ordinalOf(c, index);
  return {
    day: day - c.starts[index] + 1,
    month: ((ordinal + 10) % 12) + 1,
    year: ordinal <= 1 ? lunarCycleYear - 1 : lunarCycleYear,
    leap: index === c.leapIndex,
  };
}

/** Local day number of a lunar date; throws if the date does not exist (e.g. a leap month that year lacks). */
export function dayOfLunar(date: LunarDate): number {
  const { day, month, year, leap } = date;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid lunar month: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Invalid lunar day: ${day}`);
  // Lunar year 1899 still has days in January 1900; the result's solar year is checked below.
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR - 1 || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Year out of the supported range ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}: ${year}`);
  }
  const c = cycle(month >= 11 ? year + 1 : year);
  const ordinal = month >= 11 ? month - 11 : month + 1;
  let index = ordinal;
  if (c.leapIndex >= 0) {
    if (leap && c.leapIndex - 1 !== ordinal) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    if (leap || ordinal >= c.leapIndex) index = ordinal + 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const length = c.starts[index + 1] - c.starts[index];
  if (day > length) throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''}/${year} has ${length} days`);
  const result = c.starts[index] + day - 1;
  checkYear(yearOfDay(result));
  return result;
}

/** Solar (Gregorian) date 'YYYY-MM-DD' → Vietnamese lunar date. */
export function solarToLunar(date: IsoDate): LunarDate {
  return lunarOfDay(dayNumber(date));
}

/** Vietnamese lunar date → solar date 'YYYY-MM-DD'. */
export function lunarToSolar(date: LunarDate): IsoDate {
  return isoDate(dayOfLunar(date));
}

/** Tết Nguyên Đán (lunar 1/1) of a Gregorian year. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false });
}
