// The citizen's online journey end to end: find "dang ky khai sinh" without diacritics, submit online with two
// attachments (a fake PDF refused on the way, a lost connection losing nothing), get a reference, look it up,
// and after the desk (driven through the API) accepts, processes and returns the result, rate it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { APIRequestContext, Browser } from 'playwright-core';
import { assertNoSeriousA11yViolations, baseUrl, demoPassword, horizontalOverflow, launchBrowser, withPage } from './support.ts';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const pdf = Buffer.from('%PDF-1.4\n% to khai dang ky khai sinh\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** A staff member's API session in its own context: cookie from sign-in, CSRF header on every change. */
async function staffApi(username: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const request: APIRequestContext = context.request;
  const login = await request.post('/api/v1/auth/login', { data: { username, password: demoPassword } });
  assert.equal(login.status(), 200, await login.text());
  const csrf = (await login.json() as { csrfToken: string }).csrfToken;
  return {
    async get<T>(path: string): Promise<T> {
      const r = await request.get(path);
      assert.equal(r.status(), 200, await r.text());
      return r.json() as Promise<T>;
    },
    async act(id: string, body: Record<string, unknown>) {
      const current = await (await request.get(`/api/v1/dossiers/${id}`)).json() as { version: number };
      const r = await request.post(`/api/v1/dossiers/${id}/actions`, { headers: { 'x-csrf-token': csrf }, data: { version: current.version, ...body } });
      assert.equal(r.status(), 200, `${String(body.action)}: ${await r.text()}`);
    },
    close: () => context.close(),
  };
}

describe('online submission, lookup and rating', () => {
  test('a citizen finds the procedure without diacritics, submits online, looks it up, and rates the returned dossier', async () => {
    const applicant = `Phạm Thị Thử ${Date.now().toString(36).slice(-5).toUpperCase()}`;
    await withPage(browser, async (page) => {
      // Find the procedure without diacritics.
      await page.goto('/');
      await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).fill('dang ky khai sinh');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the procedure page');

      await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
      await page.getByRole('heading', { level: 1, name: /Nộp hồ sơ trực tuyến: Thủ tục đăng ký khai sinh/ }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the start page');
      await page.getByRole('button', { name: 'Bắt đầu' }).click();

      // Where: the error summary first, then the answer.
      await page.getByRole('heading', { level: 1, name: 'Bạn nộp hồ sơ tại đâu?' }).waitFor();
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      const summary = page.locator('.error-summary');
      await summary.getByText('Chọn nơi nộp hồ sơ').waitFor();
      assert.equal(await summary.evaluate((el) => el === el.ownerDocument.activeElement), true, 'the summary takes focus');
      assert.match(await page.title(), /^Lỗi: /);
      await assertNoSeriousA11yViolations(page, 'the unit question with an error');
      await page.getByLabel('Phường Bồng Lai').check();
      await page.getByRole('button', { name: 'Tiếp tục' }).click();

      await page.getByRole('heading', { level: 1, name: 'Thông tin người nộp hồ sơ' }).waitFor();
      await page.getByLabel('Họ và tên').fill(applicant);
      await page.getByLabel('Số căn cước').fill('027090001234');
      await page.getByLabel(/Năm sinh/).fill('1990');
      await assertNoSeriousA11yViolations(page, 'the applicant question');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();

      // A lost connection while saving: the answers stay on the device and survive a reload.
      await page.getByRole('heading', { level: 1, name: 'Chúng tôi liên hệ với bạn bằng cách nào?' }).waitFor();
      await page.getByLabel('Số điện thoại').fill('0977 123 456');
      await page.getByLabel(/Thư điện tử/).fill('thu.pham@example.vn');
      await page.route('**/api/v1/public/drafts/*', (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue()));
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await summary.getByText(/Chưa lưu được câu trả lời lên máy chủ/).waitFor();
      await page.unrouteAll();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Chúng tôi liên hệ với bạn bằng cách nào?' }).waitFor();
      assert.equal(await page.getByLabel('Số điện thoại').inputValue(), '0977 123 456');
      assert.equal(await page.getByLabel(/Thư điện tử/).inputValue(), 'thu.pham@example.vn');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();

      // Uploads: a fake PDF is refused by content; a real PDF and a JPEG are attached.
      await page.getByRole('heading', { level: 1, name: 'Tải lên giấy tờ' }).waitFor();
      const declaration = page.getByLabel('Tờ khai đăng ký khai sinh theo mẫu');
      await declaration.setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a PDF') });
      await summary.getByText(/có đuôi \.pdf nhưng nội dung không phải tệp PDF/).waitFor();
      await declaration.setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByRole('link', { name: 'to-khai.pdf' }).waitFor();
      await page.getByLabel(/^Giấy chứng sinh/).setInputFiles({ name: 'giay-chung-sinh.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.getByRole('link', { name: 'giay-chung-sinh.jpg' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the documents question');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();

      await page.getByRole('heading', { level: 1, name: 'Kiểm tra lại trước khi nộp' }).waitFor();
      const answers = page.locator('.summary-list').first();
      await answers.getByText('Phường Bồng Lai').waitFor();
      await answers.getByText(applicant).waitFor();
      await answers.getByText(/to-khai\.pdf/).waitFor();
      await answers.getByText(/giay-chung-sinh\.jpg/).waitFor();
      await page.getByText('Miễn phí').first().waitFor();
      await page.getByText(/Dự kiến trả kết quả/).waitFor();
      await assertNoSeriousA11yViolations(page, 'check your answers');
      await page.setViewportSize({ width: 320, height: 640 });
      assert.equal(await horizontalOverflow(page), 0, 'check your answers overflows at 320 px');
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

      await page.getByRole('heading', { level: 1, name: 'Đã gửi hồ sơ' }).waitFor();
      const reference = (await page.getByTestId('submission-reference').innerText()).trim();
      const secret = (await page.getByTestId('submission-secret').innerText()).trim();
      assert.match(reference, /^TT-\d{6}-[A-Z2-9]{6}$/);
      assert.match(secret, /^[A-Z2-9]{10}$/);
      await assertNoSeriousA11yViolations(page, 'the confirmation');

      // Look it up by the reference and the secret.
      await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).first().click();
      await page.getByLabel('Mã hồ sơ').fill(reference);
      await page.getByLabel('Mã tra cứu in trên giấy tiếp nhận').check();
      await page.getByLabel('Mã tra cứu', { exact: true }).fill(secret);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('Mới đăng ký trực tuyến, chờ tiếp nhận').first().waitFor();
      await assertNoSeriousA11yViolations(page, 'the lookup of a submission');

      // The desk accepts, the dossier is processed and the result returned (through the API).
      const desk = await staffApi('bonglai.motcua1');
      const list = await desk.get<{ items: { id: string; applicantName: string }[] }>(`/api/v1/dossiers?status=submitted_online&q=${encodeURIComponent(applicant)}`);
      const dossier = list.items.find((d) => d.applicantName === applicant);
      assert.ok(dossier, 'the online dossier is in the desk’s list');
      await desk.act(dossier.id, { action: 'accept_online' });
      await desk.act(dossier.id, { action: 'forward' });
      const specialist = await staffApi('bonglai.chuyenvien');
      await specialist.act(dossier.id, { action: 'forward' });
      const leader = await staffApi('bonglai.lanhdao');
      await leader.act(dossier.id, { action: 'approve' });
      await desk.act(dossier.id, { action: 'record_result', result: { number: '12/2026/KS' } });
      await desk.act(dossier.id, { action: 'return_result' });
      await Promise.all([desk.close(), specialist.close(), leader.close()]);

      // The same lookup now shows the dossier code, and the applicant rates it once.
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText(/Hồ sơ đã được tiếp nhận với mã hồ sơ/).waitFor();
      await page.getByText('Đã trả kết quả').first().waitFor();
      const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
      await rating.waitFor();
      await assertNoSeriousA11yViolations(page, 'the lookup with the rating form');
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.locator('.error-summary').getByText('Chọn mức độ hài lòng với thái độ phục vụ').waitFor();
      await rating.getByRole('group', { name: /thái độ phục vụ/ }).getByLabel('Rất hài lòng').check();
      await rating.getByRole('group', { name: /Nhìn chung/ }).getByLabel('Hài lòng', { exact: true }).check();
      await rating.getByLabel('Không lần nào').check();
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByText('Cảm ơn bạn đã đánh giá').waitFor();

      // A second rating is refused.
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('Đã trả kết quả').first().waitFor();
      assert.equal(await page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' }).count(), 0, 'no rating form once rated');
    });
  });

  test('the journey’s pages work at 320 px and with the keyboard alone', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/nop-truc-tuyen/1.001193');
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.equal(await horizontalOverflow(page), 0);
      await page.getByRole('button', { name: 'Bắt đầu' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Bạn nộp hồ sơ tại đâu?' }).waitFor();
      await page.getByLabel('Phường Bồng Lai').focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Thông tin người nộp hồ sơ' }).waitFor();
      assert.equal(await horizontalOverflow(page), 0);
    }, { viewport: { width: 320, height: 640 } });
  });
});
