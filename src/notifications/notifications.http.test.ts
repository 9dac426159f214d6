import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { audit, systemActor } from '../audit/audit.ts';
import { testEngine } from '../platform/db/testing.ts';
import { deliverPending, enqueue, outboxBackoffMs, type OutboxLog } from '../platform/outbox/index.ts';
import { createTestApp, type Session, type TestApp } from '../testing/app.ts';
import { resolveUnitCode } from '../units/repository.ts';
import type { SmsGateway, SmsMessage } from './channels.ts';
import { createNotifyHandler, enqueueNotification, notifyApplicant, smtpNotConfiguredNote } from './notify.ts';
import { parseMail, startTestSmtpServer, type TestSmtpServer } from './test-smtp.ts';

const quiet: OutboxLog = () => undefined;
const received = (code: string) => ({
  code, procedure: 'Đăng ký khai sinh', applicantName: 'Nguyễn Văn An', unitName: 'Bộ phận Một cửa phường Bồng Lai',
  dueAt: '2026-01-12T10:00:00Z',
});

describe(`notifications: delivery over SMTP, retries and the staff API (${testEngine})`, () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let bongLai: string;
  let kinhBac: string;
  let admin: Session;
  let unitAdmin: Session;
  let desk: Session;

  before(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestApp({ config: { smtpUrl: smtp.url } });
    bongLai = (await resolveUnitCode(t.database.db, '09295', '2026-03-02'))!.id;
    kinhBac = (await resolveUnitCode(t.database.db, '09187', '2026-03-02'))!.id;
    admin = await t.login('admin');
    unitAdmin = await t.login('bonglai.quantri');
    desk = await t.login('bonglai.motcua1');
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    await t.database.db.deleteFrom('outbox').execute();
    smtp.received.length = 0;
    smtp.rejectWith = null;
    t.setNow('2026-03-02T02:00:00Z');
  });

  const db = () => t.database.db;
  const row = (id: number) => db().selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('enqueue only writes a row: nothing is sent inside the request, a rollback sends nothing at all', async () => {
    await assert.rejects(db().transaction().execute(async (trx) => {
      await enqueueNotification(trx, { channel: 'email', to: 'an.nguyen@example.vn', template: 'dossier.received', params: received('A-1'), unitId: bongLai, now: t.ctx.clock() });
      throw new Error('intake failed');
    }));
    const { id } = await db().transaction().execute(async (trx) => {
      await audit(trx, systemActor('test'), { action: 'dossier.receive', subjectType: 'dossier', subjectId: 'A-2', unitId: bongLai });
      return enqueueNotification(trx, { channel: 'email', to: 'an.nguyen@example.vn', template: 'dossier.received', params: received('A-2'), unitId: bongLai, now: t.ctx.clock() });
    });
    assert.equal(smtp.received.length, 0, 'no mail leaves during the transaction');
    assert.equal((await db().selectFrom('outbox').select('id').execute()).length, 1);
    assert.equal((await row(id)).delivered_at, null);

    // The registered job delivers it.
    await t.ctx.jobs.send('outbox.deliver');
    await t.ctx.jobs.drain();
    assert.equal(smtp.received.length, 1);
    assert.equal((await row(id)).outcome, 'sent');
  });

  test('a notify row is delivered over SMTP with the Vietnamese subject and body first, then English', async () => {
    const code = '000.29.24.H04-260302-0001';
    const { id } = await db().transaction().execute((trx) =>
      enqueueNotification(trx, { channel: 'email', to: 'an.nguyen@example.vn', template: 'dossier.received', params: { ...received(code), secret: 'K7P-Q2M' }, unitId: bongLai, now: t.ctx.clock() }));
    const summary = await deliverPending(t.ctx, { now: t.ctx.clock(), log: quiet });
    assert.equal(summary.delivered, 1);
    assert.equal(smtp.received.length, 1);
    const raw = smtp.received[0];
    assert.deepEqual(raw.envelopeTo, ['an.nguyen@example.vn']);
    const mail = parseMail(raw.raw);
    assert.equal(mail.subject, `Đã tiếp nhận hồ sơ ${code} / Dossier ${code} received`);
    assert.match(mail.headers.get('message-id') ?? '', new RegExp(`^<outbox-${id}\\.\\d+@localhost>$`));
    assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
    const text = mail.text!.replace(/\r\n/g, '\n');
    assert.ok(text.startsWith('Kính gửi Ông/Bà Nguyễn Văn An,\n\nBộ phận Một cửa phường Bồng Lai đã tiếp nhận hồ sơ của Ông/Bà.'), text);
    assert.ok(text.includes('Ngày hẹn trả kết quả: 17:00 ngày 12/01/2026'));
    assert.ok(text.includes(`Tra cứu tình trạng hồ sơ: http://localhost:3000/tra-cuu?code=${code}`));
    assert.ok(text.includes('Mã bí mật tra cứu: K7P-Q2M'));
    assert.ok(text.indexOf('Dear Nguyễn Văn An,') > text.indexOf('Kính gửi'));
    assert.ok(mail.html!.includes('<div lang="vi">') && mail.html!.includes('Đăng ký khai sinh'));
    const stored = await row(id);
    assert.equal(stored.outcome, 'sent');
    assert.equal(stored.attempts, 1);
  });

  test('a rejecting SMTP server: retried with backoff, dead after max attempts, listed, retried by staff (audited)', async () => {
    smtp.rejectWith = 'Mailbox unavailable';
    const { id } = await enqueueNotification(db(), { channel: 'email', to: 'hoa.le@example.vn', template: 'dossier.result_ready', params: { code: 'B-1', procedure: 'Chứng thực bản sao' }, unitId: bongLai, now: t.ctx.clock() });
    let now = t.ctx.clock();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const s = await deliverPending(t.ctx, { now, log: quiet });
      assert.equal(s.claimed, 1, `attempt ${attempt} runs`);
      const r = await row(id);
      assert.equal(r.attempts, attempt);
      assert.match(r.last_error ?? '', /550|Mailbox unavailable/);
      if (attempt < 8) {
        assert.equal(r.dead_at, null);
        waits.push(r.available_at.getTime() - now.getTime());
        assert.equal((await deliverPending(t.ctx, { now: new Date(r.available_at.getTime() - 1), log: quiet })).claimed, 0, 'not before the backoff');
        now = r.available_at;
      } else {
        assert.ok(r.dead_at, 'dead after 8 attempts');
      }
    }
    assert.deepEqual(waits, [1, 2, 3, 4, 5, 6, 7].map(outboxBackoffMs));
    assert.equal(smtp.received.length, 0);
    t.setNow(now);

    // A message of another ward is outside the unit administrator's reach.
    const other = await enqueueNotification(db(), { channel: 'sms', to: '0912345678', template: 'dossier.returned', params: { code: 'K-1', procedure: 'Đăng ký khai tử', returnedAt: '2026-03-01T03:00:00Z' }, unitId: kinhBac, now });
    await db().updateTable('outbox').set({ dead_at: now, last_error: 'x', attempts: 8 }).where('id', '=', other.id).execute();

    const list = await t.as(unitAdmin, { url: '/api/v1/notifications?status=dead' });
    assert.equal(list.statusCode, 200);
    const items = list.json().items;
    assert.deepEqual(items.map((i: { id: number }) => i.id), [id]);
    assert.equal(items[0].recipient, 'h***e@example.vn');
    assert.equal(items[0].template, 'dossier.result_ready');
    assert.equal(items[0].channel, 'email');
    assert.equal(items[0].attempts, 8);
    assert.equal(items[0].status, 'dead');
    assert.match(items[0].lastError, /Mailbox unavailable/);
    assert.ok(!JSON.stringify(items).includes('hoa.le@'), 'the address is never shown in full');
    const all = (await t.as(admin, { url: '/api/v1/notifications?status=dead' })).json().items;
    assert.equal(all.length, 2);
    assert.equal(all.find((i: { id: number }) => i.id === other.id).recipient, '091****678');

    assert.equal((await t.as(desk, { url: '/api/v1/notifications' })).statusCode, 403);
    assert.equal((await t.as(null, { url: '/api/v1/notifications' })).statusCode, 401);
    assert.equal((await t.as(desk, { method: 'POST', url: `/api/v1/notifications/${id}/retry` })).statusCode, 403);
    assert.equal((await t.as(unitAdmin, { method: 'POST', url: `/api/v1/notifications/${other.id}/retry` })).statusCode, 404);

    smtp.rejectWith = null;
    const retried = await t.as(unitAdmin, { method: 'POST', url: `/api/v1/notifications/${id}/retry` });
    assert.equal(retried.statusCode, 200, retried.body);
    assert.equal(retried.json().status, 'pending');
    assert.equal(retried.json().attempts, 0);
    const trail = await db().selectFrom('audit_log').selectAll().where('action', '=', 'notification.retry').where('subject_id', '=', String(id)).execute();
    assert.equal(trail.length, 1);
    assert.equal(trail[0].unit_id, bongLai);
    assert.equal((trail[0].before as { status: string }).status, 'dead');
    assert.equal((trail[0].after as { status: string }).status, 'pending');

    const s = await deliverPending(t.ctx, { now, log: quiet });
    assert.equal(s.delivered, 1);
    assert.equal(smtp.received.length, 1);
    assert.equal(parseMail(smtp.received[0].raw).subject, 'Hồ sơ B-1 đã có kết quả / The result of dossier B-1 is ready');
    const again = await t.as(unitAdmin, { method: 'POST', url: `/api/v1/notifications/${id}/retry` });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'not_retryable');
    const delivered = (await t.as(unitAdmin, { url: '/api/v1/notifications?status=delivered' })).json().items;
    assert.equal(delivered[0].outcome, 'sent');
  });

  test('the list pages by cursor and filters pending and failed', async () => {
    for (let i = 0; i < 5; i++) {
      await enqueueNotification(db(), { channel: 'sms', to: `091234567${i}`, template: 'dossier.returned', params: { code: `P-${i}`, procedure: 'Đăng ký khai sinh', returnedAt: '2026-03-01T03:00:00Z' }, unitId: bongLai, now: t.ctx.clock() });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/notifications?status=pending&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await t.as(unitAdmin, { url })).json();
      seen.push(...body.items.map((i: { id: number }) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 5);
    assert.deepEqual(seen, [...seen].sort((a, b) => b - a));
    await db().updateTable('outbox').set({ last_error: 'timeout', attempts: 1 }).where('id', '=', seen[0]).execute();
    const failed = (await t.as(unitAdmin, { url: '/api/v1/notifications?status=failed' })).json().items;
    assert.deepEqual(failed.map((i: { id: number }) => i.id), [seen[0]]);
    assert.equal((await t.as(unitAdmin, { url: '/api/v1/notifications?status=nope' })).statusCode, 400);
  });

  test('without SMTP_URL the email is logged, not sent, and recorded honestly', async () => {
    const logged: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
    const { id } = await enqueueNotification(db(), { channel: 'email', to: 'an.nguyen@example.vn', template: 'question.answered', params: { reference: 'HD-42', title: 'Đăng ký tạm trú cần giấy tờ gì?' }, unitId: bongLai, now: t.ctx.clock() });
    const noSmtp = { ...t.ctx, config: { ...t.ctx.config, smtpUrl: null } };
    const s = await deliverPending(noSmtp, { now: t.ctx.clock(), log: (level, msg, fields) => logged.push({ level, msg, fields }) });
    assert.deepEqual([s.delivered, s.notSent], [0, 1]);
    assert.equal(smtp.received.length, 0);
    const r = await row(id);
    assert.ok(r.delivered_at);
    assert.equal(r.outcome, 'not_sent');
    assert.equal(r.delivery_note, smtpNotConfiguredNote);
    assert.ok(logged.some((l) => l.level === 'warn' && /Email NOT sent: SMTP_URL is not set/.test(l.msg) && String(l.fields?.text).includes('Đăng ký tạm trú')));
    const item = (await t.as(unitAdmin, { url: '/api/v1/notifications?status=delivered' })).json().items[0];
    assert.equal(item.outcome, 'not_sent');
    assert.equal(item.note, smtpNotConfiguredNote);
  });

  test('SMS: the default gateway only logs (not_sent); a real gateway gets the ASCII text within 160 characters', async () => {
    const r1 = await notifyApplicant(db(), {
      email: 'not an email', phone: '0912 345 678', template: 'dossier.supplement_requested', unitId: bongLai, now: t.ctx.clock(), dedupeKey: 'dossier:X:supplement:1',
      params: { code: '000.29.24.H04-260302-0007', procedure: 'Đăng ký kết hôn', missing: ['Giấy xác nhận tình trạng hôn nhân'], deadline: '2026-03-09T10:00:00Z' },
    });
    assert.deepEqual(r1.skipped, ['email: not an email address']);
    assert.ok(r1.sms?.created);
    const twice = await notifyApplicant(db(), {
      phone: '0912345678', template: 'dossier.supplement_requested', unitId: bongLai, now: t.ctx.clock(), dedupeKey: 'dossier:X:supplement:1',
      params: { code: 'other', procedure: 'other', reason: 'other' },
    });
    assert.deepEqual(twice.sms, { id: r1.sms!.id, created: false });

    const logged: string[] = [];
    await deliverPending(t.ctx, { now: t.ctx.clock(), log: (_l, msg) => logged.push(msg) });
    const r = await row(r1.sms!.id);
    assert.equal(r.outcome, 'not_sent');
    assert.match(r.delivery_note ?? '', /no SMS gateway configured/);
    assert.ok(logged.some((m) => /SMS NOT sent/.test(m)));

    const sent: SmsMessage[] = [];
    const gateway: SmsGateway = { name: 'test', send: async (m) => { sent.push(m); return { sent: true }; } };
    const { id } = await enqueueNotification(db(), { channel: 'sms', to: '+84 912 345 678', template: 'dossier.received', params: received('000.29.24.H04-260302-0008'), unitId: bongLai, now: t.ctx.clock() });
    await deliverPending(t.ctx, { now: t.ctx.clock(), log: quiet, handlers: { notify: createNotifyHandler({ sms: gateway }) } });
    assert.equal(sent.length, 1);
    assert.equal(sent[0].to, '+84912345678');
    assert.equal(sent[0].messageId, `outbox-${id}`);
    assert.ok(sent[0].text.length <= 160 && /^[\x20-\x7e]+$/.test(sent[0].text), sent[0].text);
    assert.ok(sent[0].text.startsWith('Gan Dan: Da tiep nhan ho so 000.29.24.H04-260302-0008 (Dang ky khai sinh). Hen tra: 17:00 12/01/2026.'));
    assert.ok(sent[0].unicodeText.startsWith('Gần Dân: Đã tiếp nhận hồ sơ'));
    assert.equal((await row(id)).outcome, 'sent');
  });

  test('a malformed notify payload goes dead at once with the reason', async () => {
    const { id } = await enqueue(db(), { topic: 'notify', payload: { channel: 'fax', to: 'x', template: 'nope', params: {}, locale: 'vi' }, unitId: bongLai, now: t.ctx.clock() });
    await assert.rejects(enqueueNotification(db(), { channel: 'email', to: 'a@b.vn', template: 'dossier.received', params: { code: 'x' } as never }), /invalid notification/);
    const s = await deliverPending(t.ctx, { now: t.ctx.clock(), log: quiet });
    assert.equal(s.dead, 1);
    const r = await row(id);
    assert.ok(r.dead_at);
    assert.match(r.last_error ?? '', /invalid notify payload: channel must be one of email, sms; .*unknown template "nope"/);
  });

  test('two workers delivering at once send each email exactly once', async () => {
    const total = 16;
    await db().transaction().execute(async (trx) => {
      for (let i = 0; i < total; i++) {
        await enqueueNotification(trx, { channel: 'email', to: `citizen${i}@example.vn`, template: 'dossier.returned', params: { code: `R-${i}`, procedure: 'Đăng ký khai sinh', returnedAt: '2026-03-01T03:00:00Z' }, unitId: bongLai, now: t.ctx.clock() });
      }
    });
    const [a, b] = await Promise.all([
      deliverPending(t.ctx, { now: t.ctx.clock(), batchSize: 3, log: quiet }),
      deliverPending(t.ctx, { now: t.ctx.clock(), batchSize: 3, log: quiet }),
    ]);
    assert.equal(a.delivered + b.delivered, total);
    assert.equal(smtp.received.length, total);
    const ids = new Set(smtp.received.map((m) => parseMail(m.raw).headers.get('message-id')));
    assert.equal(ids.size, total);
    const recipients = new Set(smtp.received.flatMap((m) => m.envelopeTo));
    assert.equal(recipients.size, total);
  });
});
