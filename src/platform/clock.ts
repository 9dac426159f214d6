// The one place that reads the system time; tests pass their own clock.
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in Vietnam (UTC+7, no daylight saving since 1975) of an instant: 'YYYY-MM-DD'. */
export function vnDate(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as RFC 3339 with the +07:00 offset, e.g. 2026-01-10T17:00:00+07:00. */
export function vnDateTime(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** Midnight at the start of a Vietnamese calendar date, as an instant. */
export function vnStartOfDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+07:00`));
}
