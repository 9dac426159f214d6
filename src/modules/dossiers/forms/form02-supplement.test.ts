import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderForm02 } from './form02-supplement.ts';
import { sampleSupplementRequest, SAMPLE_CODE, SAMPLE_DIACRITICS } from './samples.ts';
import { assertContainsAll, PAGE_POINTS, pdfFlatText, pdfInfo, pdfText, squash } from '../../../documents/testing.ts';

test('form 02: A5 supplement request listing every missing item with its reason', async () => {
  const pdf = await renderForm02(sampleSupplementRequest());
  const info = pdfInfo(pdf);
  assert.deepEqual({ width: info.width, height: info.height, pages: info.pages }, { ...PAGE_POINTS.A5, pages: 1 });
  const text = pdfText(pdf);
  assertContainsAll(text, [
    'UBND PHƯỜNG BỒNG LAI',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 12/PYCBS',
    'Bồng Lai, ngày 12 tháng 01 năm 2026',
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    `Mã hồ sơ: ${SAMPLE_CODE}`,
    'Ông/Bà/Tổ chức: Nguyễn Thị Ánh Tuyết',
    'Thủ tục hành chính: Đăng ký khai sinh (mã 1.001193)',
    'Giấy tờ cần bổ sung, hoàn thiện',
    'Thời hạn bổ sung, hoàn thiện hồ sơ: trước 17 giờ 00 phút, ngày 19/01/2026',
    'NGƯỜI HƯỚNG DẪN',
    'Đặng Quốc Hưng',
  ]);
  assertContainsAll(pdfFlatText(pdf), [
    '1 Giấy chứng sinh Bản sao chưa được chứng thực',
    `2 Tờ khai đăng ký khai sinh Thiếu chữ ký của người đi khai (${SAMPLE_DIACRITICS})`,
  ]);
  assert.ok(squash(text).includes('Ông/Bà liên hệ Đặng Quốc Hưng, số điện thoại 0222 3854 123, để được hướng dẫn'));
});

test('form 02: without a number or code the number line is left to fill in by hand', async () => {
  const pdf = await renderForm02({ ...sampleSupplementRequest(), number: null, dossierCode: null, applicantDeadline: null });
  const text = pdfText(pdf);
  assertContainsAll(text, ['Số: ………', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ']);
  assert.ok(!text.includes('Mã hồ sơ'));
  assert.ok(!text.includes('Thời hạn bổ sung'));
});
