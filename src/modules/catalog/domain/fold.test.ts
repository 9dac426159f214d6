import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldVietnamese } from '../../../platform/text.ts';

// The catalogue's search and the importer's matching both rely on this folding.
test('foldVietnamese: lower case, no diacritics, đ → d, collapsed spaces', () => {
  assert.equal(foldVietnamese('Thủ tục  Đăng ký khai sinh\n'), 'thu tuc dang ky khai sinh');
  assert.equal(foldVietnamese('CHỨNG THỰC BẢN SAO'), 'chung thuc ban sao');
  assert.equal(foldVietnamese('Thủ tục đăng ký khai sinh'.normalize('NFD')), 'thu tuc dang ky khai sinh');
  assert.equal(foldVietnamese('ường ỡ ự ậ'), 'uong o u a');
});
