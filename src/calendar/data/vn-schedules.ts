// Official civil-service (cán bộ, công chức, viên chức) days-off schedules of Vietnam, 2020–2026.
//
// Origin: compiled for Gần Dân from the reference file shared/data/holidays/vn-days-off-2020-2027.json,
// itself built from vacanza/holidays@c382fdec (MIT; Labour Code 2019 art. 112 rules and observed days)
// and press reports of the government's yearly decisions. Tết day names were recomputed with our own
// lunar calendar (the reference file mislabels some). Sources and confidence are kept per entry.
// 2027 is deliberately absent: no official schedule existed, so the holiday rules produce it.
// Entries on weekends inside Tết are kept for their names; weekends are rest days anyway.
// 24/11/2026 is 'holiday_unconfirmed' and therefore NOT a rest day until an administrator confirms it.

import type { Confidence, ScheduleEntry, ScheduleEntryKind, YearSchedule } from '../types.ts';

const VACANZA = 'vacanza/holidays@c382fdec vietnam.py (MIT): Labour Code 2019 art. 112 and observed-day rules';
const SWAP_2024 = 'Công văn 2450/VPCP-KGVX (2024): swap Monday 29/4 for Saturday 4/5';
const SWAP_2025 = 'VietnamPlus/TTXVN report of the government decision: swap Friday 2/5/2025 for Saturday 26/4/2025';
const SWAP_2026_JAN = 'Công văn 12729/VPCP-KGVX of 25/12/2025 (as reported in the press)';
const SWAP_2026_AUG =
  'holidays-calendar.net via JoeHQiao/vietnam-holidays-ical; Bộ Nội vụ proposal reported by baomoi. Not confirmed from an official text';
const CULTURE_DAY_2026 =
  'Press reports (baophutho.vn, baogialai.com.vn) and holidays-calendar.net; amendment of Labour Code art. 112 not verified';

function e(date: string, kind: ScheduleEntryKind, name: string, nameEn: string, source = VACANZA, confidence: Confidence = 'high'): ScheduleEntry {
  return { date, kind, name, nameEn, source, confidence };
}

const NEW_YEAR = ['Tết Dương lịch', "New Year's Day"] as const;
const HUNG = ['Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings Commemoration Day (lunar 3/10)'] as const;
const VICTORY = ['Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)'] as const;
const LABOUR = ['Ngày Quốc tế Lao động (1/5)', 'International Labour Day (1 May)'] as const;
const NATIONAL = ['Quốc khánh', 'National Day'] as const;

const holiday = (date: string, [vi, en]: readonly [string, string]) => e(date, 'holiday', vi, en);
const observed = (date: string, [vi, en]: readonly [string, string]) =>
  e(date, 'observed', `${vi} (nghỉ bù)`, `${en} (compensatory day off)`);
const tet = (date: string, lunarDay: string, lunarEn: string) =>
  e(date, 'holiday', `Tết Nguyên Đán (${lunarDay})`, `Lunar New Year (lunar ${lunarEn})`);

export const VN_OFFICIAL_SCHEDULES: YearSchedule[] = [
  {
    year: 2020,
    summary: 'Tết Canh Tý: nghỉ 23/1–29/1/2020 (7 ngày). Quốc khánh 1 ngày (Labour Code 2012).',
    entries: [
      holiday('2020-01-01', NEW_YEAR),
      tet('2020-01-23', '29 tháng Chạp', '12/29'), tet('2020-01-24', '30 tháng Chạp', '12/30'),
      tet('2020-01-25', 'mùng 1', '1/1'), tet('2020-01-26', 'mùng 2', '1/2'), tet('2020-01-27', 'mùng 3', '1/3'),
      tet('2020-01-28', 'mùng 4', '1/4'), tet('2020-01-29', 'mùng 5', '1/5'),
      holiday('2020-04-02', HUNG), holiday('2020-04-30', VICTORY), holiday('2020-05-01', LABOUR),
      holiday('2020-09-02', NATIONAL),
    ],
  },
  {
    year: 2021,
    summary: 'Tết Tân Sửu: nghỉ 10/2–16/2/2021 (7 ngày).',
    entries: [
      holiday('2021-01-01', NEW_YEAR),
      tet('2021-02-10', '29 tháng Chạp', '12/29'), tet('2021-02-11', '30 tháng Chạp', '12/30'),
      tet('2021-02-12', 'mùng 1', '1/1'), tet('2021-02-13', 'mùng 2', '1/2'), tet('2021-02-14', 'mùng 3', '1/3'),
      tet('2021-02-15', 'mùng 4', '1/4'), tet('2021-02-16', 'mùng 5', '1/5'),
      holiday('2021-04-21', HUNG), holiday('2021-04-30', VICTORY), holiday('2021-05-01', LABOUR),
      observed('2021-05-03', LABOUR),
      holiday('2021-09-02', NATIONAL), holiday('2021-09-03', NATIONAL),
    ],
  },
  {
    year: 2022,
    summary: 'Tết Nhâm Dần: nghỉ 29/1–6/2/2022 (9 ngày, gồm 2 cuối tuần).',
    entries: [
      holiday('2022-01-01', NEW_YEAR), observed('2022-01-03', NEW_YEAR),
      tet('2022-01-31', '29 tháng Chạp', '12/29'), tet('2022-02-01', 'mùng 1', '1/1'),
      tet('2022-02-02', 'mùng 2', '1/2'), tet('2022-02-03', 'mùng 3', '1/3'), tet('2022-02-04', 'mùng 4', '1/4'),
      holiday('2022-04-10', HUNG), observed('2022-04-11', HUNG),
      holiday('2022-04-30', VICTORY), holiday('2022-05-01', LABOUR),
      observed('2022-05-02', VICTORY), observed('2022-05-03', LABOUR),
      holiday('2022-09-01', NATIONAL), holiday('2022-09-02', NATIONAL),
    ],
  },
  {
    year: 2023,
    summary: 'Tết Quý Mão: nghỉ 20/1–26/1/2023 (7 ngày). Giỗ Tổ 29/4 (thứ Bảy), nghỉ 29/4–3/5. Quốc khánh 1/9–4/9.',
    entries: [
      holiday('2023-01-01', NEW_YEAR), observed('2023-01-02', NEW_YEAR),
      tet('2023-01-20', '29 tháng Chạp', '12/29'), tet('2023-01-21', '30 tháng Chạp', '12/30'),
      tet('2023-01-22', 'mùng 1', '1/1'), tet('2023-01-23', 'mùng 2', '1/2'), tet('2023-01-24', 'mùng 3', '1/3'),
      tet('2023-01-25', 'mùng 4', '1/4'), tet('2023-01-26', 'mùng 5', '1/5'),
      holiday('2023-04-29', HUNG), holiday('2023-04-30', VICTORY), holiday('2023-05-01', LABOUR),
      observed('2023-05-02', HUNG), observed('2023-05-03', VICTORY),
      holiday('2023-09-01', NATIONAL), holiday('2023-09-02', NATIONAL), observed('2023-09-04', NATIONAL),
    ],
  },
  {
    year: 2024,
    summary: 'Tết Giáp Thìn: 8/2–14/2/2024 (7 ngày). 30/4–1/5: 27/4–1/5 (hoán đổi 29/4 ↔ làm bù 4/5). Quốc khánh 31/8–3/9.',
    entries: [
      holiday('2024-01-01', NEW_YEAR),
      tet('2024-02-08', '29 tháng Chạp', '12/29'), tet('2024-02-09', '30 tháng Chạp', '12/30'),
      tet('2024-02-10', 'mùng 1', '1/1'), tet('2024-02-11', 'mùng 2', '1/2'), tet('2024-02-12', 'mùng 3', '1/3'),
      tet('2024-02-13', 'mùng 4', '1/4'), tet('2024-02-14', 'mùng 5', '1/5'),
      holiday('2024-04-18', HUNG),
      e('2024-04-29', 'swap_day_off', 'Nghỉ hoán đổi (làm bù thứ Bảy 4/5/2024)', 'Swapped day off (worked on Saturday 4 May 2024)', SWAP_2024),
      holiday('2024-04-30', VICTORY), holiday('2024-05-01', LABOUR),
      e('2024-05-04', 'makeup_workday', 'Làm bù cho ngày 29/4/2024', 'Make-up working day for 29 April 2024', SWAP_2024),
      holiday('2024-09-02', NATIONAL), holiday('2024-09-03', NATIONAL),
    ],
  },
  {
    year: 2025,
    summary: 'Tết Ất Tỵ: 25/1–2/2/2025 (9 ngày). Giỗ Tổ 5/4–7/4. 30/4–4/5 (hoán đổi 2/5 ↔ 26/4). Quốc khánh 30/8–2/9.',
    entries: [
      holiday('2025-01-01', NEW_YEAR),
      tet('2025-01-27', '28 tháng Chạp', '12/28'), tet('2025-01-28', '29 tháng Chạp', '12/29'),
      tet('2025-01-29', 'mùng 1', '1/1'), tet('2025-01-30', 'mùng 2', '1/2'), tet('2025-01-31', 'mùng 3', '1/3'),
      tet('2025-02-01', 'mùng 4', '1/4'),
      holiday('2025-04-07', HUNG),
      e('2025-04-26', 'makeup_workday', 'Làm bù cho ngày 2/5/2025', 'Make-up working day for 2 May 2025', SWAP_2025),
      holiday('2025-04-30', VICTORY), holiday('2025-05-01', LABOUR),
      e('2025-05-02', 'swap_day_off', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'Swapped day off (worked on Saturday 26 April 2025)', SWAP_2025),
      holiday('2025-09-01', NATIONAL), holiday('2025-09-02', NATIONAL),
    ],
  },
  {
    year: 2026,
    summary:
      'Tết Dương lịch 1/1–4/1 (hoán đổi 2/1 ↔ 10/1). Tết Bính Ngọ 14/2–22/2 (9 ngày). Giỗ Tổ 26/4 (Chủ Nhật) bù 27/4. ' +
      '30/4–3/5. Quốc khánh 29/8–2/9 (hoán đổi 31/8 ↔ 22/8, medium confidence). 24/11 Ngày Văn hóa Việt Nam: unconfirmed.',
    entries: [
      holiday('2026-01-01', NEW_YEAR),
      e('2026-01-02', 'swap_day_off', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/1/2026)', "Swapped day off after New Year's Day (worked on Saturday 10 January 2026)", SWAP_2026_JAN),
      e('2026-01-10', 'makeup_workday', 'Làm bù cho ngày 2/1/2026', 'Make-up working day for 2 January 2026', SWAP_2026_JAN),
      tet('2026-02-16', '29 tháng Chạp', '12/29'), tet('2026-02-17', 'mùng 1', '1/1'), tet('2026-02-18', 'mùng 2', '1/2'),
      tet('2026-02-19', 'mùng 3', '1/3'), tet('2026-02-20', 'mùng 4', '1/4'),
      holiday('2026-04-26', HUNG), observed('2026-04-27', HUNG),
      holiday('2026-04-30', VICTORY), holiday('2026-05-01', LABOUR),
      e('2026-08-22', 'makeup_workday', 'Làm bù cho ngày 31/8/2026', 'Make-up working day for 31 August 2026', SWAP_2026_AUG, 'medium'),
      e('2026-08-31', 'swap_day_off', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)', 'Swapped day off before National Day (worked on Saturday 22 August 2026)', SWAP_2026_AUG, 'medium'),
      holiday('2026-09-01', NATIONAL), holiday('2026-09-02', NATIONAL),
      e('2026-11-24', 'holiday_unconfirmed', 'Ngày Văn hóa Việt Nam (24/11)', 'Vietnam Culture Day (24 November)', CULTURE_DAY_2026, 'low'),
    ],
  },
];
