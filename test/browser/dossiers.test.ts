// Dossiers through the real console pages: counter intake (mouse and keyboard only), queues, the dossier page and
// its actions by the desk officer, the specialist and the leader of phường Bồng Lai.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertNoSeriousA11yViolations, baseUrl, horizontalOverflow, launchBrowser, signIn } from './support.ts';

let browser: Browser;
const contexts: BrowserContext[] = [];
/** One signed-in page per official, kept for the whole file (three sign-ins in all). */
let desk: Page;
let specialist: Page;
let leader: Page;

async function signedIn(username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

before(async () => {
  browser = await launchBrowser();
  desk = await signedIn('bonglai.motcua1');
  specialist = await signedIn('bonglai.chuyenvien');
  leader = await signedIn('bonglai.lanhdao');
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const applicant = { name: 'Trần Thị Bích Ngọc', idNumber: '027190001234', birthYear: '1990', phone: '0912 345 678' };

const isFocused = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el === el.ownerDocument.activeElement);

async function waitForFocus(page: Page, selector: string): Promise<void> {
  // Runs in the page (the CSP forbids string evaluation); the test's TypeScript has no DOM types, hence the cast.
  await page.waitForFunction((s: string) => {
    const doc = (globalThis as unknown as { document: { activeElement: unknown; querySelector: (q: string) => unknown } }).document;
    return doc.activeElement === doc.querySelector(s);
  }, selector);
}

async function openIntake(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
}

async function openDossier(page: Page, id: string): Promise<void> {
  await page.goto(`/can-bo/ho-so/${id}`);
  await page.getByRole('heading', { level: 1, name: /^Hồ sơ / }).waitFor();
}

async function expectStatus(page: Page, label: string, nationalStatus: number): Promise<void> {
  await page.getByTestId('dossier-state').filter({ hasText: label }).waitFor();
  assert.equal((await page.getByTestId('dossier-state').textContent())?.trim(), label);
  assert.equal((await page.getByTestId('national-status').textContent())?.trim(), `Mã trạng thái quốc gia: ${nationalStatus}`);
}

/** Opens the action's form, lets `fill` complete it, confirms, and waits for the page to say it is done. */
async function act(page: Page, label: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const form = page.locator('#action-form');
  await form.getByRole('heading', { name: label }).waitFor();
  if (fill) await fill(form);
  await form.getByRole('button', { name: `Xác nhận: ${label}` }).click();
  await page.getByText(`Đã thực hiện: ${label}`).waitFor();
}

function timelineActions(page: Page): Promise<string[]> {
  return page.getByTestId('timeline').locator('.dossier-timeline__what strong').allTextContents();
}

/** A date-time a month ahead, in Vietnam, as a datetime-local value. */
function monthAhead(): string {
  const day = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
  return `${day}T17:00`;
}

/** Opens the intake screen, picks the procedure found by `words` and types the applicant's name. */
async function startIntake(page: Page, words: string, code: string, name: string): Promise<void> {
  await openIntake(page);
  await page.getByRole('combobox', { name: 'Thủ tục hành chính' }).fill(words);
  await page.getByRole('option', { name: new RegExp(code.replace(/\./g, '\\.')) }).click();
  await waitForFocus(page, '#intake-name');
  await page.keyboard.type(name);
}

describe('dossiers at the one-stop desk', () => {
  test('intake → forward → specialist → leader approves → result → return, with state, national status and history', async () => {
    // Intake: search without diacritics, pick with the keyboard, fill the applicant.
    await openIntake(desk);
    const search = desk.getByRole('combobox', { name: 'Thủ tục hành chính' });
    await search.fill('thay doi cai chinh');
    await desk.getByRole('option', { name: /1\.004859/ }).waitFor();
    assert.equal(await search.getAttribute('aria-expanded'), 'true');
    await search.press('ArrowDown');
    assert.match((await search.getAttribute('aria-activedescendant')) ?? '', /option-0$/);
    await search.press('Enter');
    await waitForFocus(desk, '#intake-name');
    assert.match(await desk.locator('#intake-procedure-picked').innerText(), /1\.004859/);
    await desk.getByLabel('Họ và tên').fill(applicant.name);
    await desk.getByLabel('Số định danh cá nhân (CCCD)').fill(applicant.idNumber);
    await desk.getByLabel('Năm sinh').fill(applicant.birthYear);
    await desk.getByLabel('Số điện thoại').fill(applicant.phone);
    await desk.getByText('Tổng số tiền phải nộp').or(desk.getByText('Miễn phí')).first().waitFor();
    await assertNoSeriousA11yViolations(desk, 'the intake screen');

    // "Complete" with unticked required documents: the error summary takes focus and links to the document.
    await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await desk.locator('.error-summary').waitFor();
    assert.ok(await isFocused(desk, '.error-summary'));
    assert.match(await desk.title(), /^Lỗi: /);
    await desk.locator('.error-summary').getByRole('link', { name: /Còn giấy tờ bắt buộc/ }).click();
    await waitForFocus(desk, '#intake-doc-0-received');
    await assertNoSeriousA11yViolations(desk, 'the intake screen with errors');

    await desk.getByRole('button', { name: 'Đánh dấu đã nhận tất cả' }).click();
    for (const box of await desk.locator('.checklist input[type="checkbox"]').all()) assert.ok(await box.isChecked());
    await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await desk.getByRole('heading', { name: /^Đã tiếp nhận hồ sơ / }).waitFor();
    const code = (await desk.getByTestId('dossier-code').innerText()).trim();
    assert.match(code, /^[\w.]+-\d{6}-\d{4}$/);
    assert.match(await desk.getByTestId('lookup-secret').innerText(), /^[A-Z2-9]{10}$/);
    await desk.getByTestId('appointment').waitFor();
    const receipt = desk.getByRole('link', { name: /In giấy tiếp nhận và hẹn trả kết quả \(mẫu 01\)/ });
    assert.match((await receipt.getAttribute('href')) ?? '', /^\/api\/v1\/dossiers\/[0-9a-f-]{36}\/forms\/01\.pdf$/);
    await assertNoSeriousA11yViolations(desk, 'the intake result');

    // The queue: "my work" lists it with counts; the phone layout shows cards without sideways scrolling.
    await desk.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Hồ sơ' }).waitFor();
    const queues = desk.getByRole('navigation', { name: 'Hàng đợi hồ sơ' });
    assert.equal(await queues.getByRole('link', { name: /^Việc của tôi/ }).getAttribute('aria-current'), 'page');
    await queues.getByRole('link', { name: /^Việc của tôi \d+$/ }).waitFor();
    const row = desk.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    assert.match(await row.innerText(), /Đã tiếp nhận/);
    assert.match(await row.innerText(), /còn \d/);
    await assertNoSeriousA11yViolations(desk, 'the queue page');
    await desk.setViewportSize({ width: 320, height: 800 });
    await desk.locator('.dossier-card').filter({ hasText: code }).waitFor();
    assert.ok(await horizontalOverflow(desk) <= 0, 'no horizontal scrolling at 320 px on the queue page');
    await desk.setViewportSize({ width: 1280, height: 800 });

    await row.getByRole('link', { name: code }).click();
    await desk.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const id = new URL(desk.url()).pathname.split('/').pop()!;
    await expectStatus(desk, 'Đã tiếp nhận', 2);
    assert.match(await desk.getByTestId('current-step').innerText(), /Tiếp nhận, kiểm tra hồ sơ — Cán bộ một cửa/);
    assert.match(await desk.getByTestId('deadline').innerText(), /^còn \d/);
    await desk.getByRole('button', { name: 'Chuyển xử lý', exact: true }).click();
    await assertNoSeriousA11yViolations(desk, 'the dossier page with an action form');
    await desk.setViewportSize({ width: 320, height: 800 });
    assert.ok(await horizontalOverflow(desk) <= 0, 'no horizontal scrolling at 320 px on the dossier page');
    await desk.setViewportSize({ width: 1280, height: 800 });
    await desk.getByRole('button', { name: 'Hủy' }).click();
    await act(desk, 'Chuyển xử lý');
    await expectStatus(desk, 'Đang giải quyết', 4);
    assert.match(await desk.getByTestId('current-step').innerText(), /Chuyên viên xử lý/);
    assert.equal(await desk.getByRole('button', { name: 'Chuyển xử lý', exact: true }).count(), 0, 'the desk cannot act at the specialist’s step');

    // The specialist finds it by its code among all dossiers and forwards it.
    await specialist.goto('/can-bo/ho-so?hang=all');
    await specialist.getByLabel('Mã hồ sơ hoặc tên người nộp').fill(code);
    await specialist.getByRole('button', { name: 'Tìm kiếm' }).click();
    await specialist.getByRole('row').filter({ hasText: code }).getByRole('link', { name: code }).click();
    await specialist.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await act(specialist, 'Chuyển xử lý', (form) => form.getByLabel('Ghi chú').fill('Hồ sơ hợp lệ, đề nghị phê duyệt'));
    await expectStatus(specialist, 'Đang giải quyết', 4);
    assert.match(await specialist.getByTestId('current-step').innerText(), /Lãnh đạo ký duyệt/);

    await openDossier(leader, id);
    await act(leader, 'Phê duyệt');
    await expectStatus(leader, 'Đang giải quyết', 4);
    assert.match(await leader.getByTestId('current-step').innerText(), /Trả kết quả — Cán bộ một cửa/);

    await openDossier(desk, id);
    await act(desk, 'Ghi nhận kết quả', async (form) => {
      await form.getByLabel('Số văn bản kết quả').fill('15/2026/TLHT');
      await form.getByLabel('Người ký').fill('Hoàng Văn Nam');
    });
    await expectStatus(desk, 'Đã có kết quả, chờ trả', 9);
    assert.match(await desk.getByText('15/2026/TLHT').first().innerText(), /15\/2026\/TLHT/);
    await act(desk, 'Trả kết quả');
    await expectStatus(desk, 'Đã trả kết quả', 10);
    assert.deepEqual(await timelineActions(desk),
      ['Tiếp nhận hồ sơ', 'Chuyển xử lý', 'Chuyển xử lý', 'Phê duyệt', 'Ghi nhận kết quả', 'Trả kết quả']);
    const history = await desk.getByTestId('timeline').innerText();
    assert.match(history, /Nguyễn Thị Lan/);
    assert.match(history, /Đã tiếp nhận → Đang giải quyết/);
    assert.match(history, /Hạn của bước:/);
    assert.match(history, /Hồ sơ hợp lệ, đề nghị phê duyệt/);
    assert.match(history, /Đã có kết quả, chờ trả → Đã trả kết quả/);
    await desk.getByRole('link', { name: /mẫu 05/ }).waitFor();
    await assertNoSeriousA11yViolations(desk, 'the returned dossier');
  });

  test('keyboard-only intake, then supplement → completion → apology with a new appointment → returned', async () => {
    await desk.goto('/can-bo/tiep-nhan');
    await desk.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
    await desk.getByText('Alt+T').first().waitFor(); // the shortcuts are shown
    await desk.keyboard.press('Alt+KeyT');
    await waitForFocus(desk, '#intake-procedure');
    await desk.keyboard.type('thay doi cai chinh');
    await desk.getByRole('option', { name: /1\.004859/ }).waitFor();
    await desk.keyboard.press('ArrowDown');
    await desk.keyboard.press('Enter');
    await waitForFocus(desk, '#intake-name');
    await desk.keyboard.type('Lê Văn Khoa');
    for (const [field, text] of [['#intake-id-number', '027085004321'], ['#intake-birth-year', '1985'], ['#intake-phone', '0987654321']]) {
      await desk.keyboard.press('Tab');
      await waitForFocus(desk, field);
      await desk.keyboard.type(text);
    }
    await desk.keyboard.press('Alt+KeyG');
    for (const box of await desk.locator('.checklist input[type="checkbox"]').all()) assert.ok(await box.isChecked());
    // Tab order leads from the checklist through the outcome to the submit button.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await desk.keyboard.press('Tab');
      reached = await isFocused(desk, '#intake-submit');
    }
    assert.ok(reached, 'Tab reaches the submit button');
    await desk.keyboard.press('Enter');
    const done = desk.getByRole('heading', { name: /^Đã tiếp nhận hồ sơ / });
    await done.waitFor();
    assert.ok(await done.evaluate((el) => el === el.ownerDocument.activeElement), 'focus moves to the result');
    await desk.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await desk.getByRole('heading', { level: 1, name: /^Hồ sơ / }).waitFor();
    const id = new URL(desk.url()).pathname.split('/').pop()!;
    await expectStatus(desk, 'Đã tiếp nhận', 2);
    await act(desk, 'Chuyển xử lý');

    await openDossier(specialist, id);
    await act(specialist, 'Yêu cầu bổ sung hồ sơ', async (form) => {
      await form.getByLabel('Lý do').fill('Thiếu giấy tờ chứng minh');
      await form.getByRole('button', { name: 'Thêm giấy tờ cần bổ sung' }).click();
      await form.getByLabel('Giấy tờ 1').fill('Giấy tờ làm căn cứ cải chính');
      await form.getByLabel('Nội dung cần bổ sung 1').fill('Bản sao chưa chứng thực');
    });
    await expectStatus(specialist, 'Chờ bổ sung hồ sơ', 5);
    await specialist.getByRole('heading', { name: 'Các lần yêu cầu bổ sung' }).waitFor();
    assert.match(await specialist.getByTestId('timeline').innerText(), /Giấy tờ làm căn cứ cải chính: Bản sao chưa chứng thực/);
    await specialist.getByRole('link', { name: /mẫu 02/ }).waitFor();

    await openDossier(desk, id);
    await act(desk, 'Nhận hồ sơ bổ sung');
    await expectStatus(desk, 'Đang giải quyết', 4);
    assert.match(await desk.locator('.rounds').innerText(), /Hạn giải quyết cũ → mới/);

    const appointment = monthAhead();
    const [date] = appointment.split('T');
    const shown = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
    await openDossier(leader, id);
    await act(leader, 'Xin lỗi và hẹn lại ngày trả', async (form) => {
      await form.getByLabel('Lý do chậm trễ').fill('Cần xác minh thêm tại nơi đăng ký hộ tịch');
      await form.getByLabel('Ngày giờ hẹn trả mới').fill(appointment);
    });
    const appointmentText = await leader.getByTestId('appointment-at').innerText();
    assert.ok(appointmentText.includes(shown) && appointmentText.includes('17:00'), appointmentText);
    assert.match(appointmentText, /Đã hẹn lại/);
    assert.notEqual(await leader.getByTestId('due-at').innerText(), appointmentText, 'the statutory due date stays');
    assert.match(await leader.getByTestId('timeline').innerText(), new RegExp(`Hẹn trả mới: .*${shown.replace(/\//g, '\\/')}`));
    await leader.getByRole('link', { name: /mẫu 04/ }).waitFor();
    assert.equal(await leader.getByRole('button', { name: 'Xin lỗi và hẹn lại ngày trả', exact: true }).count(), 1);

    await openDossier(specialist, id);
    await act(specialist, 'Chuyển xử lý');
    await openDossier(leader, id);
    await act(leader, 'Phê duyệt');
    await openDossier(desk, id);
    await act(desk, 'Ghi nhận kết quả', (form) => form.getByLabel('Số văn bản kết quả').fill('21/2026/TLHT'));
    await act(desk, 'Trả kết quả');
    await expectStatus(desk, 'Đã trả kết quả', 10);
    assert.deepEqual(await timelineActions(desk), [
      'Tiếp nhận hồ sơ', 'Chuyển xử lý', 'Yêu cầu bổ sung hồ sơ', 'Nhận hồ sơ bổ sung', 'Xin lỗi và hẹn lại ngày trả',
      'Chuyển xử lý', 'Phê duyệt', 'Ghi nhận kết quả', 'Trả kết quả',
    ]);
  });

  test('incomplete (form 02), refused (form 03) and on-the-spot intakes at the counter', async () => {
    // Incomplete: the list starts from the required documents not ticked, and can be edited.
    await startIntake(desk, 'thay doi cai chinh', '1.004859', 'Đỗ Thị Hoa');
    await desk.locator('#intake-doc-0-received').check();
    await desk.getByLabel(/^Hồ sơ chưa đầy đủ/).check();
    assert.equal(await desk.getByLabel('Giấy tờ 1', { exact: true }).inputValue(), 'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch');
    assert.equal(await desk.getByLabel('Nội dung cần bổ sung 1', { exact: true }).inputValue(), 'Chưa nộp');
    await desk.getByLabel('Nội dung cần bổ sung 1', { exact: true }).fill('Bản sao chưa chứng thực');
    await desk.getByRole('button', { name: 'Bỏ giấy tờ 2' }).click();
    await waitForFocus(desk, '#intake-missing-add');
    assert.equal(await desk.getByLabel('Giấy tờ 2', { exact: true }).count(), 0);
    await desk.setViewportSize({ width: 320, height: 800 });
    assert.ok(await horizontalOverflow(desk) <= 0, 'no horizontal scrolling at 320 px on the intake screen');
    await desk.setViewportSize({ width: 1280, height: 800 });
    await desk.getByRole('button', { name: 'Lập phiếu yêu cầu bổ sung' }).click();
    await desk.getByRole('heading', { name: 'Đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' }).waitFor();
    const form02 = desk.getByRole('link', { name: /mẫu 02/ });
    assert.match((await form02.getAttribute('href')) ?? '', /\/forms\/02\.pdf$/);

    // Refused: the reasons are required; the summary links to them.
    await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();
    await waitForFocus(desk, '#intake-procedure');
    await desk.keyboard.type('thay doi cai chinh');
    await desk.getByRole('option', { name: /1\.004859/ }).click();
    await waitForFocus(desk, '#intake-name');
    await desk.keyboard.type('Vũ Văn Tâm');
    await desk.getByLabel(/^Không đủ điều kiện/).check();
    await desk.getByRole('button', { name: 'Lập phiếu từ chối tiếp nhận' }).click();
    await desk.locator('.error-summary').getByRole('link', { name: 'Nêu rõ lý do từ chối tiếp nhận' }).click();
    await waitForFocus(desk, '#intake-reasons');
    await desk.keyboard.type('Yêu cầu không thuộc thẩm quyền của UBND phường');
    await desk.getByRole('button', { name: 'Lập phiếu từ chối tiếp nhận' }).click();
    await desk.getByRole('heading', { name: 'Đã lập phiếu từ chối tiếp nhận hồ sơ' }).waitFor();
    assert.match((await desk.getByRole('link', { name: /mẫu 03/ }).getAttribute('href')) ?? '', /\/forms\/03\.pdf$/);
    await desk.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Hồ sơ chưa cấp mã' }).waitFor();
    await expectStatus(desk, 'Từ chối tiếp nhận', 3);

    // On the spot: decided and returned in the same screen.
    await startIntake(desk, 'chung thuc ban sao', '2.000815', 'Ngô Quang Huy');
    await desk.getByText('2.000 đ').first().waitFor();
    await desk.getByRole('button', { name: 'Đánh dấu đã nhận tất cả' }).click();
    await desk.getByLabel('Giải quyết ngay và trả kết quả tại chỗ').check();
    await desk.getByLabel('Số kết quả').fill('CT-0123');
    await desk.getByRole('button', { name: 'Tiếp nhận và trả kết quả ngay' }).click();
    await desk.getByRole('heading', { name: /^Đã giải quyết và trả kết quả hồ sơ / }).waitFor();
    await desk.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await desk.getByRole('heading', { level: 1, name: /^Hồ sơ / }).waitFor();
    await expectStatus(desk, 'Đã trả kết quả', 10);
  });

  test('a lost answer is retried with the same Idempotency-Key; a stale version answers 409 with a way to reload', async () => {
    await startIntake(desk, 'thay doi cai chinh', '1.004859', 'Phạm Minh Đức');
    await desk.getByRole('button', { name: 'Đánh dấu đã nhận tất cả' }).click();
    // The server receives the first request but its answer is lost; the retry must not create a second dossier.
    const keys: string[] = [];
    await desk.route('**/api/v1/dossiers', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('failed');
    });
    await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await desk.locator('.error-summary').getByText('Không kết nối được với máy chủ', { exact: false }).waitFor();
    await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await desk.getByText('Yêu cầu này đã được gửi trước đó').waitFor();
    await desk.unroute('**/api/v1/dossiers');
    assert.equal(keys.length, 2);
    assert.ok(keys[0].length >= 8);
    assert.equal(keys[1], keys[0]);
    await desk.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await desk.getByRole('heading', { level: 1, name: /^Hồ sơ / }).waitFor();
    const id = new URL(desk.url()).pathname.split('/').pop()!;

    // The same desk officer forwards it from another tab: this page still holds version 1.
    const other = await desk.context().newPage();
    await openDossier(other, id);
    await act(other, 'Chuyển xử lý');
    await other.close();

    await desk.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ', exact: true }).click();
    await desk.locator('#action-form').getByLabel('Lý do').fill('Thiếu tờ khai');
    await desk.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung hồ sơ' }).click();
    await desk.locator('.error-summary').waitFor();
    await desk.getByText('người khác đã thay đổi hồ sơ này').waitFor();
    await desk.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await expectStatus(desk, 'Đang giải quyết', 4);
  });
});
