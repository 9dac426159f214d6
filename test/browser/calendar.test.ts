// The working calendar through the real pages: the year view (real tables, each day readable), confirming the
// announced 24/11/2026 as a holiday in the schedule editor, the due-date calculator, and a unit's own calendar.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, launchBrowser, signIn, withPage } from './support.ts';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

interface Entry { date: string; kind: string; name: string; nameEn: string; source: string; confidence: string }

/** The 2026 schedule as stored, through the API of the signed-in page (to put it back after the test). */
async function schedule2026(page: Page): Promise<{ summary: string; entries: Entry[] }> {
  const rules = await (await page.request.get('/api/v1/calendar/rules')).json() as { rules: { schedules: Array<{ year: number; summary: string; entries: Entry[] }> } };
  const found = rules.rules.schedules.find((s) => s.year === 2026);
  assert.ok(found, 'the shipped data has a 2026 schedule');
  return { summary: found.summary, entries: found.entries };
}

async function restore(page: Page, saved: { summary: string; entries: Entry[] }): Promise<void> {
  const me = await (await page.request.get('/api/v1/me')).json() as { csrfToken: string };
  const response = await page.request.put('/api/v1/calendar/schedules/2026', {
    headers: { 'x-csrf-token': me.csrfToken }, data: { schedule: saved, note: 'browser test: restore 2026' },
  });
  assert.equal(response.status(), 200, await response.text());
}

const dayCell = (page: Page, reading: RegExp) => page.getByRole('cell', { name: reading });

describe('working calendar', () => {
  test('confirming 24/11/2026 as a holiday makes it a rest day in the year view', async () => {
    await withPage(browser, async (page) => {
      await signIn(page, 'admin');
      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Lịch làm việc' }).click();
      await page.getByRole('heading', { level: 1, name: /^Lịch làm việc năm \d{4}$/ }).waitFor();
      await page.goto('/can-bo/lich-lam-viec?nam=2026');
      await page.getByRole('heading', { level: 1, name: 'Lịch làm việc năm 2026' }).waitFor();
      // Real tables with captions; each day reads out in full, whatever its colour.
      await page.getByRole('table', { name: 'Tháng 9 năm 2026' }).waitFor();
      await dayCell(page, /^Thứ Tư 2\/9\/2026 — Quốc khánh.*\(ngày lễ, nghỉ\)$/).waitFor();
      await dayCell(page, /^Thứ Bảy 22\/8\/2026 — .*\(làm bù, ngày làm việc\)$/).waitFor();
      await dayCell(page, /^Thứ Ba 24\/11\/2026 — Ngày Văn hóa Việt Nam \(24\/11\) \(chưa chính thức, vẫn làm việc\)/).waitFor();
      await page.getByText('Ngày đã công bố nhưng chưa chính thức là ngày nghỉ').waitFor();
      await assertNoSeriousA11yViolations(page, 'the calendar year view');

      const saved = await schedule2026(page);
      try {
        await page.getByRole('link', { name: 'Sửa lịch nghỉ năm 2026' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Lịch nghỉ năm 2026' }).waitFor();
        await page.getByLabel(/^Loại ngày, dòng \d+ \(24\/11\/2026\)$/).selectOption('holiday');
        await page.getByLabel('Ghi chú, căn cứ thay đổi').fill('Xác nhận Ngày Văn hóa Việt Nam là ngày nghỉ (thử nghiệm)');
        await assertNoSeriousA11yViolations(page, 'the schedule editor');
        await page.getByRole('button', { name: 'Lưu lịch nghỉ năm 2026' }).click();
        await page.getByText('Đã lưu lịch năm 2026').waitFor();
        // The answer says how many open dossiers were recomputed.
        await page.getByText(/Đã tính lại hạn của \d+ hồ sơ|Không có hồ sơ đang giải quyết nào/).waitFor();

        await page.getByRole('link', { name: 'Xem lịch làm việc năm 2026' }).click();
        await page.getByRole('heading', { level: 1, name: 'Lịch làm việc năm 2026' }).waitFor();
        await dayCell(page, /^Thứ Ba 24\/11\/2026 — Ngày Văn hóa Việt Nam \(24\/11\) \(ngày lễ, nghỉ\)/).waitFor();
        const named = await page.getByRole('table', { name: 'Ngày nghỉ lễ, Tết, nghỉ bù, hoán đổi và ngày làm bù' }).innerText();
        assert.match(named, /Thứ Ba 24\/11\/2026\s+Ngày lễ, Tết \(nghỉ\)\s+Ngày Văn hóa Việt Nam/);
        assert.equal(await page.getByText('Ngày đã công bố nhưng chưa chính thức là ngày nghỉ').count(), 0);
        const history = await page.getByRole('table', { name: 'Phiên bản quy tắc và lịch sử thay đổi' }).innerText();
        assert.match(history, /Xác nhận Ngày Văn hóa Việt Nam là ngày nghỉ/);
      } finally {
        await restore(page, saved);
      }
    });
  });

  test('the due-date calculator counts a make-up Saturday as a working day', async () => {
    await withPage(browser, async (page) => {
      await signIn(page, 'admin');
      await page.goto('/can-bo/lich-lam-viec/tinh-han');
      await page.getByRole('heading', { level: 1, name: 'Tính ngày hẹn trả kết quả' }).waitFor();
      await page.getByLabel('Ngày nhận hồ sơ').fill('2026-01-09');
      await page.getByLabel('Giờ nhận hồ sơ').fill('10:00');
      await page.getByLabel('Tính theo').selectOption('working_days');
      await page.getByLabel('Số ngày hoặc số giờ').fill('1');
      await page.getByRole('button', { name: 'Tính ngày hẹn' }).click();
      await page.getByText('17:00 Thứ Bảy 10/1/2026').waitFor();
      await page.getByLabel('Giờ nhận hồ sơ').fill('16:00');
      await page.getByRole('button', { name: 'Tính ngày hẹn' }).click();
      await page.getByText('17:00 Thứ Hai 12/1/2026').waitFor();
      await assertNoSeriousA11yViolations(page, 'the due-date calculator');
    });
  });

  test('a unit administrator opens their unit’s own days and office hours, and cannot edit the national schedule', async () => {
    await withPage(browser, async (page) => {
      await signIn(page, 'bonglai.quantri');
      await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Lịch làm việc' }).click();
      await page.getByRole('heading', { level: 1, name: /^Lịch làm việc năm \d{4}$/ }).waitFor();
      assert.equal(await page.getByRole('link', { name: /^Sửa lịch nghỉ năm/ }).count(), 0);
      await page.getByRole('link', { name: 'Ngày nghỉ và giờ làm việc của đơn vị' }).click();
      await page.getByRole('heading', { level: 1, name: /^Lịch riêng của / }).waitFor();
      await page.getByRole('button', { name: 'Thêm giờ làm việc riêng' }).click();
      await page.getByLabel('Giờ chốt nhận hồ sơ').waitFor();
      await assertNoSeriousA11yViolations(page, 'a unit’s calendar');
    });
  });
});
