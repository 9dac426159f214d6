// The reports dashboard through the real console: a province report viewer sees the province with charts and their
// data tables, drills down to a ward, changes the period and downloads the exports; a ward leader sees only the ward.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, horizontalOverflow, launchBrowser, signIn, withPage } from './support.ts';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Two dossiers at phường Bồng Lai through the API, as the desk officer: one at the counter, one online then withdrawn. */
async function receiveSomeDossiers(page: Page): Promise<void> {
  await signIn(page, 'bonglai.motcua1');
  const me = await (await page.request.get('/api/v1/me')).json() as { csrfToken: string };
  const unit = (await (await page.request.get('/api/v1/units?code=09295')).json() as { items: { id: string }[] }).items[0];
  const headers = { 'x-csrf-token': me.csrfToken };
  const ids: string[] = [];
  for (const channel of ['counter', 'online']) {
    const res = await page.request.post('/api/v1/dossiers', {
      headers,
      data: {
        unitId: unit.id, procedureCode: '1.004859', channel, outcome: 'complete', documents: [],
        applicant: { kind: 'person', fullName: 'Nguyễn Văn Báo Cáo', phone: '0912 345 678' },
      },
    });
    assert.equal(res.status(), 201, await res.text());
    ids.push(((await res.json()) as { id: string }).id);
  }
  const detail = await (await page.request.get(`/api/v1/dossiers/${ids[1]}`)).json() as { version: number };
  const res = await page.request.post(`/api/v1/dossiers/${ids[1]}/actions`, { headers, data: { action: 'withdraw', version: detail.version, reason: 'Công dân xin rút hồ sơ' } });
  assert.equal(res.status(), 200, await res.text());
}

describe('reports dashboard', () => {
  test('a province viewer: indicators, charts with data tables, drill-down to a ward, period picker, exports', async () => {
    await withPage(browser, receiveSomeDossiers);
    await withPage(browser, async (page) => {
      await signIn(page, 'tinh.baocao');
      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Báo cáo' }).click();
      await page.getByRole('heading', { level: 1, name: 'Báo cáo, thống kê' }).waitFor();
      await page.getByText(/^Tỉnh Bắc Ninh — Năm \d{4}/).waitFor();
      const charts = page.locator('figure.chart svg[role="img"]');
      await charts.first().waitFor();
      assert.ok(await charts.count() >= 3, 'received, on-time and satisfaction charts at least');
      for (const name of ['Hồ sơ tiếp nhận theo tháng và kênh nộp', 'Tỷ lệ giải quyết đúng hạn theo tháng', 'Mức độ hài lòng về thái độ theo tháng']) {
        await page.getByRole('img', { name: new RegExp(name) }).waitFor();
      }
      // Every chart's numbers are also in a table, behind a disclosure.
      await page.getByText('Xem bảng số liệu').first().click();
      await page.getByRole('columnheader', { name: 'Trực tuyến' }).first().waitFor();
      await assertNoSeriousA11yViolations(page, 'the province reports dashboard');
      assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling');

      // Drill down from the province to the ward.
      await page.getByRole('link', { name: 'Xem báo cáo của Phường Bồng Lai' }).click();
      await page.getByText(/^Phường Bồng Lai — Năm \d{4}/).waitFor();
      await page.getByRole('navigation', { name: 'Đơn vị cấp trên' }).getByRole('link', { name: 'Tỉnh Bắc Ninh' }).waitFor();
      const received = page.locator('.kpi').filter({ hasText: 'Hồ sơ tiếp nhận mới' }).locator('.kpi__value');
      assert.ok(Number((await received.textContent())!.replace(/\./g, '')) >= 2);

      // A custom period with the end before the start is refused in the form, with the error summary first.
      await page.getByLabel('Loại kỳ báo cáo').selectOption('custom');
      await page.getByLabel('Từ ngày').fill('2026-03-31');
      await page.getByLabel('Đến ngày').fill('2026-03-01');
      await page.getByRole('button', { name: 'Xem báo cáo' }).click();
      await page.locator('.error-summary').getByText('Ngày kết thúc phải sau ngày bắt đầu').waitFor();
      assert.match(await page.title(), /^Lỗi: /);

      // A quarter under the official cut-off.
      await page.getByLabel('Loại kỳ báo cáo').selectOption('quarter');
      await page.getByLabel('Năm').fill('2026');
      await page.getByLabel('Kỳ', { exact: true }).selectOption('1');
      await page.getByLabel('Cách tính kỳ').selectOption('cutoff');
      await page.getByRole('button', { name: 'Xem báo cáo' }).click();
      await page.getByText('Phường Bồng Lai — Quý I năm 2026; số liệu đang giải quyết tính đến ngày 14/03/2026.').waitFor();
      assert.match(page.url(), /ky=2026-Q1/);
      await assertNoSeriousA11yViolations(page, 'the ward dashboard for a quarter');

      // The export buttons download real files.
      const xlsx = await page.getByRole('link', { name: 'Biểu 06 (Excel)' }).getAttribute('href');
      const file = await page.request.get(xlsx!);
      assert.equal(file.status(), 200);
      assert.match(file.headers()['content-type'], /spreadsheetml/);
      const docx = await page.request.get((await page.getByRole('link', { name: 'Báo cáo tổng hợp (Word)' }).getAttribute('href'))!);
      assert.equal(docx.status(), 200);
    });
  });

  test('a ward leader sees the ward and nothing above it; small screens do not scroll sideways', async () => {
    await withPage(browser, async (page) => {
      await signIn(page, 'bonglai.lanhdao');
      await page.goto('/can-bo/bao-cao');
      await page.getByText(/^Phường Bồng Lai — Năm \d{4}/).waitFor();
      assert.equal(await page.getByRole('navigation', { name: 'Đơn vị cấp trên' }).count(), 0);
      assert.equal(await horizontalOverflow(page), 0);
      await assertNoSeriousA11yViolations(page, 'the ward dashboard on a phone');
      const province = (await (await page.request.get('/api/v1/units?code=24')).json() as { items: { id: string }[] }).items[0];
      await page.goto(`/can-bo/bao-cao?don-vi=${province.id}`);
      await page.getByText('Không tìm thấy đơn vị').waitFor();
    }, { viewport: { width: 375, height: 800 } });
  });
});
