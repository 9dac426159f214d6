import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readCsv, writeCsv } from './csv.ts';
import {
  buildCatalogueTemplateCsv,
  buildCatalogueTemplateXlsx,
  catalogueTemplateColumns,
  parseCatalogueTemplateCsv,
  parseCatalogueTemplateXlsx,
} from './template.ts';

const keys = catalogueTemplateColumns.map((c) => c.key);

/** A data row by column key, in template order. */
function row(values: Partial<Record<(typeof keys)[number], string>>): string[] {
  return keys.map((k) => values[k] ?? '');
}

function filledCsv(...rows: string[][]): string {
  return writeCsv([...readCsv(buildCatalogueTemplateCsv()), ...rows]);
}

const birth = row({
  code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã',
  processing_kind: 'trong ngày', fee_vnd: 'Miễn phí',
  documents: 'Tờ khai đăng ký khai sinh (01 bản chính)\nGiấy chứng sinh (bản chính)\nVăn bản ủy quyền (nếu có)',
  channels: 'trực tiếp; bưu chính; trực tuyến', online_level: 'toàn trình', implementing_body: 'UBND cấp xã',
  decision_number: '163/QĐ-BTP', result: 'Giấy khai sinh',
});

describe('the template', () => {
  test('columns', () => {
    assert.deepEqual(keys.slice(0, 10), ['code', 'name', 'field', 'level', 'case_name', 'processing_amount',
      'processing_kind', 'fee_vnd', 'fee_note', 'documents']);
    assert.ok(keys.includes('online_level') && keys.includes('on_the_spot'));
    assert.ok(catalogueTemplateColumns.every((c) => c.headerVi && c.headerEn && c.hintVi && c.hintEn));
  });

  test('CSV: BOM, Vietnamese header row, English header row', () => {
    const csv = buildCatalogueTemplateCsv();
    assert.ok(csv.startsWith('\uFEFFMã thủ tục,Tên thủ tục,'));
    const [vi, en] = readCsv(csv);
    assert.equal(vi[7], 'Phí, lệ phí (đồng)');
    assert.equal(en[0], 'Procedure code');
    assert.equal(vi.length, catalogueTemplateColumns.length);
  });

  test('XLSX: same headers, notes and a guide sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildCatalogueTemplateXlsx()) as unknown as ArrayBuffer);
    const [sheet, guide] = workbook.worksheets;
    assert.equal(sheet.getRow(1).getCell(1).text, 'Mã thủ tục');
    assert.equal(sheet.getRow(2).getCell(1).text, 'Procedure code');
    assert.match(String(sheet.getRow(1).getCell(7).note), /ngày làm việc/);
    assert.equal(guide.name, 'Hướng dẫn - Guide');
    // The empty template reads back as no procedures and no errors.
    assert.deepEqual(await parseCatalogueTemplateXlsx(await buildCatalogueTemplateXlsx()), { procedures: [], errors: [] });
  });
});

describe('reading a filled template', () => {
  test('a procedure with two cases', () => {
    const late = row({ code: '1.001193', case_name: 'Đăng ký khai sinh quá hạn', processing_amount: '0,5',
      processing_kind: 'ngày làm việc', fee_vnd: '70.000', fee_note: 'theo Nghị quyết HĐND tỉnh' });
    const { procedures, errors } = parseCatalogueTemplateCsv(filledCsv(birth, late));
    assert.deepEqual(errors, []);
    assert.equal(procedures.length, 1);
    const [p] = procedures;
    assert.deepEqual([p.code, p.name, p.field, p.levels, p.decisionNumber], ['1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', ['commune'], '163/QĐ-BTP']);
    assert.deepEqual(p.channels, ['in_person', 'post', 'online']);
    assert.equal(p.onlineLevel, 'full');
    assert.equal(p.onTheSpot, true, 'same day with on_the_spot left empty');
    assert.deepEqual(p.cases.map((c) => [c.name, c.processingTime, c.fee?.amountVnd]), [
      [null, { amount: 0, kind: 'same_day' }, 0],
      ['Đăng ký khai sinh quá hạn', { amount: 0.5, kind: 'working_days' }, 70000],
    ]);
    assert.equal(p.cases[1].processingTimeText, '0,5 ngày làm việc');
    assert.equal(p.cases[1].fee?.feeText, '70.000');
    assert.deepEqual(p.cases[0].documents.map((d) => [d.name, d.copyType, d.count, d.required]), [
      ['Tờ khai đăng ký khai sinh', 'original', 1, true],
      ['Giấy chứng sinh', 'original', null, true],
      ['Văn bản ủy quyền (nếu có)', null, null, false],
    ]);
  });

  test('per-row errors name the row, the column and say it in Vietnamese', () => {
    const bad = row({ code: '9.000001', name: 'Thủ tục thử', level: 'Cấp huyện', processing_amount: '20', fee_vnd: '20',
      online_level: 'một phần', on_the_spot: 'có lẽ', channels: 'fax' });
    const { procedures, errors } = parseCatalogueTemplateCsv(filledCsv(birth, bad));
    assert.deepEqual(procedures.map((p) => p.code), ['1.001193'], 'the valid procedure is still returned');
    assert.deepEqual(errors.map((e) => [e.row, e.field]), [
      [4, 'processing_kind'], [4, 'fee_vnd'], [4, 'online_partial_reason'], [4, 'on_the_spot'], [4, 'level'], [4, 'channels'],
    ]);
    assert.match(errors[0].message, /unit missing/);
    assert.match(errors[0].messageVi, /thiếu đơn vị/);
    assert.match(errors[1].messageVi, /nhỏ hơn 1\.000 đồng/);
  });

  test('a time typed with its unit in the amount cell is accepted', () => {
    const { procedures, errors } = parseCatalogueTemplateCsv(
      filledCsv(row({ code: 'T.1', name: 'Thủ tục', processing_amount: '20 ngày làm việc', fee_vnd: '70,000' })),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(procedures[0].cases[0].processingTime, { amount: 20, kind: 'working_days' });
    assert.equal(procedures[0].cases[0].fee?.amountVnd, 70000);
    assert.equal(procedures[0].onlineLevel, 'unknown');
  });

  test('missing code, conflicting repeated cells and duplicate cases', () => {
    const noCode = row({ name: 'Không mã' });
    const conflict = row({ code: '1.001193', name: 'Tên khác', processing_kind: 'trong ngày' });
    const { procedures, errors } = parseCatalogueTemplateCsv(filledCsv(birth, noCode, conflict));
    assert.deepEqual(errors.map((e) => [e.row, e.field]), [[4, 'code'], [5, 'name'], [5, 'case_name']]);
    assert.match(errors[1].message, /differs from row 3/);
    assert.deepEqual(procedures, [], 'a procedure with an error in any of its rows is left out');
  });

  test('headers are matched by name, so columns may be reordered or the English row dropped', () => {
    const text = writeCsv([['Tên thủ tục', 'Mã thủ tục', 'Đơn vị thời hạn', 'Thời hạn giải quyết (số)'], ['Chứng thực chữ ký', '2.000884', 'giờ làm việc', '4']]);
    const { procedures, errors } = parseCatalogueTemplateCsv(text);
    assert.deepEqual(errors, []);
    assert.deepEqual([procedures[0].code, procedures[0].cases[0].processingTime], ['2.000884', { amount: 4, kind: 'working_hours' }]);
    const missing = parseCatalogueTemplateCsv(writeCsv([['Tên thủ tục'], ['x']]));
    assert.deepEqual(missing.errors.map((e) => [e.row, e.field]), [[1, 'header']]);
    assert.match(missing.errors[0].messageVi, /thiếu cột bắt buộc: "Mã thủ tục"/);
  });

  test('XLSX filled in Excel, with numbers and a multi-line cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildCatalogueTemplateXlsx()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    sheet.getRow(3).values = ['1.000656', 'Thủ tục đăng ký khai tử', 'Hộ tịch', 'Cấp xã', '', 1, 'ngày làm việc', 0, '',
      'Giấy báo tử (bản chính)\nVăn bản ủy quyền (nếu có)', 'trực tiếp', '', '', 'không'];
    const filled = Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const { procedures, errors } = await parseCatalogueTemplateXlsx(filled);
    assert.deepEqual(errors, []);
    const [p] = procedures;
    assert.deepEqual(p.cases[0].processingTime, { amount: 1, kind: 'working_days' });
    assert.equal(p.cases[0].fee?.status, 'free');
    assert.equal(p.cases[0].documents.length, 2);
    assert.equal(p.onTheSpot, false);
  });

  test('a file that is not XLSX is an error, not an exception', async () => {
    const { errors } = await parseCatalogueTemplateXlsx(Buffer.from('not a workbook'));
    assert.deepEqual(errors.map((e) => e.field), ['header']);
  });
});
