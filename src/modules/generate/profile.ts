// The shape of a province's year at the one-stop desks, as numbers. Sources: the seed district's 58,081 dossiers a
// year (~230 a working day), the shares national reports publish (online submission, on-time rate, satisfaction),
// and what commune desks see most (certification and civil status first). Where no figure is published, the value
// is our estimate, chosen to be plausible and to exercise every state and queue. All shares are fractions.

/** Relative popularity of commune-level procedures by national code; others get a share by their field. */
export const procedureWeights: Record<string, number> = {
  '2.000815': 30, // chứng thực bản sao từ bản chính
  '2.000884': 10, // chứng thực chữ ký
  '1.001193': 7, // đăng ký khai sinh
  '1.004873': 5, // xác nhận tình trạng hôn nhân
  '2.001035': 4, // chứng thực giao dịch về tài sản, đất
  '1.004194': 5, // đăng ký tạm trú
  '1.004222': 4, // đăng ký thường trú
  '1.010041': 3, // xác nhận thông tin cư trú
  '2.000635': 3, // bản sao trích lục hộ tịch
  '1.000894': 2.5, // đăng ký kết hôn
  '1.000656': 1.5, // đăng ký khai tử
  '2.000908': 1.5, // cấp bản sao từ sổ gốc
  '1.013978': 1.2, // cấp giấy chứng nhận quyền sử dụng đất lần đầu
  '2.001023': 1.2, // liên thông khai sinh, thẻ BHYT
  '2.000986': 1, // liên thông khai sinh, thường trú, BHYT
  '1.003677': 0.8, // khai báo tạm vắng
  '1.004859': 0.8, // thay đổi, cải chính hộ tịch
  '2.002516': 0.6, // xác nhận thông tin hộ tịch
  '1.004884': 0.4, // đăng ký lại khai sinh
  '1.001022': 0.3, // nhận cha, mẹ, con
  '1.000689': 0.2,
  '1.004837': 0.1, // giám hộ
  '2.001019': 0.3, // chứng thực di chúc
  '1.012812': 0.2, // hòa giải tranh chấp đất đai
  '1.011607': 0.3, // công nhận hộ nghèo
};

export const fieldWeights: Record<string, number> = {
  'Chứng thực': 3, 'Hộ tịch': 1.5, 'Đăng ký, quản lý cư trú': 1.5, 'Đất đai': 0.5,
};
export const defaultProcedureWeight = 0.3;

/** Share of dossiers submitted online, by year (national reports: roughly a quarter in 2021 to over half in 2025). */
export const onlineShareByYear: Record<number, number> = { 2020: 0.15, 2021: 0.22, 2022: 0.3, 2023: 0.38, 2024: 0.45, 2025: 0.52, 2026: 0.58 };
export function onlineShare(year: number): number {
  return onlineShareByYear[Math.min(2026, Math.max(2020, year))];
}
export const postShare = 0.02;
export const organisationShare = 0.04;

/** At the counter: incomplete (form 02) and refused (form 03) at intake. */
export const intakeIncomplete = 0.03;
export const intakeRefused = 0.004;
/** Online dossiers received in the last working day that are still waiting at the desk. */
export const onlineWaiting = 0.5;

/** During processing (not for same-day procedures): supplement rounds, pauses for financial obligations. */
export const supplement = 0.08;
export const secondSupplement = 0.15;
/** Of supplement requests, the share the applicant never answers (then withdrawn or stopped). */
export const supplementAbandoned = 0.1;
export const pauseLand = 0.25;
export const pauseOther = 0.01;

/** Endings other than a result. */
export const refused = 0.02;
export const withdrawn = 0.008;
export const stopped = 0.003;

/** Timeliness of results: late, on the due day, else early (same-day procedures: late only). */
export const late = 0.05;
export const onDueDay = 0.2;
export const sameDayLate = 0.02;
/** Late dossiers whose applicant received an apology with a new appointment. */
export const apologised = 0.5;

/** Results collected: mean delay in working days, and the share never collected. */
export const returnDelayDays = 1.2;
export const neverCollected = 0.015;

/** Ratings of returned dossiers (Circular 01/2018), by channel, and the levels given. */
export const rated = 0.22;
export const ratingChannels: [string, number][] = [['kiosk', 50], ['online', 30], ['lookup', 20]];
export const ratingLevels: [string, number][] = [['very_satisfied', 52], ['satisfied', 37], ['neutral', 7], ['dissatisfied', 3], ['very_dissatisfied', 1]];

/** Questions asked (one per this many dossiers) and how they end. */
export const dossiersPerQuestion = 60;
export const questionAnswered = 0.88;
export const questionRejected = 0.03;
export const questionPublished = 0.12;

/** Volume by weekday (Mon…Fri) and by month (Jan…Dec): busy before Tết, quiet around it and in summer. */
export const weekdayFactor = [1.15, 1.05, 1, 1, 0.85];
export const monthFactor = [1.15, 0.75, 1.05, 1, 1, 0.95, 0.9, 0.95, 1, 1.05, 1.05, 1.1];

/** Units differ in size: a log-normal weight per unit (wards busier than communes). */
export const unitSpread = 0.6;
export const wardFactor = 1.5;
