import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

function assertErrorShape(body: { error: Record<string, unknown> }) {
  assert.equal(typeof body.error.code, 'string');
  assert.equal(typeof body.error.message, 'string');
  assert.equal(typeof body.error.messageVi, 'string');
}

test('health checks the database', async () => {
  const res = await t.app.inject({ url: '/api/health' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().database, 'ok');
  assert.ok(res.headers['x-request-id']);
});

test('unknown API routes, bad JSON, bad query and oversized bodies all use the error shape', async () => {
  const missing = await t.app.inject({ url: '/api/v1/nothing-here' });
  assert.equal(missing.statusCode, 404);
  assertErrorShape(missing.json());
  assert.ok(missing.headers['x-request-id']);
  const badJson = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
  assert.equal(badJson.statusCode, 400);
  assertErrorShape(badJson.json());
  assert.equal(badJson.json().error.code, 'invalid_json');
  assert.ok(badJson.headers['x-request-id']);
  const badQuery = await t.app.inject({ url: '/api/v1/units?at=yesterday' });
  assert.equal(badQuery.statusCode, 400);
  assert.equal(badQuery.json().error.fields[0].field, 'querystring.at');
  assert.match(badQuery.json().error.fields[0].messageVi, /YYYY-MM-DD/);
  const huge = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x'.repeat(2_000_000), password: 'y' } });
  assert.equal(huge.statusCode, 413);
  assertErrorShape(huge.json());
  assert.ok(huge.headers['x-request-id']);
  const badToken = await t.app.inject({ url: '/api/v1/units', headers: { authorization: 'Bearer not-a-token' } });
  assert.equal(badToken.statusCode, 401);
  assertErrorShape(badToken.json());
  assert.ok(badToken.headers['x-request-id']);
  assert.equal(badToken.headers['x-content-type-options'], 'nosniff');
  const cursor = await t.app.inject({ url: '/api/v1/units?cursor=nonsense' });
  assert.equal(cursor.statusCode, 400);
  assert.equal(cursor.json().error.code, 'invalid_cursor');
});

test('unauthenticated access to staff routes answers 401', async () => {
  const res = await t.app.inject({ url: '/api/v1/officials' });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().error.messageVi, 'Vui lòng đăng nhập');
});

test('OpenAPI 3 is served and lists every route with a response schema', async () => {
  const res = await t.app.inject({ url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.match(doc.openapi, /^3\./);
  assert.ok(doc.paths['/api/v1/units']);
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses?: object }>>)) {
    for (const [method, op] of Object.entries(ops)) {
      assert.ok(op.responses && Object.keys(op.responses).length > 0, `${method} ${path} has no response schema`);
    }
  }
  const ui = await t.app.inject({ url: '/api/docs/' });
  assert.equal(ui.statusCode, 200);
});

test('security headers are set, on answers and on errors', async () => {
  for (const url of ['/api/health', '/api/v1/no-such-route']) {
    const res = await t.app.inject({ url });
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  }
});
