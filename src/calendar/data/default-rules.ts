// The rules Gần Dân ships with. Storage persists a copy as JSON; administrators edit that copy.

import type { CalendarRules, HolidayRule } from '../types.ts';
import { VN_OFFICIAL_SCHEDULES } from './vn-schedules.ts';

const LC_2012 = 'Bộ luật Lao động 2012 (10/2012/QH13) art. 115, in force 2013-05-01';
const LC_2019 = 'Bộ luật Lao động 2019 (45/2019/QH14) art. 112, in force 2021-01-01';
const LC_2012_START = '2013-05-01';

// Years before 2013-05-01 are not modelled (only weekends are rest days there).
export const VN_HOLIDAY_RULES: HolidayRule[] = [
  { id: 'new-year', kind: 'solar', month: 1, day: 1, name: 'Tết Dương lịch', nameEn: "New Year's Day", from: LC_2012_START, source: LC_2012 },
  {
    // 5 days: the last day of the lunar year and mùng 1–4. The Prime Minister fixes the real days each
    // year (often one day earlier); this is only the default for a year without an official schedule.
    id: 'tet', kind: 'lunar', month: 1, day: 1, offsetFrom: -1, offsetTo: 3,
    name: 'Tết Nguyên Đán', nameEn: 'Lunar New Year (Tết)', from: LC_2012_START, source: LC_2012,
  },
  {
    id: 'hung-kings', kind: 'lunar', month: 3, day: 10,
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', nameEn: 'Hùng Kings Commemoration Day (lunar 3/10)', from: LC_2012_START, source: LC_2012,
  },
  { id: 'reunification', kind: 'solar', month: 4, day: 30, name: 'Ngày Chiến thắng (30/4)', nameEn: 'Reunification Day (30 April)', from: LC_2012_START, source: LC_2012 },
  { id: 'labour-day', kind: 'solar', month: 5, day: 1, name: 'Ngày Quốc tế Lao động (1/5)', nameEn: 'International Labour Day (1 May)', from: LC_2012_START, source: LC_2012 },
  { id: 'national-day', kind: 'solar', month: 9, day: 2, name: 'Quốc khánh', nameEn: 'National Day', from: LC_2012_START, source: LC_2012 },
  { id: 'national-day-adjacent', kind: 'adjacent', month: 9, day: 2, name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)', from: '2021-01-01', source: LC_2019 },
];

export const DEFAULT_CALENDAR_RULES: CalendarRules = {
  label: 'Lịch làm việc khu vực công Việt Nam / Vietnam civil-service calendar',
  weekendDays: [0, 6],
  holidayRules: VN_HOLIDAY_RULES,
  schedules: VN_OFFICIAL_SCHEDULES,
  officeHours: [
    {
      from: '1900-01-01', // the whole supported range: a day without office hours counts as closed
      sessions: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      cutoff: '15:00',
    },
  ],
  units: {},
};
