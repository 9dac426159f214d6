// The procedure catalogue through the real pages: the public catalogue (filters, search, a phone-sized screen), and an
// administrator who adds a draft, is told at publishing what is missing, fixes it, publishes, and finds it in public.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, horizontalOverflow, launchBrowser, signIn, withPage } from './support.ts';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const isFocused = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el === el.ownerDocument.activeElement);

describe('public catalogue', () => {
  test('the list, its filters and a procedure page pass axe; filtering by field keeps to that field', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/thu-tuc');
      await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /Đang hiển thị \d+ thủ tục/ }).waitFor();
      await page.getByRole('navigation', { name: 'Tìm theo lĩnh vực' }).getByRole('link', { name: 'Hộ tịch' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the public catalogue');

      await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('Chứng thực');
      await page.getByLabel('Trực tuyến một phần').check();
      await page.getByRole('button', { name: 'Lọc kết quả' }).click();
      await page.waitForURL((url) => url.searchParams.get('linh-vuc') === 'Chứng thực' && url.searchParams.get('truc-tuyen') === 'partial');
      await page.getByText(/^Đang lọc theo Lĩnh vực: Chứng thực; Trực tuyến một phần\.$/).waitFor();
      const items = page.locator('.result-list__item');
      const certification = items.filter({ has: page.locator('dd', { hasText: /^Chứng thực$/ }) });
      assert.ok(await items.count() > 0, 'some certification procedures are partly online');
      assert.equal(await certification.count(), await items.count(), 'only procedures of the field chosen');
      assert.equal(await page.locator('.result-list__item').filter({ hasText: 'Trực tuyến toàn trình' }).count(), 0);

      await page.getByRole('link', { name: 'Bỏ lọc' }).click();
      await page.waitForURL((url) => url.pathname === '/thu-tuc' && url.search === '');
      await page.goto('/thu-tuc/1.001193');
      await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'a procedure page');
    });
  });

  test('at 360×740 the catalogue does not scroll sideways and "khai sinh" finds birth registration', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/thu-tuc');
      await page.getByRole('heading', { level: 2, name: /Đang hiển thị \d+ thủ tục/ }).waitFor();
      assert.equal(await horizontalOverflow(page), 0, 'the catalogue overflows at 360 px');
      await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).fill('khai sinh');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'khai sinh');
      const birth = page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true });
      await birth.waitFor();
      assert.equal(await horizontalOverflow(page), 0, 'the search results overflow at 360 px');
      await birth.click();
      await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
      assert.equal(await horizontalOverflow(page), 0, 'the procedure page overflows at 360 px');
    }, { viewport: { width: 360, height: 740 } });
  });
});

describe('catalogue administration', () => {
  test('an administrator adds a draft, sees what is missing at publishing, fixes it, publishes, and citizens find it', async () => {
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const code = `TN.${suffix}`;
    const name = `Thủ tục thử nghiệm cấp phép nuôi ong ${suffix}`;
    await withPage(browser, async (page) => {
      await signIn(page, 'admin');
      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Thủ tục', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Quản lý thủ tục hành chính' }).waitFor();
      await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the catalogue administration list');

      await page.getByRole('link', { name: 'Thêm thủ tục' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thêm thủ tục hành chính' }).waitFor();
      await page.getByRole('button', { name: 'Thêm thủ tục (bản nháp)' }).click();
      await page.locator('.error-summary').getByRole('link', { name: 'Nhập mã thủ tục' }).waitFor();
      await page.getByLabel('Mã thủ tục').fill(code);
      await page.getByLabel('Tên thủ tục').fill(name);
      await page.getByLabel('Lĩnh vực').fill('Thử nghiệm');
      await page.getByRole('button', { name: 'Thêm thủ tục (bản nháp)' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByText(`Đã thêm thủ tục ${code} dưới dạng bản nháp.`).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Trường hợp 1' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'a procedure edit page');

      // Publishing without a processing time: the summary names the problem and links to the case's time.
      await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
      const summary = page.locator('.error-summary');
      const problem = summary.getByRole('link', { name: /chưa có thời hạn giải quyết/ });
      await problem.waitFor();
      assert.ok(await isFocused(page, '.error-summary'), 'the summary takes focus');
      assert.match(await page.title(), /^Lỗi: /);
      await problem.click();
      const kind = page.getByLabel('Tính theo');
      assert.ok(await kind.evaluate((el) => el === el.ownerDocument.activeElement), 'the link focuses the processing time');

      await kind.selectOption('working_days');
      await page.getByLabel('Số ngày hoặc số giờ').fill('5');
      await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
      await page.getByLabel('Tên giấy tờ').fill('Đơn đề nghị cấp phép');
      await page.getByRole('button', { name: 'Thêm khoản phí' }).click();
      await page.getByLabel('Mức thu (đồng)').fill('50.000');
      await page.getByLabel('Đơn vị tính').fill('lần');
      await page.getByRole('button', { name: 'Lưu trường hợp 1' }).click();
      await page.getByText('Đã lưu trường hợp 1.').waitFor();

      await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
      await page.getByText(/^Đã ban hành phiên bản 1, có hiệu lực từ \d{2}\/\d{2}\/\d{4}\.$/).waitFor();
      assert.equal(await summary.count(), 0, 'the error summary is gone');
      await page.getByRole('button', { name: 'Sửa đổi (tạo phiên bản mới)' }).waitFor();

      // Citizens find it, without diacritics, with its time and fee.
      await page.goto(`/thu-tuc?q=${encodeURIComponent(`nuoi ong ${suffix}`)}`);
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const text = await page.locator('main').innerText();
      assert.match(text, /5 ngày làm việc/);
      assert.match(text, /50\.000 đồng \/ lần/);
      assert.match(text, /Đơn đề nghị cấp phép/);
    });
  });
});
