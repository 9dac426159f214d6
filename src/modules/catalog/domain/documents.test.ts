import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCatalogueDocuments, parseDocumentLine, splitFormFile } from './documents.ts';

const TABLE = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

describe('parseCatalogueDocuments', () => {
  test('groups, items, counts and copy types', () => {
    const { documents, notes } = parseCatalogueDocuments(
      `* Giấy tờ phải nộp:${TABLE}- Tờ khai đăng ký khai sinh theo mẫu;1 bản chính,1 bản sao`
      + `- Văn bản ủy quyền (nếu có).1 bản chính`
      + `Trường hợp đã nộp bản điện tử thì không phải nộp bản giấy.0 bản chính`
      + `+ Bản sao giấy tờ tùy thân2 bản sao`
      + `* Giấy tờ phải xuất trình:${TABLE}- Hộ chiếu hoặc thẻ căn cước.1 bản chính`,
    );
    assert.deepEqual(documents.map((d) => [d.name, d.copyType, d.count, d.group, d.required, d.presentOnly]), [
      ['Tờ khai đăng ký khai sinh theo mẫu;', 'either', 1, 'Giấy tờ phải nộp', true, false],
      ['Văn bản ủy quyền (nếu có).', 'original', 1, 'Giấy tờ phải nộp', false, false],
      ['Bản sao giấy tờ tùy thân', 'copy', 2, 'Giấy tờ phải nộp', true, false],
      ['Hộ chiếu hoặc thẻ căn cước.', 'original', 1, 'Giấy tờ phải xuất trình', true, true],
    ]);
    assert.equal(documents[0].originalCount, 1);
    assert.equal(documents[0].copyCount, 1);
    assert.equal(documents[0].quantityText, '1 bản chính,1 bản sao');
    assert.equal(documents[0].sourceText, '- Tờ khai đăng ký khai sinh theo mẫu;1 bản chính,1 bản sao');
    assert.deepEqual(notes, ['Trường hợp đã nộp bản điện tử thì không phải nộp bản giấy.']);
  });

  test('quantity words inside an item do not split it', () => {
    const { documents } = parseCatalogueDocuments(
      `--${TABLE}Giấy phép xây dựng (01 bản chính hoặc 01 bản sao có chứng thực) đối với tài sản bảo đảm.1 bản chính`
      + `Giấy tờ theo Luật Đất đai năm 20240 bản chính,1 bản sao`,
    );
    assert.equal(documents.length, 2);
    assert.equal(documents[0].name, 'Giấy phép xây dựng (01 bản chính hoặc 01 bản sao có chứng thực) đối với tài sản bảo đảm.');
    assert.equal(documents[0].certifiedCopy, true);
    assert.equal(documents[0].group, null);
    assert.equal(documents[1].name, 'Giấy tờ theo Luật Đất đai năm 2024');
    assert.equal(documents[1].copyType, 'copy');
  });

  test('conditional items and trailing text', () => {
    const { documents, notes, issues } = parseCatalogueDocuments(
      `${TABLE}- Trường hợp ủy quyền: văn bản ủy quyền.1 bản chính* Số lượng hồ sơ: 01 bộ`,
    );
    assert.equal(documents[0].conditional, true);
    assert.deepEqual(notes, ['Số lượng hồ sơ: 01 bộ']);
    assert.deepEqual(issues.map((i) => i.kind), ['documents_trailing_text']);
  });

  test('prose without a table is reported, not split into documents', () => {
    const { documents, issues } = parseCatalogueDocuments('Bước 2. Cơ quan BHXH tiếp nhận hồ sơ.');
    assert.equal(documents.length, 0);
    assert.deepEqual(issues.map((i) => [i.kind, i.severity]), [['documents_unstructured', 'review']]);
    assert.deepEqual(parseCatalogueDocuments('').issues, []);
  });
});

describe('splitFormFile', () => {
  const cases: Array<[string, string, string | null]> = [
    ['Phiếu đề nghị (Mẫu DC02 ban hành kèm theo Thông tư số 17/2024/TT-BCA)Mẫu DC02 Phiếu đề nghị.doc',
      'Phiếu đề nghị (Mẫu DC02 ban hành kèm theo Thông tư số 17/2024/TT-BCA)', 'Mẫu DC02 Phiếu đề nghị.doc'],
    ['Giấy khai đăng ký xe (mẫu ĐKX10/79).MauKX1079.docx', 'Giấy khai đăng ký xe (mẫu ĐKX10/79).', 'MauKX1079.docx'],
    ['Tờ khai do cha, mẹ khai và ký tên.M01b (1).pdf', 'Tờ khai do cha, mẹ khai và ký tên.', 'M01b (1).pdf'],
    ['Đề nghị thanh toán (Nghị định 40/2024/NĐ-CP).Mẫu số 01 - Đề nghị (NĐ 40.2024).docx',
      'Đề nghị thanh toán (Nghị định 40/2024/NĐ-CP).', 'Mẫu số 01 - Đề nghị (NĐ 40.2024).docx'],
    ['Tờ khai CT01 theo mẫu;1.MuCT01banhnh.doc', 'Tờ khai CT01 theo mẫu;', '1.MuCT01banhnh.doc'],
    ['Giấy đề nghị theo Quyết định số 24/2021/QĐ-TTgGiấy đề nghị.pdf', 'Giấy đề nghị theo Quyết định số 24/2021/QĐ-TTg', 'Giấy đề nghị.pdf'],
    ['Tờ khai đăng ký khai sinh', 'Tờ khai đăng ký khai sinh', null],
  ];
  for (const [text, name, formFile] of cases) {
    test(formFile ?? text, () => assert.deepEqual(splitFormFile(text), { name, formFile }));
  }
});

describe('parseDocumentLine (one document per line, as in a province template)', () => {
  test('original with count, stripped from the name', () => {
    const d = parseDocumentLine('- Tờ khai đăng ký khai sinh (01 bản chính)');
    assert.deepEqual([d?.name, d?.copyType, d?.count, d?.required, d?.quantityText], ['Tờ khai đăng ký khai sinh', 'original', 1, true, '(01 bản chính)']);
  });

  test('certified copy, either, optional and unknown', () => {
    const copy = parseDocumentLine('Bản sao chứng thực sổ hộ khẩu, 02 bản sao');
    assert.deepEqual([copy?.name, copy?.copyType, copy?.count, copy?.certifiedCopy], ['Bản sao chứng thực sổ hộ khẩu', 'copy', 2, true]);
    assert.equal(parseDocumentLine('Giấy chứng sinh (bản chính hoặc bản sao)')?.copyType, 'either');
    const optional = parseDocumentLine('Văn bản ủy quyền (nếu có)');
    assert.deepEqual([optional?.required, optional?.copyType, optional?.count], [false, null, null]);
    assert.equal(parseDocumentLine('   '), null);
  });
});
