// Dates shown in Vietnam's time zone whatever the browser's, as the law counts time there.
import { localeOf, type Lang } from './lang.ts';

const zone = 'Asia/Ho_Chi_Minh';

export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), {
    timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** A calendar date `YYYY-MM-DD` (no time zone involved) as dd/mm/yyyy. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** The instant a Vietnamese calendar day starts, for API filters that take date-times. */
export function startOfVietnamDay(isoDate: string): string {
  return `${isoDate}T00:00:00+07:00`;
}

/** The instant the day after `isoDate` starts in Vietnam: an exclusive upper bound. */
export function startOfNextVietnamDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return startOfVietnamDay(next.toISOString().slice(0, 10));
}
