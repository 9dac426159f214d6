import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  dateTimeEn, dateTimeShort, dateTimeVi, dateVi, escapeHtml, fitSms, isEmailAddress, maskRecipient, normalizePhone, smsAscii,
} from './format.ts';

describe('notification formatting', () => {
  test('times are written in Vietnam time whatever the process time zone', () => {
    const due = new Date('2026-01-12T10:00:00Z'); // 17:00 in Hà Nội
    assert.equal(dateTimeVi(due), '17:00 ngày 12/01/2026');
    assert.equal(dateTimeEn(due), '17:00 on 12 January 2026 (Vietnam time)');
    assert.equal(dateTimeShort(due), '17:00 12/01/2026');
    // 23:30 UTC on 31 Dec is already 1 Jan in Vietnam.
    assert.equal(dateVi(new Date('2025-12-31T23:30:00Z')), '01/01/2026');
  });

  test('SMS text folds Vietnamese to GSM-safe ASCII', () => {
    assert.equal(smsAscii('Đăng ký khai sinh – “Phường Bồng Lai”…'), 'Dang ky khai sinh - "Phuong Bong Lai"...');
    assert.equal(smsAscii('Giấy tờ [bản sao] {x} ~ ^ | € ¥'), 'Giay to ban sao x');
    assert.match(smsAscii('Thủ tục ỨNG DỤNG Ữ Ỷ Ỹ ỵ ơ ư ă â ê ô'), /^[\x20-\x7e]+$/);
  });

  test('fitSms keeps the richest candidate that fits, shortening the slot before dropping it', () => {
    const candidates = [(s: string) => `A ${s} B`, () => 'bare'];
    assert.equal(fitSms(candidates, 'short', (t) => t, 20), 'A short B');
    const long = 'x'.repeat(40);
    const shortened = fitSms(candidates, long, (t) => t, 20);
    assert.equal(shortened.length, 20);
    assert.match(shortened, /^A x+… B$/);
    assert.equal(fitSms([(s: string) => `${'y'.repeat(15)} ${s}`, () => 'bare'], long, (t) => t, 20), 'bare');
    assert.equal(fitSms([() => 'z'.repeat(30)], '', (t) => t, 20), 'z'.repeat(20));
  });

  test('recipients are masked for staff', () => {
    assert.equal(maskRecipient('email', 'nguyenvana@gmail.com'), 'n***a@gmail.com');
    assert.equal(maskRecipient('email', 'ab@x.vn'), 'a***@x.vn');
    assert.equal(maskRecipient('sms', '0912345678'), '091****678');
    assert.equal(maskRecipient('sms', '+84912345678'), '+84******678');
  });

  test('contacts are checked loosely', () => {
    assert.ok(isEmailAddress('lan.nguyen@bonglai.gov.vn'));
    assert.ok(!isEmailAddress('lan nguyen@x.vn'));
    assert.ok(!isEmailAddress('lan@localhost'));
    assert.equal(normalizePhone('0912 345 678'), '0912345678');
    assert.equal(normalizePhone('+84-912-345-678'), '+84912345678');
    assert.equal(normalizePhone('12345'), null);
  });

  test('HTML is escaped', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
