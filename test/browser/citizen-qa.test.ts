// Questions and answers through the real pages: a citizen asks, a leader answers and publishes it (with the
// asker's personal data refused), the FAQ finds it without diacritics, the asker reads the answer. Also the staff
// pages of ratings and notifications, the citizen account pages and the counter kiosk pass axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertNoSeriousA11yViolations, horizontalOverflow, launchBrowser, signIn, withPage } from './support.ts';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe('questions and answers', () => {
  test('a question is asked, answered, published and found in the FAQ without diacritics', async () => {
    const tag = Date.now().toString(36).slice(-4);
    const title = `Chứng thực hợp đồng mua bán xe máy ${tag}`;
    let reference = '';
    let secret = '';
    await withPage(browser, async (page) => {
      await page.goto('/hoi-dap');
      await page.getByRole('heading', { level: 1, name: 'Hỏi đáp' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the FAQ');
      await page.getByRole('link', { name: 'Đặt câu hỏi mới' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đặt câu hỏi' }).waitFor();
      await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
      await page.locator('.error-summary').getByText('Nhập thư điện tử hoặc số điện thoại để nhận câu trả lời').waitFor();
      assert.match(await page.title(), /^Lỗi: /);
      await assertNoSeriousA11yViolations(page, 'the question form with errors');
      await page.getByLabel('Họ và tên').fill('Trịnh Văn Hậu');
      await page.getByLabel('Thư điện tử').fill('hau.trinh@example.vn');
      await page.getByLabel(/Đơn vị trả lời/).selectOption({ label: 'Phường Bồng Lai' });
      await page.getByLabel('Tiêu đề').fill(title);
      await page.getByLabel('Nội dung câu hỏi').fill('Tôi là Trịnh Văn Hậu, số điện thoại 0905 111 333. Chứng thực hợp đồng mua bán xe máy ở phường cần mang giấy tờ gì?');
      await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đã gửi câu hỏi' }).waitFor();
      reference = (await page.getByTestId('question-reference').innerText()).trim();
      secret = (await page.getByTestId('question-secret').innerText()).trim();
      assert.match(reference, /^HD-\d{6}-\d{4}$/);
      await assertNoSeriousA11yViolations(page, 'the question sent page');
    });

    await withPage(browser, async (page) => {
      await signIn(page, 'bonglai.lanhdao');
      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Hỏi đáp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Câu hỏi của người dân' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the staff Q&A queue');
      await page.getByRole('link', { name: reference }).click();
      await page.getByRole('heading', { level: 1, name: `Câu hỏi ${reference}` }).waitFor();
      await page.getByLabel('Câu trả lời', { exact: true }).fill('Ông/bà mang bản chính hợp đồng, giấy đăng ký xe và giấy tờ tùy thân của các bên đến Bộ phận Một cửa; lệ phí 50.000 đồng một hợp đồng.');
      await page.getByRole('button', { name: 'Gửi câu trả lời' }).click();
      await page.getByText('Đã gửi câu trả lời. Người hỏi sẽ được thông báo.').waitFor();
      // The suggestion hides the asker; putting the name back is refused.
      const publicQuestion = page.getByLabel('Câu hỏi công khai');
      assert.doesNotMatch(await publicQuestion.inputValue(), /Hậu|0905/);
      await publicQuestion.fill('Ông Trịnh Văn Hậu hỏi: chứng thực hợp đồng mua bán xe máy cần giấy tờ gì?');
      await page.getByRole('button', { name: 'Công khai', exact: true }).click();
      await page.locator('.error-summary').getByText(/Hãy xóa thông tin cá nhân trước khi công khai/).waitFor();
      await publicQuestion.fill(`${title}: cần mang giấy tờ gì?`);
      await page.getByRole('button', { name: 'Công khai', exact: true }).click();
      await page.getByText('Đã công khai trên trang Hỏi đáp.').waitFor();
      await assertNoSeriousA11yViolations(page, 'the staff question page');
    });

    await withPage(browser, async (page) => {
      await page.goto('/hoi-dap');
      await page.getByLabel('Tìm trong hỏi đáp').fill(`chung thuc hop dong mua ban xe may ${tag}`);
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const entry = page.locator('details', { hasText: `${title}: cần mang giấy tờ gì?` });
      await entry.waitFor();
      await entry.locator('summary').click();
      await entry.getByText(/giấy đăng ký xe/).waitFor();
      assert.doesNotMatch(await page.locator('main').innerText(), /Trịnh Văn Hậu/);
      await assertNoSeriousA11yViolations(page, 'the FAQ search');

      await page.goto(`/hoi-dap/cau-hoi/${reference}`);
      await page.getByLabel('Mã bí mật, số điện thoại hoặc thư điện tử').fill(secret);
      await page.getByRole('button', { name: 'Xem', exact: true }).click();
      await page.getByText(/giấy đăng ký xe/).waitFor();
      await assertNoSeriousA11yViolations(page, 'the asker’s answer page');
    });
  });
});

describe('other citizen-side pages', () => {
  test('ratings and notifications for staff, the account pages and the kiosk pass axe and fit 320 px', async () => {
    await withPage(browser, async (page) => {
      await signIn(page, 'bonglai.quantri');
      await page.goto('/can-bo/danh-gia?pham-vi=don-vi');
      await page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' }).waitFor();
      await page.locator('.counts').getByText('lượt đánh giá').waitFor();
      // The list below the summary: its rows, or the sentence saying there are none yet.
      await page.getByRole('table', { name: 'Các lượt đánh giá' }).or(page.getByText('Chưa có đánh giá nào.')).waitFor();
      await assertNoSeriousA11yViolations(page, 'the ratings page');
      await page.goto('/can-bo/thong-bao?loc=all');
      await page.getByRole('heading', { level: 1, name: 'Thông báo gửi đi' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Tất cả' }).waitFor();
      await page.getByRole('table', { name: 'Tất cả' }).getByRole('columnheader', { name: 'Tạo lúc' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the notifications page');

      // The kiosk, activated by the unit's official, then used without a session.
      await page.goto('/kiosk/09295');
      await page.getByRole('button', { name: 'Kích hoạt máy đánh giá' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' }).waitFor();
      await page.getByLabel('Mã hồ sơ').fill('000.29.24.H04-000101-0001');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByText('Không có hồ sơ nào mang mã này được trả kết quả tại quầy này trong hôm nay.').waitFor();
      await assertNoSeriousA11yViolations(page, 'the kiosk');
      await page.setViewportSize({ width: 320, height: 640 });
      assert.equal(await horizontalOverflow(page), 0, 'the kiosk overflows at 320 px');
    });

    await withPage(browser, async (page) => {
      await page.goto('/tai-khoan');
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập tài khoản công dân' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the citizen sign-in');
      await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('0912345678');
      await page.getByLabel('Mật khẩu').fill(process.env.DEMO_PASSWORD ?? 'demo-password-1');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Nhận thông báo' }).waitFor();
      await page.getByLabel('Tin nhắn SMS').uncheck();
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu lựa chọn.').waitFor();
      await assertNoSeriousA11yViolations(page, 'the account page');
      await page.goto('/tai-khoan/dang-ky');
      await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản công dân' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the registration page');
    }, { viewport: { width: 320, height: 640 } });
  });
});
