import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvError, detectDelimiter, readCsv, writeCsv } from './csv.ts';

describe('readCsv', () => {
  test('plain fields, CRLF and LF', () => {
    assert.deepEqual(readCsv('a,b,c\r\n1,2,3\n4,5,6'), [['a', 'b', 'c'], ['1', '2', '3'], ['4', '5', '6']]);
  });

  test('quotes: commas, doubled quotes and line breaks inside', () => {
    const text = 'code,documents\r\n1.001193,"Tờ khai, 01 bản chính\r\nGiấy chứng sinh ""bản chính"""\r\n';
    assert.deepEqual(readCsv(text), [['code', 'documents'], ['1.001193', 'Tờ khai, 01 bản chính\r\nGiấy chứng sinh "bản chính"']]);
  });

  test('byte-order mark, empty fields and a trailing line break', () => {
    assert.deepEqual(readCsv('\uFEFFa,,c\n,,\n'), [['a', '', 'c'], ['', '', '']]);
    assert.deepEqual(readCsv(''), []);
  });

  test('semicolons from Excel in Vietnamese are detected', () => {
    assert.equal(detectDelimiter('"Phí, lệ phí";Mã;Tên\n'), ';');
    assert.equal(detectDelimiter('a,b;c,d'), ',');
    assert.deepEqual(readCsv('"Phí, lệ phí";Mã\n70.000;1.001193'), [['Phí, lệ phí', 'Mã'], ['70.000', '1.001193']]);
  });

  test('a quote inside an unquoted field is kept; an unterminated quote is an error with its line', () => {
    assert.deepEqual(readCsv('a"b,c'), [['a"b', 'c']]);
    assert.throws(() => readCsv('a,b\n1,"open\n2,3'), (e: unknown) => e instanceof CsvError && e.line === 2);
  });
});

describe('writeCsv', () => {
  test('quotes only where needed', () => {
    assert.equal(writeCsv([['a', 'b,c', 'd"e', 'f\ng', ' h']]), 'a,"b,c","d""e","f\ng"," h"\r\n');
  });

  test('round trip for any table of strings', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', ',', ';', '"', '\n', '\r\n', ' ', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        // A row holding a single empty cell writes an empty line, which reads back as [''], as in RFC 4180.
        assert.deepEqual(readCsv(writeCsv(rows), { delimiter: ',' }), rows);
      }),
    );
  });
});
