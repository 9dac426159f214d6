import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createPdf, drawTable, FONT, fontPath, nationalHeader, numberPages, pdfBuffer, qrPng, signatures, write,
} from './index.ts';
import { assertContainsAll, imageShowsQr, PAGE_POINTS, pdfFlatText, pdfImages, pdfInfo, pdfPages, pdfText } from './testing.ts';

const issuer = { bodyName: 'UBND PHƯỜNG BỒNG LAI', deskName: 'BỘ PHẬN MỘT CỬA', place: 'Bồng Lai' };

test('the fonts ship with the project, with their OFL licence', () => {
  for (const name of Object.values(FONT)) assert.ok(existsSync(fontPath(name)), name);
  assert.ok(existsSync(join(dirname(fontPath(FONT.regular)), '..', 'LICENSE_FONT')), 'LICENSE_FONT beside the fonts');
});

test('national header, sizes, NFC and embedded fonts', async () => {
  const doc = createPdf({ size: 'A4', title: 'Thử nghiệm', createdAt: new Date('2026-01-09T01:05:00Z') });
  nationalHeader(doc, issuer, { number: '05/TB-UBND', date: new Date('2026-03-04T20:00:00Z') });
  write(doc, 'Đặng Quốc Hưng — ỹ ỵ ữ ặ ẫ ở Ư Ơ Đ'.normalize('NFD'));
  const pdf = await pdfBuffer(doc);
  const info = pdfInfo(pdf);
  assert.deepEqual({ width: info.width, height: info.height }, PAGE_POINTS.A4);
  assert.equal(info.fields.Title, 'Thử nghiệm');
  assertContainsAll(pdfText(pdf), [
    'UBND PHƯỜNG BỒNG LAI',
    'BỘ PHẬN MỘT CỬA',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 05/TB-UBND',
    // 20:00 UTC on 4 March is 03:00 on 5 March in Vietnam; "tháng 3" takes no leading zero.
    'Bồng Lai, ngày 05 tháng 3 năm 2026',
    'Đặng Quốc Hưng —',
  ]);
  assert.ok(pdfFlatText(pdf).includes('ỹ ỵ ữ ặ ẫ ở Ư Ơ Đ'));
});

test('rendering reads no clock: the same input gives the same bytes', async () => {
  const render = async (): Promise<Buffer> => {
    const doc = createPdf({ size: 'A5', createdAt: new Date('2026-01-09T01:05:00Z') });
    nationalHeader(doc, issuer);
    return pdfBuffer(doc);
  };
  assert.ok((await render()).equals(await render()));
});

test('every document maps its glyphs to text afresh (a glyph first met inside another keeps its letter)', async () => {
  // "ọ" is drawn from the glyph of "o"; a font shared between documents would lose the "o" of the second one.
  const render = async (text: string): Promise<Buffer> => {
    const doc = createPdf({ size: 'A5', createdAt: new Date(0) });
    write(doc, text);
    return pdfBuffer(doc);
  };
  await render('Họ Bộ ọ');
  assert.ok(pdfText(await render('Không có hồ sơ nào trong kỳ.')).includes('Không có hồ sơ nào trong kỳ.'));
});

test('tables repeat their header row on every page; pages are numbered "Trang i/n"', async () => {
  const doc = createPdf({ size: 'A5', createdAt: new Date(0) });
  drawTable(doc, {
    columns: [{ header: 'STT', weight: 1 }, { header: 'Họ và tên', weight: 5 }],
    rows: Array.from({ length: 80 }, (_, i) => [String(i + 1), `Nguyễn Văn Ước ${i + 1}`]),
  });
  signatures(doc, [{ role: 'Người lập', hint: '(Ký và ghi rõ họ tên)', name: 'Đặng Quốc Hưng' }]);
  numberPages(doc);
  const pages = pdfPages(await pdfBuffer(doc));
  assert.ok(pages.length >= 3);
  pages.forEach((page, i) => {
    assert.ok(page.includes('Họ và tên'), `header on page ${i + 1}`);
    assert.ok(page.includes(`Trang ${i + 1}/${pages.length}`), `number on page ${i + 1}`);
  });
  const all = pages.join('\n');
  for (let i = 1; i <= 80; i++) assert.ok(all.includes(`Nguyễn Văn Ước ${i}\n`) || all.includes(`Nguyễn Văn Ước ${i} `), `row ${i}`);
  assertContainsAll(pages.at(-1)!, ['NGƯỜI LẬP', 'Đặng Quốc Hưng']);
});

test('qrPng draws the QR code of its text', async () => {
  const doc = createPdf({ size: 'A5', createdAt: new Date(0) });
  doc.image(await qrPng('000.00.30.H05-260109-0001'), 50, 50, { width: 80 });
  const [image] = pdfImages(await pdfBuffer(doc));
  assert.ok(imageShowsQr(image, '000.00.30.H05-260109-0001'));
  assert.ok(!imageShowsQr(image, '000.00.30.H05-260109-0002'));
});

test('without poppler-utils the PDF checks fail with a clear message', async () => {
  const pdf = await pdfBuffer(createPdf({ size: 'A5', createdAt: new Date(0) }));
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    assert.throws(() => pdfText(pdf), /pdftotext not found.*apt-get install -y poppler-utils/s);
  } finally {
    process.env.PATH = path;
  }
});
