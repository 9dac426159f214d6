// Addresses of the calendar's console pages.
import { queryString } from '../../api.ts';

export const calendarBase = '/can-bo/lich-lam-viec';
export const dueDatePath = `${calendarBase}/tinh-han`;

export const calendarPath = (year: number, unitId?: string) => `${calendarBase}${queryString({ nam: year, donvi: unitId })}`;
export const scheduleEditPath = (year: number) => `${calendarBase}/${year}/sua`;
export const unitCalendarPath = (unitId?: string) => `${calendarBase}/don-vi${queryString({ donvi: unitId })}`;
