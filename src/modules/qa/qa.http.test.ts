import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { unitId } from '../citizen/test/helpers.ts';

// Q&A: asked by anyone, routed to the unit's queue with a target of five working days, answered (the asker is
// notified), published to the FAQ without personal data, and found by a search without diacritics.

describe('questions and answers', () => {
  let t: TestApp;
  let bongLai: string;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') }); // Monday 09:00
    bongLai = await unitId(t, '09295');
  });
  after(() => t.close());

  const ask = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/public/questions', payload });
  const question = {
    askerName: 'Lê Văn Cường', email: 'cuong.le@example.vn', phone: '0903 111 222',
    title: 'Nộp hồ sơ khai sinh trực tuyến',
    body: 'Tôi là Lê Văn Cường, SĐT 0903 111 222. Con tôi sinh ở bệnh viện tỉnh, tôi có thể đăng ký khai sinh trực tuyến không?',
  };

  test('a question is checked, routed to the chosen unit with a target answer time, and gets a reference', async () => {
    const bad = await ask({ askerName: ' ', title: ' ', body: 'x' });
    assert.equal(bad.statusCode, 400);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    assert.deepEqual(fields, ['askerName', 'email', 'title']);
    const res = await ask({ ...question, procedureCode: '1.001193', unitId: bongLai });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.reference, 'HD-260302-0001');
    assert.equal(body.unitName, 'Phường Bồng Lai');
    assert.equal(body.targetAnswerAt, '2026-03-09T17:00:00+07:00'); // five working days after Monday
    const second = await ask({ ...question, askerName: 'Phạm Thị Dung', phone: '0904000111', email: null, procedureCode: '1.001193' });
    assert.equal(second.json().reference, 'HD-260302-0002');
    assert.equal(second.json().unitName, 'Tỉnh Bắc Ninh', 'a procedure offered province-wide goes to the province');
  });

  test('the unit’s staff see it in their queue; other wards do not', async () => {
    const desk = await t.login('bonglai.motcua1');
    const list = (await t.as(desk, { url: '/api/v1/questions?status=open' })).json();
    const refs = list.items.map((q: { reference: string }) => q.reference);
    assert.ok(refs.includes('HD-260302-0001'));
    assert.ok(!refs.includes('HD-260302-0002'), 'the province’s question is not in the ward’s queue');
    const mine = list.items.find((q: { reference: string }) => q.reference === 'HD-260302-0001');
    assert.equal(mine.overdue, false);
    // Most urgent first.
    const targets = list.items.map((q: { targetAnswerAt: string }) => Date.parse(q.targetAnswerAt));
    assert.deepEqual(targets, [...targets].sort((a, b) => a - b));
    const stranger = await t.login('kinhbac.motcua');
    assert.equal((await t.as(stranger, { url: '/api/v1/questions' })).json().items.length, 0);
    assert.equal((await t.as(stranger, { url: `/api/v1/questions/${mine.id}` })).statusCode, 404);
    const province = await t.login('tinh.baocao');
    const all = (await t.as(province, { url: '/api/v1/questions?q=HD-260302' })).json().items;
    assert.equal(all.length, 2);
  });

  test('answered (the asker is notified), read back with the secret, published without personal data, found without diacritics', async () => {
    const desk = await t.login('bonglai.motcua1');
    const [open] = (await t.as(desk, { url: '/api/v1/questions?q=HD-260302-0001' })).json().items;
    const answer = 'Có. Ông/bà nộp tại Cổng dịch vụ công, mục Thủ tục đăng ký khai sinh, kèm tờ khai và giấy chứng sinh. Liên hệ ông Lê Văn Cường nếu cần.';
    let r = await t.as(desk, { method: 'POST', url: `/api/v1/questions/${open.id}/answer`, payload: { version: open.version, answer } });
    assert.equal(r.statusCode, 200, r.body);
    let q = r.json();
    assert.equal(q.status, 'answered');
    const outbox = await t.database.db.selectFrom('outbox').select('payload').where('dedupe_key', 'like', `question:${open.id}:answered%`).execute();
    assert.deepEqual(outbox.map((o) => (o.payload as { channel: string }).channel).sort(), ['email', 'sms']);
    assert.equal((outbox[0].payload as { template: string }).template, 'question.answered');

    const read = await t.app.inject({ method: 'POST', url: '/api/v1/public/questions/lookup', payload: { reference: 'hd-260302-0001', phone: '0903111222' } });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().answer, answer);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/public/questions/lookup', payload: { reference: 'HD-260302-0001', secret: 'ABCDEFGHJK' } })).statusCode, 404);

    // The suggestion hides the asker; the desk officer cannot publish, the leader can; personal data is refused.
    assert.doesNotMatch(q.suggestedFaq.question, /Cường|0903/);
    assert.doesNotMatch(q.suggestedFaq.answer, /Cường/);
    const publish = (session: Awaited<ReturnType<TestApp['login']>>, faqQuestion: string, faqAnswer: string) =>
      t.as(session, { method: 'POST', url: `/api/v1/questions/${open.id}/publish`, payload: { version: q.version, faqQuestion, faqAnswer } });
    assert.equal((await publish(desk, q.suggestedFaq.question, q.suggestedFaq.answer)).statusCode, 403);
    const leader = await t.login('bonglai.lanhdao');
    r = await publish(leader, question.body, q.suggestedFaq.answer);
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().error.fields[0].field, 'faqQuestion');
    r = await publish(leader, 'Có thể đăng ký khai sinh trực tuyến không?', 'Có. Nộp tại Cổng dịch vụ công, mục Thủ tục đăng ký khai sinh, kèm tờ khai và giấy chứng sinh.');
    assert.equal(r.statusCode, 200, r.body);
    q = r.json();
    assert.equal(q.published, true);

    const faq = (q: string) => t.app.inject({ url: `/api/v1/public/faq?q=${encodeURIComponent(q)}` });
    const questions = (items: { question: string }[]) => items.map((i) => i.question);
    let found = (await faq('co the dang ky khai sinh truc tuyen')).json().items;
    assert.deepEqual(questions(found), ['Có thể đăng ký khai sinh trực tuyến không?']);
    assert.ok(questions((await faq('KHAI SINH')).json().items).includes('Có thể đăng ký khai sinh trực tuyến không?'));
    assert.equal((await faq('ket hon')).json().items.length, 0);
    assert.ok(questions((await t.app.inject({ url: '/api/v1/public/faq?procedureCode=1.001193' })).json().items).includes('Có thể đăng ký khai sinh trực tuyến không?'));
    assert.ok(!JSON.stringify(found).includes('Cường'));

    r = await t.as(leader, { method: 'POST', url: `/api/v1/questions/${open.id}/unpublish`, payload: { version: q.version } });
    assert.equal(r.statusCode, 200);
    found = (await faq('co the dang ky khai sinh truc tuyen')).json().items;
    assert.equal(found.length, 0);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', open.id).orderBy('id').execute();
    assert.deepEqual(audits.map((a) => a.action), ['question.ask', 'question.answer', 'question.publish', 'question.unpublish']);
  });

  test('an unanswered question is flagged overdue after its target time', async () => {
    t.setNow('2026-03-12T02:00:00Z');
    const viewer = await t.login('tinh.baocao');
    const before = (await t.as(viewer, { url: '/api/v1/questions/counts' })).json();
    const open = (await t.as(viewer, { url: '/api/v1/questions?overdue=true&q=HD-260302' })).json().items;
    assert.deepEqual(open.map((q: { reference: string; overdue: boolean }) => [q.reference, q.overdue]), [['HD-260302-0002', true]]);
    const all = (await t.as(viewer, { url: '/api/v1/questions?overdue=true' })).json().items;
    assert.equal(before.overdue, all.length);
    assert.ok(before.open >= before.overdue);
    const stale = await t.as(await t.login('bonglai.lanhdao'), { method: 'POST', url: `/api/v1/questions/${open[0].id}/answer`, payload: { version: 99, answer: 'x' } });
    assert.equal(stale.statusCode, 404, 'outside the leader’s ward');
  });
});
