import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { renderForm01, receiptQrText } from './form01-receipt.ts';
import { sampleReceipt, SAMPLE_CODE, SAMPLE_DIACRITICS } from './samples.ts';
import { assertContainsAll, imageShowsQr, PAGE_POINTS, pdfFlatText, pdfImages, pdfInfo, pdfPages, pdfText } from '../../../documents/testing.ts';

test('form 01: A5 receipt with the national header, every field and every diacritic', async () => {
  const pdf = await renderForm01(sampleReceipt());
  const info = pdfInfo(pdf);
  assert.deepEqual({ width: info.width, height: info.height, pages: info.pages }, { ...PAGE_POINTS.A5, pages: 1 });
  assertContainsAll(pdfText(pdf), [
    'UBND PHƯỜNG BỒNG LAI',
    'BỘ PHẬN MỘT CỬA',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Bồng Lai, ngày 09 tháng 01 năm 2026',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    `Mã hồ sơ: ${SAMPLE_CODE}`,
    'Mã tra cứu: K7QM-4XPA',
    'Ông/Bà/Tổ chức: Nguyễn Thị Ánh Tuyết',
    'Số định danh cá nhân: 027186001234',
    'Địa chỉ: Phường Bồng Lai, tỉnh Bắc Ninh',
    'Số điện thoại: 0912 345 678',
    'Thủ tục hành chính: Đăng ký khai sinh (mã 1.001193)',
    'Trường hợp: Trẻ em sinh ra tại Việt Nam',
    'Hình thức nộp: Trực tiếp',
    // Vietnamese time (UTC+7), whatever the process time zone.
    '2. Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 09/01/2026',
    '3. Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 16/01/2026',
    'Phí cấp bản sao trích lục: 8.000 đồng',
    'Tổng cộng: 8.000 đồng',
    `Ghi chú: Mang theo bản chính khi nhận kết quả (${SAMPLE_DIACRITICS})`,
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    'Đặng Quốc Hưng',
  ]);
  assertContainsAll(pdfFlatText(pdf), [
    'STT Tên giấy tờ Hình thức Số lượng',
    '1 Tờ khai đăng ký khai sinh Bản chính 1',
    '2 Giấy chứng sinh Bản sao chứng thực 1',
    '3 Giấy chứng nhận kết hôn của cha, mẹ Bản sao 2',
  ]);
  assert.equal(info.fields.Title, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
});

test('form 01: the QR code holds the lookup page with the dossier code, never the secret', async () => {
  const data = sampleReceipt();
  const expected = `https://gandan.example.vn/tra-cuu?code=${SAMPLE_CODE}`;
  assert.equal(receiptQrText(data), expected);
  const images = pdfImages(await renderForm01(data));
  assert.equal(images.length, 1);
  assert.ok(imageShowsQr(images[0], expected), 'the embedded image is the QR code of the lookup URL');
  assert.ok(!imageShowsQr(images[0], SAMPLE_CODE));
  assert.equal(receiptQrText({ dossierCode: SAMPLE_CODE, lookupUrl: null }), SAMPLE_CODE);
  assert.equal(receiptQrText({ dossierCode: SAMPLE_CODE, lookupUrl: 'not a url' }), SAMPLE_CODE);
});

test('form 01: a corrected receipt says "cấp lại lần N" with the reason', async () => {
  const pdf = await renderForm01({ ...sampleReceipt(), reissue: { number: 2, reason: 'Sửa họ tên người nộp hồ sơ' } });
  assertContainsAll(pdfText(pdf), ['(Cấp lại lần 2)', 'Lý do cấp lại: Sửa họ tên người nộp hồ sơ', 'thay thế giấy tiếp nhận']);
});

test('form 01: decomposed (NFD) input prints as NFC; no fees prints "không thu"', async () => {
  const data = sampleReceipt();
  const pdf = await renderForm01({
    ...data,
    applicant: { fullName: 'Nguyễn Thị Ánh Tuyết'.normalize('NFD') },
    fees: [],
  });
  const text = pdfText(pdf);
  assertContainsAll(text, ['Ông/Bà/Tổ chức: Nguyễn Thị Ánh Tuyết', '4. Phí, lệ phí: không thu.']);
  assert.ok(!text.includes('Số định danh cá nhân'), 'unknown details are left out');
});

test('form 01: a long checklist runs onto a second page with the header row and page numbers', async () => {
  const documents = Array.from({ length: 30 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}`, copyType: 'copy' as const, count: 1 }));
  const pages = pdfPages(await renderForm01({ ...sampleReceipt(), documents }));
  assert.equal(pages.length, 2);
  pages.forEach((page, i) => {
    assert.ok(page.includes('Tên giấy tờ'), `header row on page ${i + 1}`);
    assert.ok(page.includes(`Trang ${i + 1}/2`), `page number on page ${i + 1}`);
  });
  assertContainsAll(pages[1], ['Giấy tờ số 30', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Đặng Quốc Hưng']);
});

test('form 01: the same data renders the same bytes, in a fresh process and in any time zone', async () => {
  const a = await renderForm01(sampleReceipt());
  const b = await renderForm01(sampleReceipt());
  assert.ok(a.equals(b));
  // A new process (fonts parsed afresh) in time zones 26 hours apart renders the very same file.
  const script =
    `const f = await import(${JSON.stringify(new URL('./index.ts', import.meta.url).href)});` +
    `const s = await import(${JSON.stringify(new URL('./samples.ts', import.meta.url).href)});` +
    'process.stdout.write((await f.renderForm01(s.sampleReceipt())).toString("base64"));';
  for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    assert.ok(Buffer.from(out, 'base64').equals(a), `same bytes with TZ=${tz}`);
  }
});
