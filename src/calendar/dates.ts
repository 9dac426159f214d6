// Local dates and times in Vietnam (fixed UTC+7 since 1975, no daylight saving).
// Never use the process time zone: every conversion goes through epoch milliseconds with the fixed offset.

export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** 'YYYY-MM-DD', a calendar date in UTC+7. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws on a malformed or impossible date. */
export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`No such date: ${date}`);
  }
  return ms / DAY_MS;
}

/** Year, month (1–12) and day of a day number, by integer arithmetic (H. Hinnant's civil_from_days). */
export function civilOfDay(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

// Formatting dates is on the hot path of bulk due dates: toISOString() would dominate it.
export function isoDate(day: number): IsoDate {
  const [y, m, d] = civilOfDay(day);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function isIsoDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Local day number (UTC+7) of an instant. */
export function localDay(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** Local date 'YYYY-MM-DD' (UTC+7) of an instant. */
export function localDate(instant: Date | number): IsoDate {
  return isoDate(localDay(instant));
}

/** Milliseconds elapsed since local midnight (UTC+7). */
export function localTimeOfDayMs(ms: number): number {
  return ms + VN_OFFSET_MS - localDay(ms) * DAY_MS;
}

/** Epoch milliseconds of local midnight (UTC+7) starting a local day. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - VN_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOfDay(day: number): number {
  return civilOfDay(day)[0];
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

/** Minutes after midnight of 'HH:MM' ('24:00' allowed as the end of a day). */
export function clockMinutes(clock: string): number {
  const m = CLOCK.exec(clock);
  if (!m || (m[1] === '24' && m[2] !== '00')) throw new RangeError(`Not an HH:MM time: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The instant of a local wall-clock time 'HH:MM' on a local date. */
export function localInstant(date: IsoDate, clock = '00:00'): Date {
  return new Date(dayStartMs(dayNumber(date)) + clockMinutes(clock) * MINUTE_MS);
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * RFC 3339 with the Vietnamese offset, e.g. '2026-01-10T17:00:00+07:00' (milliseconds kept when present). By
 * arithmetic, as isoDate: every timestamp of a list or a lookup goes through here, and toISOString() costs 3 times more.
 */
export function formatLocal(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const day = localDay(ms);
  const [y, mo, d] = civilOfDay(day);
  if (y < 1000 || y > 9999) return `${new Date(ms + VN_OFFSET_MS).toISOString().slice(0, ms % 1000 === 0 ? 19 : 23)}+07:00`;
  const sinceMidnight = ms + VN_OFFSET_MS - day * DAY_MS;
  const seconds = Math.floor(sinceMidnight / 1000);
  const milli = sinceMidnight - seconds * 1000;
  const time = `${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`;
  const fraction = milli === 0 ? '' : `.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}`;
  return `${y}-${twoDigits(mo)}-${twoDigits(d)}T${time}${fraction}+07:00`;
}
