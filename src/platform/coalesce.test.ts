import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coalescing } from './coalesce.ts';

function recordingLoader(delayMs = 5) {
  const batches: string[][] = [];
  const load = async (keys: string[]) => {
    batches.push(keys);
    await new Promise((r) => setTimeout(r, delayMs));
    return new Map(keys.filter((k) => !k.startsWith('missing')).map((k) => [k, k.toUpperCase()]));
  };
  return { batches, load };
}

test('keys asked for in the same turn share one batch, each gets its own answer', async () => {
  const { batches, load } = recordingLoader();
  const get = coalescing(load, { maxBatch: 100, maxInFlight: 2 });
  const answers = await Promise.all(['a', 'b', 'missing-c', 'a'].map(get));
  assert.deepEqual(answers, ['A', 'B', undefined, 'A']);
  assert.deepEqual(batches, [['a', 'b', 'missing-c']]);
});

test('keys that arrive while the batches in flight are full wait and go together', async () => {
  const { batches, load } = recordingLoader(20);
  const get = coalescing(load, { maxBatch: 100, maxInFlight: 1 });
  const first = get('a');
  await new Promise((r) => setImmediate(r));
  const later = ['b', 'c', 'd'].map((k) => new Promise((r) => setTimeout(r, 2)).then(() => get(k)));
  assert.deepEqual(await Promise.all([first, ...later]), ['A', 'B', 'C', 'D']);
  assert.deepEqual(batches, [['a'], ['b', 'c', 'd']]);
});

test('no batch holds more than maxBatch keys', async () => {
  const { batches, load } = recordingLoader(1);
  const get = coalescing(load, { maxBatch: 3, maxInFlight: 4 });
  const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
  assert.deepEqual(await Promise.all(keys.map(get)), keys.map((k) => k.toUpperCase()));
  assert.deepEqual(batches.map((b) => b.length), [3, 3, 1]);
});

test('a failed batch rejects its requests only; the next batch runs', async () => {
  let calls = 0;
  const get = coalescing(async (keys: string[]) => {
    if (calls++ === 0) throw new Error('connection lost');
    return new Map(keys.map((k) => [k, k]));
  }, { maxBatch: 10, maxInFlight: 1 });
  const failed = await Promise.allSettled([get('x'), get('y')]);
  assert.deepEqual(failed.map((r) => r.status), ['rejected', 'rejected']);
  assert.equal(await get('z'), 'z');
});
