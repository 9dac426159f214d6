import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderForm03 } from './form03-refusal.ts';
import { sampleRefusal, SAMPLE_CODE, SAMPLE_DIACRITICS } from './samples.ts';
import { assertContainsAll, PAGE_POINTS, pdfInfo, pdfText } from '../../../documents/testing.ts';

const common = [
  'UBND PHƯỜNG BỒNG LAI',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  // 08:45 UTC on 13 Jan is 15:45 in Vietnam, same day.
  'Bồng Lai, ngày 13 tháng 01 năm 2026',
  'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
  'Ông/Bà/Tổ chức: Nguyễn Thị Ánh Tuyết',
  'Thủ tục hành chính: Đăng ký khai sinh (mã 1.001193)',
  '1.',
  'Yêu cầu không thuộc thẩm quyền giải quyết của UBND phường',
  '2.',
  SAMPLE_DIACRITICS,
];

test('form 03 at the counter: refusal to receive, signed by the desk officer', async () => {
  const pdf = await renderForm03(sampleRefusal(true));
  const info = pdfInfo(pdf);
  assert.deepEqual({ width: info.width, height: info.height }, PAGE_POINTS.A5);
  const text = pdfText(pdf);
  assertContainsAll(text, [...common, '(Từ chối tiếp nhận hồ sơ)', 'Qua kiểm tra, hồ sơ không đủ điều kiện tiếp nhận.', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Đặng Quốc Hưng']);
  assert.ok(!text.includes('Mã hồ sơ'), 'a dossier refused at the counter has no code');
});

test('form 03 after appraisal: refusal to process, signed by the leader with the dossier code', async () => {
  const text = pdfText(await renderForm03(sampleRefusal(false)));
  assertContainsAll(text, [
    ...common,
    `(Từ chối giải quyết hồ sơ) — Mã hồ sơ: ${SAMPLE_CODE}`,
    'Qua thẩm định, hồ sơ không đủ điều kiện giải quyết.',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Lê Thị Phượng',
  ]);
});
