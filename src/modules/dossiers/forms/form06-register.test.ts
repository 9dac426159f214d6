import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { renderRegisterPdf, renderRegisterXlsx } from './form06-register.ts';
import { sampleRegister, SAMPLE_DIACRITICS } from './samples.ts';
import { assertContainsAll, PAGE_POINTS, pdfFlatText, pdfInfo, pdfPages, pdfText } from '../../../documents/testing.ts';

test('form 06 PDF: A4 landscape register with the national header, the period and every row', async () => {
  const pdf = await renderRegisterPdf(sampleRegister(3));
  const info = pdfInfo(pdf);
  assert.deepEqual({ width: info.width, height: info.height }, { width: PAGE_POINTS.A4.height, height: PAGE_POINTS.A4.width });
  assertContainsAll(pdfText(pdf), [
    'UBND PHƯỜNG BỒNG LAI',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Bồng Lai, ngày 02 tháng 02 năm 2026',
    'SỔ THEO DÕI HỒ SƠ',
    'Phường Bồng Lai, tỉnh Bắc Ninh — Từ ngày 01/01/2026 đến ngày 31/01/2026',
    'Mã hồ sơ',
    'Thủ tục hành chính',
    '000.00.30.H05-260105-0001',
    'Tổng số: 3 hồ sơ.',
    'Trang 1/1',
  ]);
  // Whole rows, cell after cell. 17:30 UTC on 31 Jan is 00:30 on 1 Feb in Vietnam.
  assertContainsAll(pdfFlatText(pdf), [
    `1 000.00.30.H05-260105-0001 Nguyễn Thị Ánh Tuyết Đăng ký khai sinh Trực tiếp 09/01/2026 08:05 16/01/2026 17:00 01/02/2026 00:30 Đã có kết quả Quá hạn ${SAMPLE_DIACRITICS}`,
    '2 000.00.30.H05-260106-0002 Đặng Quốc Hưng Chứng thực bản sao từ bản chính giấy tờ, văn bản Trực tuyến 09/01/2026 08:05 16/01/2026 17:00 Đang giải quyết Trong hạn',
    '3 000.00.30.H05-260107-0003 Phạm Thị Ngọc Ẩn Đăng ký khai sinh Qua dịch vụ bưu chính',
  ]);
});

test('form 06 PDF: a long register repeats the header row and numbers its pages', async () => {
  const pdf = await renderRegisterPdf(sampleRegister(60));
  const pages = pdfPages(pdf);
  assert.ok(pages.length >= 3, `expected at least 3 pages, got ${pages.length}`);
  pages.forEach((page, i) => {
    assert.ok(page.includes('Mã hồ sơ') && page.includes('Thủ tục hành chính'), `header row on page ${i + 1}`);
    assert.ok(page.includes(`Trang ${i + 1}/${pages.length}`), `page number on page ${i + 1}`);
  });
  assert.ok(pages.at(-1)!.includes('Tổng số: 60 hồ sơ.'));
});

test('form 06 PDF: an empty period says so', async () => {
  assertContainsAll(pdfText(await renderRegisterPdf(sampleRegister(0))), ['SỔ THEO DÕI HỒ SƠ', 'Không có hồ sơ nào trong kỳ.']);
});

test('form 06 XLSX: titles, bold Vietnamese header frozen, real dates in Vietnamese wall time', async () => {
  const workbook = new ExcelJS.Workbook();
  const bytes = await renderRegisterXlsx(sampleRegister(3));
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.getWorksheet('Sổ theo dõi hồ sơ');
  assert.ok(sheet, 'worksheet named in Vietnamese');
  assert.equal(sheet.getCell('A1').value, 'UBND PHƯỜNG BỒNG LAI — BỘ PHẬN MỘT CỬA');
  assert.equal(sheet.getCell('A2').value, 'SỔ THEO DÕI HỒ SƠ');
  assert.equal(sheet.getCell('A3').value, 'Phường Bồng Lai, tỉnh Bắc Ninh');
  assert.equal(sheet.getCell('A4').value, 'Từ ngày 01/01/2026 đến ngày 31/01/2026');

  const header = sheet.getRow(6);
  assert.deepEqual((header.values as unknown[]).slice(1), [
    'STT', 'Mã hồ sơ', 'Người nộp hồ sơ', 'Thủ tục hành chính', 'Kênh nộp', 'Ngày nhận', 'Hẹn trả kết quả',
    'Ngày có kết quả', 'Ngày trả kết quả', 'Trạng thái', 'Kết quả xử lý', 'Ghi chú',
  ]);
  assert.equal(header.getCell(2).font?.bold, true);
  assert.equal(sheet.views[0]?.state, 'frozen');
  assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 6);
  assert.ok((sheet.getColumn(4).width ?? 0) >= 30, 'procedure column is wide');

  const first = sheet.getRow(7);
  assert.equal(first.getCell(1).value, 1);
  assert.equal(first.getCell(2).value, '000.00.30.H05-260105-0001');
  assert.equal(first.getCell(3).value, 'Nguyễn Thị Ánh Tuyết');
  assert.equal(first.getCell(5).value, 'Trực tiếp');
  // Excel shows the stored wall clock: 08:05 on 9 Jan and 00:30 on 1 Feb, Vietnamese time.
  const received = first.getCell(6).value;
  assert.ok(received instanceof Date, 'received date is a real date');
  assert.equal(received.toISOString(), '2026-01-09T08:05:00.000Z');
  assert.equal((first.getCell(8).value as Date).toISOString(), '2026-02-01T00:30:00.000Z');
  assert.equal(first.getCell(6).numFmt, 'dd/mm/yyyy hh:mm');
  assert.equal(first.getCell(9).value, null);
  assert.equal(first.getCell(12).value, SAMPLE_DIACRITICS);
  assert.equal(sheet.getRow(9).getCell(3).value, 'Phạm Thị Ngọc Ẩn');
  assert.equal(sheet.getRow(9).getCell(5).value, 'Qua dịch vụ bưu chính');
});
