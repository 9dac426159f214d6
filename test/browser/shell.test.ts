// The web shell end to end: portal, sign-in, console home, language switch, small screens and axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertNoSeriousA11yViolations, demoPassword, horizontalOverflow, launchBrowser, withPage } from './support.ts';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe('citizen portal', () => {
  test('home page has the service title, one h1, a search box and no serious axe violations', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.match(await page.locator('header').innerText(), /Gần Dân\s*—\s*Cổng dịch vụ công/);
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
      assert.equal(await page.title(), 'Trang chủ — Gần Dân');
      await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the portal home');
    });
  });

  test('at 360×740 the portal does not scroll sideways', async () => {
    await withPage(browser, async (page) => {
      for (const path of ['/', '/tra-cuu', '/thu-tuc']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        assert.equal(await horizontalOverflow(page), 0, `${path} overflows horizontally at 360 px`);
      }
    }, { viewport: { width: 360, height: 740 } });
  });

  test('the English switch changes <html lang>, the heading, and is remembered', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/');
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Find an administrative procedure' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.title(), 'Home — Gần Dân');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Find an administrative procedure' }).waitFor();
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tìm thủ tục hành chính' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    });
  });

  test('the search box leads to the catalogue page, which answers whether or not the catalogue exists yet', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/');
      await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).fill('khai sinh');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await page.waitForURL((url) => url.pathname === '/thu-tuc' && url.searchParams.get('q') === 'khai sinh');
      await page.getByText(/Danh mục thủ tục chưa sẵn sàng|Đang hiển thị \d+ thủ tục/).first().waitFor();
      await assertNoSeriousA11yViolations(page, 'the catalogue page');
    });
  });

  test('dossier lookup checks its fields before sending and shows the error summary', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/tra-cuu');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      assert.equal(await summary.evaluate((el) => el === el.ownerDocument.activeElement), true, 'the summary takes focus');
      assert.match(await summary.innerText(), /Nhập mã hồ sơ/);
      assert.match(await page.title(), /^Lỗi: Tra cứu hồ sơ/);
      await summary.getByRole('link', { name: 'Nhập mã hồ sơ' }).click();
      assert.equal(await page.getByLabel('Mã hồ sơ').evaluate((el) => el === el.ownerDocument.activeElement), true);
      await assertNoSeriousA11yViolations(page, 'the lookup page with errors');
    });
  });
});

describe('staff console', () => {
  test('the sign-in page passes axe, and an unknown visitor is sent there from the console', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/can-bo/don-vi');
      await page.waitForURL((url) => url.pathname === '/can-bo/dang-nhap');
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập dành cho cán bộ' }).waitFor();
      assert.equal(await page.title(), 'Đăng nhập dành cho cán bộ — Gần Dân');
      await assertNoSeriousA11yViolations(page, 'the sign-in page');
    });
  });

  test('a wrong password shows the error summary, focused, with "Lỗi: " in the title', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/can-bo/dang-nhap');
      await page.getByLabel('Tên đăng nhập').fill('bonglai.motcua2');
      await page.getByLabel('Mật khẩu').fill('not-the-password');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      assert.match(await summary.innerText(), /Sai tên đăng nhập hoặc mật khẩu/);
      assert.equal(await summary.evaluate((el) => el === el.ownerDocument.activeElement), true, 'the summary takes focus');
      assert.match(await page.title(), /^Lỗi: /);
      assert.equal(new URL(page.url()).pathname, '/can-bo/dang-nhap');
      await assertNoSeriousA11yViolations(page, 'the sign-in page with an error');
    });
  });

  test('the demo desk officer signs in with the keyboard alone and sees the console home with their name', async () => {
    await withPage(browser, async (page) => {
      await page.goto('/can-bo/dang-nhap');
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Tab → skip link (visible when focused) → Enter → main → Tab → username → Tab → password → Enter.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Chuyển đến nội dung chính' });
      assert.ok(await skip.evaluate((el) => el === el.ownerDocument.activeElement), 'the skip link comes first');
      assert.ok(await skip.isVisible(), 'the focused skip link is visible');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.ok(await page.getByLabel('Tên đăng nhập').evaluate((el) => el === el.ownerDocument.activeElement));
      await page.keyboard.type('bonglai.motcua1');
      await page.keyboard.press('Tab');
      await page.keyboard.type(demoPassword);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/can-bo');

      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      const name = (await page.getByTestId('user-name').innerText()).trim();
      assert.ok(name.length > 0);
      assert.equal(await heading.innerText(), `Xin chào, ${name}`);
      assert.equal(await page.title(), 'Trang chính — Gần Dân');
      assert.match(await page.locator('main').innerText(), /Cán bộ một cửa/);
      // A desk officer is no administrator: the admin sections are neither listed nor reachable.
      const nav = page.getByRole('navigation', { name: 'Chức năng' });
      assert.equal(await nav.getByRole('link', { name: 'Đơn vị' }).count(), 0);
      await assertNoSeriousA11yViolations(page, 'the console home');

      await page.setViewportSize({ width: 360, height: 740 });
      assert.equal(await horizontalOverflow(page), 0, 'the console home overflows at 360 px');

      await page.goto('/can-bo/nhat-ky');
      await page.getByRole('heading', { level: 1, name: 'Bạn không có quyền xem trang này' }).waitFor();

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.waitForURL((url) => url.pathname === '/can-bo/dang-nhap');
      await page.goto('/can-bo');
      await page.waitForURL((url) => url.pathname === '/can-bo/dang-nhap');
    });
  });
});
