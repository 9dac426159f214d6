// Shared helpers of the browser tests: one way to launch Chromium, sign in, and check accessibility with axe.
// scripts/run-browser-tests.mjs starts the server and passes its address in GANDAN_BASE_URL.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const baseUrl = (process.env.GANDAN_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const demoPassword = process.env.DEMO_PASSWORD ?? 'demo-password-1';
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Debian Chromium with nothing that reaches the network on its own. Playwright gives every launch a fresh
 * temporary profile (it refuses a `--user-data-dir` argument and manages that directory itself).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A new page in its own context (own cookies and storage), closed after `use` resolves or throws. */
export async function withPage<T>(browser: Browser, use: (page: Page) => Promise<T>, options: BrowserContextOptions = {}): Promise<T> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  try {
    const page = await context.newPage();
    return await use(page);
  } finally {
    await context.close();
  }
}

/** Signs in through the real sign-in page and waits for the console home. */
export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/can-bo/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === '/can-bo');
}

/** Runs axe (WCAG 2.1 A and AA rules) and fails on any serious or critical violation, listing them. */
export async function assertNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  assert.equal(serious.length, 0, `axe found serious or critical violations on ${label}:\n${report.join('\n')}`);
}

/** Width of the document beyond the viewport, in CSS pixels (0 means no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  return Number(overflow);
}
