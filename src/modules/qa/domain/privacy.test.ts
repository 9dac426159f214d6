import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { personalDataIn, redactPersonalData } from './privacy.ts';

const asker = { name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '0912345678' };

describe('FAQ privacy', () => {
  test('the suggested public text hides the name, contacts and ID numbers', () => {
    const text = 'Tôi là Nguyễn Văn An, CCCD 027090001234, SĐT 0912 345 678, email an.nguyen@example.vn. Văn An muốn hỏi về khai sinh.';
    const out = redactPersonalData(text, asker);
    assert.equal(out, 'Tôi là […], CCCD […], SĐT […], email […]. […] muốn hỏi về khai sinh.');
    assert.deepEqual(personalDataIn(out, asker), []);
  });

  test('publication is refused while personal data remains, even without diacritics', () => {
    assert.deepEqual(personalDataIn('Ong Nguyen Van An hoi ve khai sinh', asker), ['Nguyễn Văn An']);
    assert.deepEqual(personalDataIn('Gọi 0912.345.678 hoặc +84 912345678', asker), ['0912.345.678', '+84 912345678']);
    assert.deepEqual(personalDataIn('Thủ tục đăng ký khai sinh có nộp trực tuyến được không?', asker), []);
  });

  test('ordinary numbers are not mistaken for personal data', () => {
    assert.deepEqual(personalDataIn('Lệ phí 50.000 đồng, trong 3 ngày làm việc, theo Nghị định 123/2015/NĐ-CP', asker), []);
  });
});
