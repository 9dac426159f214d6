import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../testing/app.ts';
import { createCitizenTestApp, returnedDossier, unitId } from '../citizen/test/helpers.ts';
import { intake } from '../dossiers/test/helpers.ts';

// Satisfaction ratings: once per returned dossier, by its applicant; the kiosk only for dossiers returned at its
// counter today; officials read their own ratings and leaders their units'.

describe('satisfaction ratings', () => {
  let t: TestApp;
  before(async () => {
    t = await createCitizenTestApp();
  });
  after(() => t.close());

  const answers = { attitude: 'very_satisfied', overall: 'satisfied', contactsNeeded: 1, bodiesVisited: 1, infoCorrect: true, comment: 'Cán bộ hướng dẫn tận tình' };

  test('the applicant rates a returned dossier once (code + phone); a second rating is refused', async () => {
    const { id, code } = await returnedDossier(t);
    const rate = (factor: Record<string, string>, extra: Record<string, unknown> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/v1/public/ratings', payload: { code, ...factor, ...answers, ...extra } });
    assert.equal((await rate({ phone: '0900000000' })).statusCode, 404, 'a wrong phone proves nothing');
    const first = await rate({ phone: '0987654321' });
    assert.equal(first.statusCode, 201, first.body);
    const second = await rate({ phone: '0987 654 321' }, { attitude: 'very_dissatisfied' });
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().error.code, 'already_rated');
    assert.match(second.json().error.messageVi, /chỉ được đánh giá một lần/);
    const row = await t.database.db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.attitude, 'very_satisfied');
    assert.equal(row.channel, 'lookup');
    const desk = await t.database.db.selectFrom('users').select('id').where('username', '=', 'bonglai.motcua1').executeTakeFirstOrThrow();
    assert.equal(row.official_id, desk.id, 'the official who returned the result');
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).where('action', '=', 'dossier.rate').execute();
    assert.equal(audits.length, 1);
  });

  test('a dossier not yet returned cannot be rated', async () => {
    const desk = await t.login('bonglai.motcua2');
    const res = await intake(t, desk, { applicant: { phone: '0911111111' } });
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/public/ratings', payload: { code: res.json().code, secret: res.json().lookupSecret, attitude: 'satisfied' } });
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().error.code, 'not_ratable');
  });

  test('the kiosk rates only a dossier returned at its counter today', async () => {
    const { id, code } = await returnedDossier(t, { phone: '0988000111' });
    const bongLai = await unitId(t, '09295');
    const kinhBac = await unitId(t, '09187');
    const desk = await t.login('bonglai.motcua1');
    const stranger = await t.login('kinhbac.motcua');
    assert.equal((await t.as(stranger, { method: 'POST', url: '/api/v1/kiosks', payload: { unitId: bongLai } })).statusCode, 403);
    const here = await t.as(desk, { method: 'POST', url: '/api/v1/kiosks', payload: { unitId: bongLai, label: 'Quầy 1' } });
    assert.equal(here.statusCode, 201, here.body);
    const there = (await t.as(stranger, { method: 'POST', url: '/api/v1/kiosks', payload: { unitId: kinhBac } })).json();
    const kioskRate = (token: string | null, extra: Record<string, unknown> = {}) => t.app.inject({
      method: 'POST', url: '/api/v1/public/kiosk/ratings', headers: token ? { 'x-kiosk-token': token } : {}, payload: { code, attitude: 'satisfied', ...extra },
    });
    assert.equal((await kioskRate(null)).statusCode, 401, 'only an activated kiosk');
    const elsewhere = await kioskRate(there.token);
    assert.equal(elsewhere.statusCode, 404, 'returned at another counter');
    assert.equal(elsewhere.json().error.code, 'not_returned_here');

    t.setNow('2026-03-03T02:00:00Z'); // the next day
    assert.equal((await kioskRate(here.json().token)).statusCode, 404, 'not today');
    t.setNow('2026-03-02T09:00:00Z'); // 16:00 the same day
    const check = await t.app.inject({ method: 'POST', url: '/api/v1/public/kiosk/check', headers: { 'x-kiosk-token': here.json().token }, payload: { code } });
    assert.equal(check.statusCode, 200, check.body);
    assert.equal(check.json().applicantName, 'T*** T** Bình');
    const ok = await kioskRate(here.json().token, { overall: 'very_satisfied' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((await kioskRate(here.json().token)).statusCode, 409);
    const row = await t.database.db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'kiosk');

    const revoked = await t.as(await t.login('bonglai.motcua1'), { method: 'DELETE', url: `/api/v1/kiosks/${here.json().id}` });
    assert.equal(revoked.statusCode, 200);
    const after = await t.app.inject({ method: 'POST', url: '/api/v1/public/kiosk/check', headers: { 'x-kiosk-token': here.json().token }, payload: { code } });
    assert.equal(after.statusCode, 401);
  });

  test('officials see the ratings of the dossiers they returned; leaders their units’', async () => {
    const desk = await t.login('bonglai.motcua1');
    const mine = (await t.as(desk, { url: '/api/v1/ratings' })).json();
    assert.ok(mine.items.length >= 2);
    assert.ok(mine.items.every((r: { officialName: string }) => r.officialName === 'Nguyễn Thị Lan'));
    assert.equal((await t.as(desk, { url: '/api/v1/ratings?scope=units' })).statusCode, 403);
    const other = await t.login('bonglai.motcua2');
    assert.equal((await t.as(other, { url: '/api/v1/ratings' })).json().items.length, 0);
    const leader = await t.login('bonglai.lanhdao');
    const units = (await t.as(leader, { url: '/api/v1/ratings?scope=units&from=2026-03-01&to=2026-03-31' })).json();
    assert.equal(units.items.length, mine.items.length);
    const summary = (await t.as(leader, { url: '/api/v1/ratings/summary?scope=units' })).json();
    assert.equal(summary.total, mine.items.length);
    assert.equal(summary.attitudeSatisfiedPercent, 100);
    const stranger = await t.login('kinhbac.motcua');
    assert.equal((await t.as(stranger, { url: '/api/v1/ratings' })).json().items.length, 0);
  });
});
