import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanFileName, judgeUpload, sniffMediaType } from './sniff.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

describe('upload type by content', () => {
  test('recognises PDF, PNG and JPEG by their first bytes', () => {
    assert.equal(sniffMediaType(pdf), 'application/pdf');
    assert.equal(sniffMediaType(png), 'image/png');
    assert.equal(sniffMediaType(jpeg), 'image/jpeg');
    assert.equal(sniffMediaType(Buffer.from('hello')), null);
    assert.equal(sniffMediaType(Buffer.concat([Buffer.from('\r\n'), pdf])), 'application/pdf');
    assert.equal(sniffMediaType(Buffer.from('a letter that mentions %PDF-1.4 inside')), null);
  });

  test('a text file named .pdf is refused with a message that names the mismatch', () => {
    const v = judgeUpload('giay-chung-sinh.pdf', Buffer.from('not really a pdf'));
    assert.equal(v.ok, false);
    assert.equal(v.code, 'file_type_mismatch');
    assert.match(v.messageVi!, /có đuôi \.pdf nhưng nội dung không phải tệp PDF/);
    assert.match(v.message!, /named \.pdf but its content is not a PDF/);
  });

  test('other formats and empty files are refused', () => {
    assert.equal(judgeUpload('to-khai.docx', Buffer.from('PK\u0003\u0004')).code, 'unsupported_file_type');
    assert.equal(judgeUpload('anh.png', Buffer.alloc(0)).code, 'empty_file');
  });

  test('the content decides the type, and the stored name gets the right extension', () => {
    assert.deepEqual(judgeUpload('scan.pdf', pdf), { ok: true, mediaType: 'application/pdf', name: 'scan.pdf' });
    assert.equal(judgeUpload('anh-chup.pdf', png).name, 'anh-chup.png');
    assert.equal(judgeUpload('IMG_0001', jpeg).name, 'IMG_0001.jpg');
    assert.equal(judgeUpload('Ảnh.JPEG', jpeg).name, 'Ảnh.JPEG');
  });

  test('names lose folders and control characters', () => {
    assert.equal(cleanFileName('C:\\Users\\an\\Tờ khai.pdf'), 'Tờ khai.pdf');
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('a\u0000b"c.pdf'), 'abc.pdf');
    assert.equal(cleanFileName(''), 'tep');
  });
});
