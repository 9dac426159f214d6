import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { Nullable, StringEnum } from './schemas.ts';

test('Nullable: null or the value, for plain types, enums and objects, in requests and in responses', async () => {
  const Body = Type.Object({
    name: Nullable(Type.String()),
    kind: Nullable(StringEnum(['ward', 'commune'])),
    at: Nullable(Type.Object({ day: Type.String() })),
  }, { additionalProperties: false });
  const app = Fastify();
  app.post('/echo', { schema: { body: Body, response: { 200: Body } } }, async (request) => request.body);
  const send = async (payload: unknown) => app.inject({ method: 'POST', url: '/echo', payload: payload as object });
  for (const ok of [{ name: null, kind: null, at: null }, { name: 'An', kind: 'ward', at: { day: '2026-03-02' } }]) {
    const res = await send(ok);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), ok);
  }
  assert.equal((await send({ name: null, kind: 'district', at: null })).statusCode, 400);
  assert.equal((await send({ name: null, kind: null, at: { day: 5 } })).statusCode, 200); // coerced to '5'
  assert.equal((await send({ name: null, kind: null, at: 'x' })).statusCode, 400);
  await app.close();
});
