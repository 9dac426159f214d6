// Administration screens through the real pages: units (browse, create, stale edit), officials, audit log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, horizontalOverflow, launchBrowser, signIn, withPage } from './support.ts';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const isFocused = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el === el.ownerDocument.activeElement);

/** Changes a unit behind the form's back, as another administrator would. */
async function renameUnitElsewhere(page: Page, unitId: string, name: string): Promise<void> {
  const me = await (await page.request.get('/api/v1/me')).json() as { csrfToken: string };
  const unit = await (await page.request.get(`/api/v1/units/${unitId}`)).json() as { unit: { version: number } };
  const response = await page.request.patch(`/api/v1/units/${unitId}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { version: unit.unit.version, fullName: name },
  });
  assert.equal(response.status(), 200, await response.text());
}

describe('administration', () => {
  test('units: browse the tree, add a unit with error summary first, and a stale edit answers 409 with a way out', async () => {
    await withPage(browser, async (page) => {
      await signIn(page, 'admin');
      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Đơn vị' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính và cơ quan' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the units page');

      await page.getByRole('link', { name: 'Xem các đơn vị trực thuộc Tỉnh Bắc Ninh' }).click();
      await page.getByRole('link', { name: 'Xem các đơn vị trực thuộc Phường Bồng Lai' }).click();
      await page.getByRole('heading', { name: 'Đơn vị trực thuộc Phường Bồng Lai' }).waitFor();
      await page.getByRole('link', { name: 'Xem các đơn vị trực thuộc Bộ phận Một cửa phường Bồng Lai' }).waitFor();

      await page.getByRole('link', { name: 'Thêm đơn vị trực thuộc Phường Bồng Lai' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thêm đơn vị trực thuộc Phường Bồng Lai' }).waitFor();
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.locator('.error-summary').waitFor();
      assert.ok(await isFocused(page, '.error-summary'));
      assert.match(await page.title(), /^Lỗi: /);
      await assertNoSeriousA11yViolations(page, 'the unit form with errors');

      await page.getByLabel('Tên', { exact: true }).fill('Thử nghiệm');
      await page.getByLabel('Tên đầy đủ').fill('Phòng Thử nghiệm phường Bồng Lai');
      await page.getByLabel('Loại').selectOption('department');
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByText('Đã thêm Phòng Thử nghiệm phường Bồng Lai.').waitFor();

      await page.getByRole('link', { name: 'Sửa Phòng Thử nghiệm phường Bồng Lai' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sửa Phòng Thử nghiệm phường Bồng Lai' }).waitFor();
      const unitId = new URL(page.url()).pathname.split('/').pop()!;
      await renameUnitElsewhere(page, unitId, 'Phòng Thử nghiệm (đã đổi) phường Bồng Lai');
      await page.getByLabel('Mã thống kê').fill('09999');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.locator('.error-summary').getByText('Dữ liệu đã được người khác thay đổi').waitFor();
      await page.getByRole('button', { name: 'Tải lại dữ liệu mới nhất' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sửa Phòng Thử nghiệm (đã đổi) phường Bồng Lai' }).waitFor();
      await page.getByLabel('Mã thống kê').fill('09999');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu thay đổi.').waitFor();
      assert.equal(await page.getByLabel('Mã thống kê').inputValue(), '09999');
    });
  });

  test('officials: add one with a role, lock the account, reset the password; the audit log shows it all', async () => {
    await withPage(browser, async (page) => {
      await signIn(page, 'admin');
      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Cán bộ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cán bộ, công chức' }).waitFor();
      await page.getByRole('cell', { name: 'bonglai.motcua1' }).waitFor();
      await assertNoSeriousA11yViolations(page, 'the officials page');

      await page.getByRole('link', { name: 'Thêm cán bộ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thêm cán bộ' }).waitFor();
      await page.getByLabel('Họ và tên').fill('Trần Văn Thử');
      await page.getByLabel('Tên đăng nhập').fill('bonglai.thu');
      await page.getByLabel('Mật khẩu ban đầu').fill('short');
      await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
      await page.locator('.error-summary').getByRole('link', { name: 'Mật khẩu phải có ít nhất 8 ký tự' }).waitFor();
      await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau');
      await page.getByLabel('Tìm đơn vị khác theo tên').fill('Phòng Văn hóa');
      await page.getByRole('radio', { name: 'Phòng Văn hóa - Xã hội phường Bồng Lai' }).check();
      await page.getByRole('button', { name: 'Thêm vai trò' }).click();
      await page.getByLabel('Vai trò 1', { exact: true }).selectOption('specialist');
      await assertNoSeriousA11yViolations(page, 'the new official form');
      await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
      await page.getByText('Đã thêm Trần Văn Thử (tên đăng nhập bonglai.thu).').waitFor();

      // Vietnamese names are found without diacritics too.
      await page.getByRole('searchbox', { name: 'Tìm theo họ tên' }).fill('tran van thu');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await page.getByRole('link', { name: 'Trần Văn Thử' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sửa thông tin Trần Văn Thử' }).waitFor();
      await page.getByLabel('Tài khoản đang hoạt động').uncheck();
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu thay đổi.').waitFor();

      await page.getByRole('link', { name: 'Đặt lại mật khẩu' }).click();
      await page.getByLabel('Mật khẩu mới').fill('mat-khau-moi-123');
      await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
      await page.getByText('Đã đặt lại mật khẩu cho Trần Văn Thử.').waitFor();

      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Nhật ký' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nhật ký thao tác' }).waitFor();
      const firstRows = page.locator('tbody > tr');
      await firstRows.first().waitFor();
      const text = await page.locator('table').first().innerText();
      for (const action of ['Đặt lại mật khẩu', 'Sửa tài khoản', 'Thêm tài khoản']) assert.match(text, new RegExp(action));
      await assertNoSeriousA11yViolations(page, 'the audit log');

      // Newest first, 25 a page: the demo seed alone writes more, so "load more" appends the next page.
      const before = await page.locator('table.table--compact > tbody > tr').count();
      await page.getByRole('button', { name: 'Tải thêm' }).click();
      // A locator wait, not waitForFunction with a string: that is evaluated inside the page, and the page's
      // Content-Security-Policy forbids eval (it failed whenever the next page had not arrived at the first check).
      await page.locator('table.table--compact > tbody > tr').nth(before).waitFor();

      await page.locator('tbody a', { hasText: 'admin' }).first().click();
      await page.waitForURL((url) => url.searchParams.has('nguoi'));
      await page.getByRole('link', { name: 'Bỏ lọc' }).waitFor();
    });
  });

  test('a unit administrator sees the admin sections, and the units page fits a 320 px screen', async () => {
    await withPage(browser, async (page) => {
      await signIn(page, 'bonglai.quantri');
      const nav = page.getByRole('navigation', { name: 'Chức năng' });
      for (const name of ['Đơn vị', 'Cán bộ', 'Nhật ký']) await nav.getByRole('link', { name }).waitFor();
      await nav.getByRole('link', { name: 'Đơn vị' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính và cơ quan' }).waitFor();
      assert.equal(await horizontalOverflow(page), 0);
    }, { viewport: { width: 320, height: 640 } });
  });
});
