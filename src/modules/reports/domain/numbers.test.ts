import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changePhraseVi, formatVnDecimal, formatVnInteger, formatVnPercent, formatVnShare, pointsPhraseVi } from './numbers.ts';

describe('Vietnamese number formatting', () => {
  test('thousands with ".", decimals with ","', () => {
    assert.equal(formatVnInteger(58081), '58.081');
    assert.equal(formatVnInteger(500), '500');
    assert.equal(formatVnInteger(1551), '1.551');
    assert.equal(formatVnInteger(1234567), '1.234.567');
    assert.equal(formatVnInteger(-4033), '-4.033');
    assert.equal(formatVnDecimal(56925.6), '56.925,6');
    assert.equal(formatVnDecimal(95.6), '95,6');
    assert.equal(formatVnDecimal(100), '100');
    assert.equal(formatVnDecimal(1.18, 2), '1,18');
    assert.equal(formatVnDecimal(0.05), '0,1');
    assert.equal(formatVnDecimal(-0.04), '0');
  });

  test('shares are rounded half up from the exact fraction', () => {
    assert.equal(formatVnShare(956, 1000), '95,6%');
    assert.equal(formatVnShare(1, 3), '33,3%');
    assert.equal(formatVnShare(2, 3), '66,7%');
    assert.equal(formatVnShare(1, 8), '12,5%');
    assert.equal(formatVnShare(1, 16), '6,3%');
    assert.equal(formatVnShare(5, 5), '100%');
    assert.equal(formatVnShare(0, 0), null);
    assert.equal(formatVnPercent(0.969), '96,9%');
  });

  test('comparison phrases', () => {
    assert.equal(changePhraseVi(1088, 1000, 'cùng kỳ năm 2020'), 'tăng 8,8% so với cùng kỳ năm 2020');
    assert.equal(changePhraseVi(56925.6, 52321, 'cùng kỳ năm 2020'), 'tăng 8,8% so với cùng kỳ năm 2020');
    assert.equal(changePhraseVi(90, 100, 'quý IV năm 2025'), 'giảm 10% so với quý IV năm 2025');
    assert.equal(changePhraseVi(100, 100, 'cùng kỳ năm 2025'), 'bằng cùng kỳ năm 2025');
    assert.equal(changePhraseVi(5, 0, 'cùng kỳ năm 2025'), 'cùng kỳ năm 2025 không có');
    assert.equal(pointsPhraseVi(0.956, 0.944, 'cùng kỳ năm 2020'), 'tăng 1,2 điểm phần trăm so với cùng kỳ năm 2020');
    assert.equal(pointsPhraseVi(0.9, 0.95, 'kỳ trước'), 'giảm 5 điểm phần trăm so với kỳ trước');
  });
});
