import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { amountsInNote, parseFee, readFeeBasis, readVndAmount } from './fee.ts';

describe('parseFee', () => {
  test('"70,000 VNĐ" means 70000: the comma separates thousands in this column', () => {
    const fee = parseFee('70,000 VNĐ', '70.000 đồng/Giấy chứng nhận');
    assert.equal(fee.status, 'amount');
    assert.equal(fee.amountVnd, 70000);
    assert.equal(fee.feeText, '70,000 VNĐ');
    assert.equal(fee.note, '70.000 đồng/Giấy chứng nhận');
    assert.equal(fee.per, 'Giấy chứng nhận');
  });

  test('other spellings of VND', () => {
    assert.equal(parseFee('50,000 Việt Nam Đồng', null).amountVnd, 50000);
    assert.equal(parseFee('4,500,000 Việt Nam Đồng', null).amountVnd, 4500000);
    assert.equal(parseFee('8000 đồng', null).amountVnd, 8000);
  });

  test('free and not given keep their text', () => {
    assert.deepEqual([parseFee('Miễn phí', null).status, parseFee('Miễn phí', null).amountVnd], ['free', 0]);
    const none = parseFee('Không có thông tin', null);
    assert.equal(none.status, 'not_given');
    assert.equal(none.amountVnd, null);
    assert.equal(none.feeText, 'Không có thông tin');
  });

  test('an amount below 1,000 VNĐ is suspect, with the note’s amount offered but not applied', () => {
    const fee = parseFee('20 VNĐ', '20.000 vnđ /tờ khai');
    assert.equal(fee.status, 'suspect');
    assert.equal(fee.amountVnd, null);
    assert.equal(fee.suggestedAmountVnd, 20000);
    assert.equal(parseFee('700 VNĐ', 'Phí thẩm định').suggestedAmountVnd, null);
  });

  test('foreign currency and nonsense', () => {
    const usd = parseFee('10 USD', '/bản');
    assert.equal(usd.status, 'foreign_currency');
    assert.deepEqual(usd.foreignAmount, { amount: 10, currency: 'USD' });
    assert.equal(usd.per, 'bản');
    assert.equal(parseFee('theo quy định', null).status, 'unrecognised');
  });
});

describe('amount helpers', () => {
  test('readVndAmount', () => {
    assert.equal(readVndAmount('70,000'), 70000);
    assert.equal(readVndAmount('70.000'), 70000);
    assert.equal(readVndAmount('70 000'), 70000);
    assert.equal(readVndAmount('1.500.000'), 1500000);
    assert.equal(readVndAmount('70000'), 70000);
    assert.equal(readVndAmount('1,5'), null);
    assert.equal(readVndAmount('70,000.000'), null);
  });

  test('amountsInNote and readFeeBasis', () => {
    assert.deepEqual(amountsInNote('2.000 đồng/trang; từ trang thứ 3 thu 1.000 đồng/trang, tối đa 200.000 đồng/bản'), [2000, 1000, 200000]);
    assert.deepEqual(amountsInNote('Phí hải quan 50USD/chuyến bay'), []);
    assert.equal(readFeeBasis('/di chúc'), 'di chúc');
    assert.equal(readFeeBasis('2.000 đồng/trang; từ trang thứ 3'), 'trang');
    assert.equal(readFeeBasis('Theo quy định của HĐND tỉnh'), null);
  });
});
