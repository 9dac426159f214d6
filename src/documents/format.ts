// Vietnamese date, time and money formatting for printed documents.
// Vietnam is UTC+7 all year (no daylight saving since 1975): every wall-clock value is computed from the
// instant plus a fixed offset, never from the process time zone.
import { nfc } from '../platform/text.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** A calendar date 'YYYY-MM-DD' (already a Vietnamese calendar date) or an instant. */
export type DateLike = Date | string;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The wall-clock reading in Vietnam of an instant, or the fields of a 'YYYY-MM-DD' date (at 00:00). */
export function vnWallClock(value: DateLike): WallClock {
  if (typeof value === 'string') {
    const m = ISO_DATE.exec(value);
    if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 };
  }
  if (Number.isNaN(value.getTime())) throw new RangeError('Invalid date');
  const shifted = new Date(value.getTime() + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "09/01/2026". */
export function formatVnDate(value: DateLike): string {
  const w = vnWallClock(value);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
}

/** "14:05" (24-hour clock, Vietnamese time). */
export function formatVnTime(value: Date): string {
  const w = vnWallClock(value);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "14 giờ 05 phút, ngày 09/01/2026", the wording of the receipt and appointment forms. */
export function formatVnDateTime(value: Date): string {
  const w = vnWallClock(value);
  return `${pad2(w.hour)} giờ ${pad2(w.minute)} phút, ngày ${formatVnDate(value)}`;
}

/** "09/01/2026 14:05", compact for table cells. */
export function formatVnDateTimeShort(value: Date): string {
  return `${formatVnDate(value)} ${formatVnTime(value)}`;
}

/**
 * "ngày 09 tháng 01 năm 2026". Decree 30/2020 (administrative documents) writes a leading zero for days below
 * 10 and months below 3 so that nobody can add a digit by hand: "ngày 05 tháng 02", but "tháng 3".
 */
export function formatVnLongDate(value: DateLike): string {
  const w = vnWallClock(value);
  const month = w.month < 3 ? pad2(w.month) : String(w.month);
  return `ngày ${pad2(w.day)} tháng ${month} năm ${w.year}`;
}

/** The place-date line under the national motto: "Bồng Lai, ngày 09 tháng 01 năm 2026". */
export function vnDateLine(place: string, value: DateLike): string {
  return nfc(`${place}, ${formatVnLongDate(value)}`);
}

/** "1.250.000 đồng": dots group thousands in Vietnamese; amounts are whole đồng. */
export function formatVnd(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`Not an amount: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(amount)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}
