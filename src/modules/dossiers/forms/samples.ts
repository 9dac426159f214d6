// Sample data for the forms, full of Vietnamese diacritics: used by the tests and handy for previews.
import type {
  ApologyFormData, ControlSheetFormData, Handover, Issuer, ReceiptFormData, RefusalFormData, RegisterData,
  SupplementRequestFormData,
} from './types.ts';

export const SAMPLE_ISSUER: Issuer = { bodyName: 'UBND PHƯỜNG BỒNG LAI', deskName: 'BỘ PHẬN MỘT CỬA', place: 'Bồng Lai' };
export const SAMPLE_CODE = '000.00.30.H05-260109-0001';
export const SAMPLE_APPLICANT = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '027186001234',
  phone: '0912 345 678',
  email: 'anhtuyet@example.vn',
  address: 'Phường Bồng Lai, tỉnh Bắc Ninh',
};
export const SAMPLE_PROCEDURE = { code: '1.001193', name: 'Đăng ký khai sinh' };
export const SAMPLE_OFFICER = { fullName: 'Đặng Quốc Hưng', phone: '0222 3854 123' };
/** Every tricky letter: tilde and dot below on y, horns, breve, circumflex with tilde, hook above, Đ. */
export const SAMPLE_DIACRITICS = 'ỹ ỵ ữ ặ ẫ ở Ư Ơ Đ';

// 08:05 on 9 Jan 2026 in Vietnam is 01:05 UTC, and still 8 Jan in the Americas.
export const RECEIVED_AT = new Date('2026-01-09T01:05:00Z');
// 17:00 on 16 Jan 2026 in Vietnam.
export const DUE_AT = new Date('2026-01-16T10:00:00Z');

export function sampleReceipt(): ReceiptFormData {
  return {
    issuer: SAMPLE_ISSUER,
    dossierCode: SAMPLE_CODE,
    lookupSecret: 'K7QM-4XPA',
    lookupUrl: 'https://gandan.example.vn/tra-cuu',
    applicant: SAMPLE_APPLICANT,
    procedure: SAMPLE_PROCEDURE,
    caseName: 'Trẻ em sinh ra tại Việt Nam',
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', copyType: 'original', count: 1 },
      { name: 'Giấy chứng sinh', copyType: 'certified_copy', count: 1 },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ', copyType: 'copy', count: 2 },
    ],
    channel: 'counter',
    receivedAt: RECEIVED_AT,
    dueAt: DUE_AT,
    fees: [
      { name: 'Lệ phí đăng ký khai sinh', amountVnd: 0 },
      { name: 'Phí cấp bản sao trích lục', amountVnd: 8000 },
    ],
    officer: SAMPLE_OFFICER,
    note: `Mang theo bản chính khi nhận kết quả (${SAMPLE_DIACRITICS})`,
  };
}

export function sampleSupplementRequest(): SupplementRequestFormData {
  return {
    issuer: SAMPLE_ISSUER,
    number: '12/PYCBS',
    dossierCode: SAMPLE_CODE,
    applicant: SAMPLE_APPLICANT,
    procedure: SAMPLE_PROCEDURE,
    requestedAt: new Date('2026-01-12T03:20:00Z'),
    items: [
      { document: 'Giấy chứng sinh', reason: 'Bản sao chưa được chứng thực' },
      { document: 'Tờ khai đăng ký khai sinh', reason: `Thiếu chữ ký của người đi khai (${SAMPLE_DIACRITICS})` },
    ],
    applicantDeadline: new Date('2026-01-19T10:00:00Z'),
    officer: SAMPLE_OFFICER,
  };
}

export function sampleRefusal(atIntake: boolean): RefusalFormData {
  return {
    issuer: SAMPLE_ISSUER,
    dossierCode: atIntake ? null : SAMPLE_CODE,
    applicant: SAMPLE_APPLICANT,
    procedure: SAMPLE_PROCEDURE,
    decidedAt: new Date('2026-01-13T08:45:00Z'),
    reasons: ['Yêu cầu không thuộc thẩm quyền giải quyết của UBND phường', `Giấy tờ bị tẩy xóa, sửa chữa (${SAMPLE_DIACRITICS})`],
    atIntake,
    officer: atIntake ? SAMPLE_OFFICER : { fullName: 'Lê Thị Phượng', title: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH' },
  };
}

export function sampleApology(): ApologyFormData {
  return {
    issuer: SAMPLE_ISSUER,
    dossierCode: SAMPLE_CODE,
    applicant: SAMPLE_APPLICANT,
    procedure: SAMPLE_PROCEDURE,
    receivedAt: RECEIVED_AT,
    originalDueAt: DUE_AT,
    reason: `Cần xác minh thêm thông tin tại nơi cư trú trước đây (${SAMPLE_DIACRITICS})`,
    newDueAt: new Date('2026-01-21T10:00:00Z'),
    issuedAt: new Date('2026-01-14T02:00:00Z'),
    signer: { fullName: 'Lê Thị Phượng', title: 'Chủ tịch' },
  };
}

/** A control sheet with `count` hand-overs, every third one late. */
export function sampleControlSheet(count = 4): ControlSheetFormData {
  const people = [
    ['Đặng Quốc Hưng', 'Bộ phận Một cửa'],
    ['Trần Văn Ững', 'Công chức Tư pháp - Hộ tịch'],
    ['Lê Thị Phượng', 'Lãnh đạo UBND phường'],
  ];
  const handovers: Handover[] = Array.from({ length: count }, (_, i) => {
    const [fromName, fromUnit] = people[i % 3];
    const [toName, toUnit] = people[(i + 1) % 3];
    const at = new Date(RECEIVED_AT.getTime() + i * 3_600_000 * 5);
    return {
      step: i + 1,
      fromName,
      fromUnit,
      toName,
      toUnit,
      at,
      stepDeadline: new Date(at.getTime() + 86_400_000),
      result: i % 3 === 2 ? 'late' : i % 3 === 1 ? 'on_time' : 'early',
      note: i === 0 ? SAMPLE_DIACRITICS : null,
    };
  });
  return {
    issuer: SAMPLE_ISSUER,
    dossierCode: SAMPLE_CODE,
    applicant: SAMPLE_APPLICANT,
    procedure: SAMPLE_PROCEDURE,
    receivedAt: RECEIVED_AT,
    dueAt: DUE_AT,
    handovers,
    outcome: { result: 'early', finishedAt: new Date('2026-01-15T04:00:00Z'), returnedAt: new Date('2026-01-15T08:30:00Z') },
    printedAt: new Date('2026-01-15T09:00:00Z'),
  };
}

/** A register of `count` rows over January 2026. */
export function sampleRegister(count = 3): RegisterData {
  const names = ['Nguyễn Thị Ánh Tuyết', 'Đặng Quốc Hưng', 'Phạm Thị Ngọc Ẩn'];
  return {
    issuer: SAMPLE_ISSUER,
    unitName: 'Phường Bồng Lai, tỉnh Bắc Ninh',
    from: '2026-01-01',
    to: '2026-01-31',
    rows: Array.from({ length: count }, (_, i) => ({
      ordinal: i + 1,
      code: `000.00.30.H05-2601${String(5 + (i % 20)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
      applicantName: names[i % names.length],
      procedureName: i % 2 ? 'Chứng thực bản sao từ bản chính giấy tờ, văn bản' : 'Đăng ký khai sinh',
      channel: (['counter', 'online', 'post'] as const)[i % 3],
      receivedAt: RECEIVED_AT,
      dueAt: DUE_AT,
      // 00:30 on 1 Feb in Vietnam, still 31 Jan in UTC.
      finishedAt: i === 0 ? new Date('2026-01-31T17:30:00Z') : null,
      returnedAt: null,
      status: i === 0 ? 'Đã có kết quả' : 'Đang giải quyết',
      classification: i === 0 ? 'Quá hạn' : 'Trong hạn',
      note: i === 0 ? SAMPLE_DIACRITICS : null,
    })),
    printedAt: new Date('2026-02-02T02:00:00Z'),
  };
}
