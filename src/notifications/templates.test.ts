import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { renderNotification, templateNames, templateParamErrors, type TemplateName, type TemplateParams } from './templates.ts';

const publicUrl = 'https://dichvucong.bonglai.example.vn';
const due = '2026-01-12T10:00:00Z';

const samples: { [T in TemplateName]: TemplateParams<T> } = {
  'dossier.received': { code: '000.29.24.H04-260105-0001', procedure: 'Đăng ký khai sinh', applicantName: 'Nguyễn Văn An', unitName: 'Bộ phận Một cửa phường Bồng Lai', dueAt: due, secret: 'K7P-Q2M' },
  'dossier.supplement_requested': { code: '000.29.24.H04-260105-0002', procedure: 'Đăng ký kết hôn', missing: ['Bản sao giấy khai sinh', 'Giấy xác nhận tình trạng hôn nhân'], deadline: due },
  'dossier.new_appointment': { code: '000.29.24.H04-260105-0003', procedure: 'Chứng thực bản sao', newDueAt: '2026-01-15T10:00:00Z', previousDueAt: due, reason: 'Cần xác minh thêm' },
  'dossier.result_ready': { code: '000.29.24.H04-260105-0004', procedure: 'Đăng ký khai tử' },
  'dossier.returned': { code: '000.29.24.H04-260105-0005', procedure: 'Đăng ký khai sinh', returnedAt: due },
  'dossier.submitted_online': { reference: 'TT-260105-7K2M9Q', procedure: 'Đăng ký khai sinh', applicantName: 'Nguyễn Văn An', unitName: 'Bộ phận Một cửa phường Bồng Lai', secret: 'K7PQ2M8XZA', submittedAt: due },
  'question.answered': { reference: 'HD-2026-0042', title: 'Thủ tục đăng ký tạm trú cần những giấy tờ gì?', answerExcerpt: 'Ông/Bà cần mang theo căn cước…' },
};

function render<T extends TemplateName>(template: T, params: TemplateParams<T>, locale: 'vi' | 'en' = 'vi') {
  return renderNotification(template, params, { locale, publicUrl });
}

describe('notification templates', () => {
  test('every template has a sample and renders in both orders', () => {
    assert.deepEqual(Object.keys(samples).sort(), [...templateNames].sort());
    for (const name of templateNames) {
      for (const locale of ['vi', 'en'] as const) {
        const m = render(name, samples[name] as never, locale);
        assert.ok(m.subject.includes(' / '), `${name} subject is bilingual`);
        assert.ok(m.text.length > 100 && m.html.startsWith('<!doctype html>'));
        assert.ok(m.smsAscii.length <= 160 && m.smsUnicode.length <= 160, `${name}: ${m.smsAscii}`);
        assert.match(m.smsAscii, /^[\x20-\x7e\n]+$/);
      }
    }
  });

  test('dossier.submitted_online gives the reference and secret by email but never the secret by SMS', () => {
    const m = render('dossier.submitted_online', samples['dossier.submitted_online']);
    assert.ok(m.text.includes('Mã tham chiếu: TT-260105-7K2M9Q'));
    assert.ok(m.text.includes('K7PQ2M8XZA'));
    assert.ok(!m.smsUnicode.includes('K7PQ2M8XZA') && !m.smsAscii.includes('K7PQ2M8XZA'));
  });

  test('dossier.received: Vietnamese first, the due date as on the receipt, the lookup link, then English', () => {
    const m = render('dossier.received', samples['dossier.received']);
    assert.equal(m.subject, 'Đã tiếp nhận hồ sơ 000.29.24.H04-260105-0001 / Dossier 000.29.24.H04-260105-0001 received');
    assert.ok(m.text.startsWith('Kính gửi Ông/Bà Nguyễn Văn An,'));
    assert.ok(m.text.includes('Ngày hẹn trả kết quả: 17:00 ngày 12/01/2026'));
    assert.ok(m.text.includes(`${publicUrl}/tra-cuu?code=000.29.24.H04-260105-0001`));
    assert.ok(m.text.includes('Mã bí mật tra cứu: K7P-Q2M'));
    assert.ok(m.text.indexOf('Dear Nguyễn Văn An,') > m.text.indexOf('Kính gửi'));
    assert.ok(m.html.includes('<div lang="vi">') && m.html.includes('<div lang="en">'));
    assert.ok(m.html.indexOf('lang="vi"') < m.html.indexOf('<div lang="en">'));
    assert.ok(m.smsAscii.startsWith('Gan Dan: Da tiep nhan ho so 000.29.24.H04-260105-0001 (Dang ky khai sinh). Hen tra: 17:00 12/01/2026. Tra cuu: '));
    assert.ok(!m.smsAscii.includes('K7P-Q2M'), 'the lookup secret never goes by SMS');
    assert.ok(m.smsUnicode.startsWith('Gần Dân: Đã tiếp nhận hồ sơ'));
  });

  test('English locale puts English first', () => {
    const m = render('dossier.received', samples['dossier.received'], 'en');
    assert.ok(m.subject.startsWith('Dossier '));
    assert.ok(m.text.startsWith('Dear Nguyễn Văn An,'));
    assert.ok(m.text.includes('Result due: 17:00 on 12 January 2026 (Vietnam time)'));
    assert.ok(m.html.includes('<html lang="en">'));
    assert.ok(m.smsAscii.startsWith('Gan Dan: dossier'));
  });

  test('supplement request lists everything missing and the deadline', () => {
    const m = render('dossier.supplement_requested', samples['dossier.supplement_requested']);
    assert.ok(m.text.includes('  - Bản sao giấy khai sinh\n  - Giấy xác nhận tình trạng hôn nhân'));
    assert.ok(m.text.includes('Hạn bổ sung: 17:00 ngày 12/01/2026'));
    assert.ok(m.html.includes('<li>Bản sao giấy khai sinh</li>'));
    assert.deepEqual(templateParamErrors('dossier.supplement_requested', { code: 'x', procedure: 'y' }), ['/ needs `missing` or `reason`']);
  });

  test('new appointment apologises, except when it follows a completed supplement', () => {
    const apology = render('dossier.new_appointment', samples['dossier.new_appointment']);
    assert.ok(apology.text.includes('thành thật xin lỗi'));
    assert.ok(apology.text.includes('Ngày hẹn trả kết quả mới: 17:00 ngày 15/01/2026'));
    assert.ok(apology.smsAscii.startsWith('Gan Dan xin loi'));
    const restart = render('dossier.new_appointment', { ...samples['dossier.new_appointment'], cause: 'supplement_completed' });
    assert.ok(!restart.text.includes('xin lỗi'));
    assert.ok(restart.text.includes('đã được bổ sung đầy đủ'));
  });

  test('user text is escaped in HTML', () => {
    const m = render('question.answered', { ...samples['question.answered'], title: '<script>alert(1)</script>' });
    assert.ok(!m.html.includes('<script>'));
    assert.ok(m.html.includes('&lt;script&gt;'));
  });

  test('invalid params are refused', () => {
    assert.ok(templateParamErrors('dossier.received', { code: 'x' }).length > 0);
    assert.ok(templateParamErrors('dossier.returned', { code: 'x', procedure: 'y', returnedAt: 'yesterday' }).length > 0);
    assert.throws(() => render('dossier.returned', { code: 'x', procedure: 'y' } as never), /invalid params/);
  });

  test('property: any procedure name, code and public URL: SMS stays within 160 GSM-safe characters and keeps the code', () => {
    const vietnamese = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐƯ ,.-()'.split('')), minLength: 1, maxLength: 400 });
    fc.assert(fc.property(
      vietnamese, fc.stringMatching(/^[0-9.A-Z]{5,35}-\d{6}-\d{4}$/), fc.webUrl(), fc.constantFrom('vi' as const, 'en' as const),
      (procedure, code, url, locale) => {
        for (const name of ['dossier.received', 'dossier.new_appointment', 'dossier.result_ready', 'dossier.returned'] as const) {
          const params = { ...samples[name], code, procedure } as never;
          const m = renderNotification(name, params, { locale, publicUrl: url });
          if (m.smsAscii.length > 160 || m.smsUnicode.length > 160) return false;
          if (!/^[\x20-\x7e\n]*$/.test(m.smsAscii)) return false;
          if (!m.smsAscii.includes(code) || !m.smsUnicode.includes(code)) return false; // the code always survives
        }
        return true;
      },
    ), { numRuns: 300 });
  });
});
