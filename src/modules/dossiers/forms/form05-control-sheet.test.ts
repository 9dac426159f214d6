import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderForm05 } from './form05-control-sheet.ts';
import { sampleControlSheet, SAMPLE_CODE, SAMPLE_DIACRITICS } from './samples.ts';
import { assertContainsAll, PAGE_POINTS, pdfFlatText, pdfInfo, pdfPages, pdfText } from '../../../documents/testing.ts';

test('form 05: A5 control sheet with every hand-over, its times and its result', async () => {
  const pdf = await renderForm05(sampleControlSheet(4));
  const info = pdfInfo(pdf);
  assert.deepEqual({ width: info.width, height: info.height, pages: info.pages }, { ...PAGE_POINTS.A5, pages: 1 });
  assertContainsAll(pdfText(pdf), [
    'UBND PHƯỜNG BỒNG LAI',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Bồng Lai, ngày 15 tháng 01 năm 2026',
    'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    'Kèm theo hồ sơ của: Nguyễn Thị Ánh Tuyết',
    `Mã hồ sơ: ${SAMPLE_CODE}`,
    'Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 09/01/2026',
    'Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 16/01/2026',
    'Bên giao',
    'Bên nhận',
    'Kết quả giải quyết hồ sơ: Trước hạn; có kết quả lúc 11 giờ 00 phút, ngày',
    '15/01/2026; trả kết quả lúc 15 giờ 30 phút, ngày 15/01/2026.',
    'Trang 1/1',
  ]);
  // Table cells, read in drawing order: step, giver (name, unit), receiver, time, deadline, result, note.
  assertContainsAll(pdfFlatText(pdf), [
    `1 Đặng Quốc Hưng Bộ phận Một cửa Trần Văn Ững Công chức Tư pháp - Hộ tịch 09/01/2026 08:05 10/01/2026 08:05 Trước hạn ${SAMPLE_DIACRITICS}`,
    '2 Trần Văn Ững Công chức Tư pháp - Hộ tịch Lê Thị Phượng Lãnh đạo UBND phường 09/01/2026 13:05 10/01/2026 13:05 Đúng hạn',
    '3 Lê Thị Phượng Lãnh đạo UBND phường Đặng Quốc Hưng Bộ phận Một cửa 09/01/2026 18:05 10/01/2026 18:05 Quá hạn',
    // 23:05 in Vietnam, after midnight UTC+7 never: 16:05 UTC on the same 9 January.
    '4 Đặng Quốc Hưng Bộ phận Một cửa Trần Văn Ững Công chức Tư pháp - Hộ tịch 09/01/2026 23:05',
  ]);
});

test('form 05: a long history continues on new pages, each with the header row and a page number', async () => {
  const pdf = await renderForm05({ ...sampleControlSheet(40), outcome: null });
  const pages = pdfPages(pdf);
  assert.ok(pages.length >= 2, `expected several pages, got ${pages.length}`);
  assert.equal(pdfInfo(pdf).pages, pages.length);
  pages.forEach((page, i) => {
    assert.ok(page.includes('Bên giao') && page.includes('Bên nhận'), `header row on page ${i + 1}`);
    assert.ok(page.includes(`Trang ${i + 1}/${pages.length}`), `page number on page ${i + 1}`);
  });
  assert.ok(pages.at(-1)!.includes('Kết quả giải quyết hồ sơ: đang giải quyết.'));
});
