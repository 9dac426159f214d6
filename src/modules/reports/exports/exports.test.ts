import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { pdfFlatText } from '../../../documents/testing.ts';
import { emptySums, table06Of } from '../domain/indicators.ts';
import type { NarrativeDocument } from '../domain/narrative.ts';
import { totalOf, type Table06 } from '../domain/table06.ts';
import { documentXml, narrativeDocx } from './docx.ts';
import { narrativePdf } from './narrative-pdf.ts';
import { table06Csv, table06Xlsx } from './table06.ts';

/** Tags open and close in order, attributes are quoted, and the only entities are the five predefined ones. */
function assertWellFormed(xml: string, name: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g)) {
    if (m[0] === '<' || m[0] === '&') assert.fail(`${name}: stray "${m[0]}" at ${m.index}`);
    if (m[4]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `${name}: </${m[2]}> closes the wrong element at ${m.index}`);
    else stack.push(m[2]);
  }
  assert.deepEqual(stack, [], `${name}: unclosed elements`);
}

const doc: NarrativeDocument = {
  issuer: { bodyName: 'Ủy ban nhân dân', deskName: 'Phường Bồng Lai', place: 'Bồng Lai' },
  title: 'Báo cáo',
  subtitle: 'Kết quả giải quyết thủ tục hành chính & mức độ hài lòng <năm 2021>',
  date: '2022-01-10',
  blocks: [
    { kind: 'heading', text: 'I. Kết quả tiếp nhận, giải quyết hồ sơ' },
    { kind: 'paragraph', text: 'Năm 2021, Trung tâm tiếp nhận và giải quyết 58.081 lượt hồ sơ; mức độ hài lòng về thái độ làm việc đạt 95,6%.' },
    { kind: 'table', caption: 'Bảng 1', columns: ['Lĩnh vực', 'Tiếp nhận'], numeric: [false, true], rows: [['Hộ tịch', '58.081']] },
  ],
};

describe('report exports', () => {
  test('the DOCX is a well-formed Office Open XML package, the same bytes for the same report', async () => {
    const createdAt = new Date('2022-01-10T02:00:00Z');
    const bytes = await narrativeDocx(doc, createdAt);
    assert.deepEqual(await narrativeDocx(doc, createdAt), bytes);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    assert.equal(names[0], '[Content_Types].xml');
    assert.ok(names.every((n) => !n.endsWith('/')), 'no folder entries');
    for (const name of names) assertWellFormed(await zip.file(name)!.async('string'), name);
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /58\.081 lượt hồ sơ; mức độ hài lòng về thái độ làm việc đạt 95,6%/);
    assert.match(xml, /&amp; mức độ hài lòng &lt;năm 2021&gt;/);
    assert.match(xml, /<w:sectPr><w:pgSz w:w="11906" w:h="16838"\/>/);
    assert.match(await zip.file('docProps/core.xml')!.async('string'), /<dcterms:created xsi:type="dcterms:W3CDTF">2022-01-10T02:00:00Z</);
    assert.doesNotMatch(documentXml(doc), /<w:pPr><w:jc[^>]*\/><w:spacing/, 'spacing comes before jc');
  });

  test('the narrative PDF carries the text with Vietnamese diacritics', async () => {
    const text = pdfFlatText(await narrativePdf(doc, new Date('2022-01-10T02:00:00Z')));
    for (const s of ['ỦY BAN NHÂN DÂN', 'PHƯỜNG BỒNG LAI', 'BÁO CÁO', 'tiếp nhận và giải quyết 58.081 lượt hồ sơ', 'đạt 95,6%', 'Bồng Lai, ngày 10 tháng 01 năm 2022']) {
      assert.ok(text.includes(s), `${s} in ${text}`);
    }
  });

  const table: Table06 = (() => {
    const rows = [
      { key: 'a', label: 'Hộ tịch', figures: table06Of({ ...emptySums(), receivedCounter: 5, receivedOnline: 2, resolvedEarly: 3, receivedBefore: 1 }) },
      { key: 'b', label: 'Chứng thực, "bản sao"', figures: table06Of({ ...emptySums(), receivedPost: 1, resolvedLate: 1, withdrawn: 0 }) },
    ];
    return { groupBy: 'field', rows, total: totalOf(rows) };
  })();

  test('XLSX: two merged header rows, column numbers, numbers as numbers', async () => {
    const bytes = await table06Xlsx({
      table, issuer: doc.issuer, unitName: 'Phường Bồng Lai', periodLine: 'Quý I năm 2026', createdAt: new Date('2026-04-01T00:00:00Z'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    for (const range of ['C6:F6', 'G6:J6', 'K6:M6', 'A6:A7', 'B6:B7']) assert.ok(merges.includes(range), `${range} in ${merges.join(' ')}`);
    assert.equal(sheet.getCell('C6').value, 'Số hồ sơ nhận giải quyết');
    assert.equal(sheet.getCell('D7').value, 'Số kỳ trước chuyển qua');
    assert.equal(sheet.getCell('M8').value, '(13)');
    assert.deepEqual([9, 10, 11].map((r) => sheet.getRow(r).getCell(2).value), ['Hộ tịch', 'Chứng thực, "bản sao"', 'Tổng cộng']);
    // Column 3 = carried over + new: 1 + 7 for Hộ tịch.
    assert.deepEqual(Array.from({ length: 11 }, (_, i) => sheet.getRow(11).getCell(i + 3).value), [9, 1, 2, 6, 4, 3, 0, 1, 5, 5, 0]);
  });

  test('CSV quotes what needs quoting and ends with the totals', () => {
    const lines = table06Csv(table).replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[2], '2,"Chứng thực, ""bản sao""",,1,0,0,1,1,0,0,1,0,0,0,0,0');
    assert.equal(lines[3], ',Tổng cộng,,9,1,2,6,4,3,0,1,5,5,0,0,0');
  });
});
