import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countRows, createTestApp, type TestApp } from '../testing/app.ts';

describe('sign-in, sessions, CSRF and officials administration', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('every demo role signs in and /me lists its grants', async () => {
    for (const username of ['admin', 'bonglai.quantri', 'bonglai.motcua1', 'bonglai.chuyenvien', 'bonglai.lanhdao', 'bonglai.donthu', 'bonglai.mttq', 'tinh.baocao']) {
      const s = await t.login(username);
      const me = await t.as(s, { url: '/api/v1/me' });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().user.username, username);
      assert.ok(me.json().user.grants.length >= 1);
    }
    const citizen = await t.login('0912345678');
    assert.equal((await t.as(citizen, { url: '/api/v1/me' })).json().user.kind, 'citizen');
  });

  test('the session cookie is httpOnly and SameSite', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'demo-password-1' } });
    const cookie = res.cookies.find((c) => c.name === 'gd_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
  });

  test('wrong credentials: 401 in both languages; five failures lock the account', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bonglai.motcua3', password: 'nope' } });
    assert.equal(bad.statusCode, 401);
    assert.deepEqual(Object.keys(bad.json().error).sort(), ['code', 'message', 'messageVi']);
    for (let i = 0; i < 4; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bonglai.motcua3', password: 'nope' } });
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bonglai.motcua3', password: 'demo-password-1' } });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'account_locked');
    t.setNow(new Date(Date.now() + 16 * 60_000 + 365 * 86_400_000));
    await t.login('bonglai.motcua3');
    t.setNow('2026-03-02T02:00:00Z');
  });

  test('mutations with the cookie need the CSRF header', async () => {
    const s = await t.login('admin');
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'x' }, headers: { cookie: s.cookie },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'csrf_failed');
    const ok = await t.as(s, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'portal sync' } });
    assert.equal(ok.statusCode, 201);
    const token = ok.json().token as string;
    const viaToken = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(viaToken.json().user.username, 'admin');
    const badToken = await t.app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer gd_nope' } });
    assert.equal(badToken.statusCode, 401);
  });

  test('logout ends the session', async () => {
    const s = await t.login('tinh.baocao');
    await t.as(s, { method: 'POST', url: '/api/v1/auth/logout' });
    assert.equal((await t.as(s, { url: '/api/v1/me' })).statusCode, 401);
  });

  test('a unit admin manages officials in reach only; a sibling commune official answers 404', async () => {
    const admin = await t.login('bonglai.quantri');
    const list = await t.as(admin, { url: '/api/v1/officials?limit=100' });
    assert.equal(list.statusCode, 200);
    const usernames = list.json().items.map((o: { username: string }) => o.username);
    assert.ok(usernames.includes('bonglai.motcua1'));
    assert.ok(!usernames.includes('kinhbac.motcua'));
    const kinhBacId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'kinhbac.motcua').executeTakeFirstOrThrow()).id;
    assert.equal((await t.as(admin, { url: `/api/v1/officials/${kinhBacId}` })).statusCode, 404);
    const patch = await t.as(admin, { method: 'PATCH', url: `/api/v1/officials/${kinhBacId}`, payload: { version: 1, active: false } });
    assert.equal(patch.statusCode, 404);
  });

  test('creating an official writes the row and its audit entry in one go; bad input changes nothing', async () => {
    const admin = await t.login('bonglai.quantri');
    const unit = (await t.as(null, { url: '/api/v1/units?code=09295' })).json().items[0];
    const auditBefore = await countRows(t.database, 'audit_log');
    const usersBefore = await countRows(t.database, 'users');
    const bad = await t.as(admin, {
      method: 'POST', url: '/api/v1/officials',
      payload: { username: 'X Y', password: 'short', fullName: '', unitId: unit.id, grants: [{ role: 'pope', unitId: unit.id }] },
    });
    assert.equal(bad.statusCode, 400);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    assert.ok(fields.includes('username') && fields.includes('password') && fields.includes('fullName'));
    assert.ok(bad.json().error.fields.every((f: { messageVi: string }) => f.messageVi.length > 0));
    assert.equal(await countRows(t.database, 'users'), usersBefore);
    assert.equal(await countRows(t.database, 'audit_log'), auditBefore);

    const escalate = await t.as(admin, {
      method: 'POST', url: '/api/v1/officials',
      payload: { username: 'bonglai.moi', password: 'long-enough-1', fullName: 'Cán bộ mới', unitId: unit.id, grants: [{ role: 'system_admin', unitId: unit.id }] },
    });
    assert.equal(escalate.statusCode, 403);

    const created = await t.as(admin, {
      method: 'POST', url: '/api/v1/officials',
      payload: { username: 'bonglai.moi', password: 'long-enough-1', fullName: 'Cán bộ mới', unitId: unit.id, grants: [{ role: 'desk_officer', unitId: unit.id }] },
    });
    assert.equal(created.statusCode, 201);
    assert.equal(await countRows(t.database, 'audit_log'), auditBefore + 1);
    const dup = await t.as(admin, {
      method: 'POST', url: '/api/v1/officials',
      payload: { username: 'bonglai.moi', password: 'long-enough-1', fullName: 'Trùng', unitId: unit.id, grants: [] },
    });
    assert.equal(dup.statusCode, 409);

    const id = created.json().id;
    const stale = await t.as(admin, { method: 'PATCH', url: `/api/v1/officials/${id}`, payload: { version: 7, fullName: 'Tên khác' } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'stale_version');
    const changed = await t.as(admin, { method: 'PATCH', url: `/api/v1/officials/${id}`, payload: { version: 1, fullName: 'Tên khác' } });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().version, 2);
    const log = await t.as(admin, { url: `/api/v1/audit?subjectType=user&subjectId=${id}` });
    assert.deepEqual(log.json().items.map((e: { action: string }) => e.action), ['user.update', 'user.create']);
  });
});
