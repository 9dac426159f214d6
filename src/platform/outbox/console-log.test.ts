import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleOutboxLog } from './delivery.ts';

test('the outbox log writes the lines of one turn of the event loop together, in order, info to stdout and the rest to stderr', async () => {
  const writes: { stdout: string[]; stderr: string[] } = { stdout: [], stderr: [] };
  const saved = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const stream of ['stdout', 'stderr'] as const) {
    // Only the outbox's lines: the test runner writes its own report meanwhile.
    process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => (String(chunk).includes('"component":"outbox"')
      ? (writes[stream].push(String(chunk)), true)
      : (saved[stream] as (...a: unknown[]) => boolean).call(process[stream], chunk, ...rest))) as typeof process.stdout.write;
  }
  try {
    consoleOutboxLog('info', 'first', { id: 1 });
    consoleOutboxLog('warn', 'SMS NOT sent', { id: 2 });
    consoleOutboxLog('info', 'second', { id: 3 });
    assert.equal(writes.stdout.length + writes.stderr.length, 0, 'nothing is written before the turn ends');
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    Object.assign(process.stdout, { write: saved.stdout });
    Object.assign(process.stderr, { write: saved.stderr });
  }
  assert.equal(writes.stdout.length, 1);
  assert.deepEqual(writes.stdout[0].trimEnd().split('\n').map((l) => JSON.parse(l)), [
    { level: 'info', component: 'outbox', msg: 'first', id: 1 }, { level: 'info', component: 'outbox', msg: 'second', id: 3 },
  ]);
  assert.deepEqual(writes.stderr.map((l) => JSON.parse(l)), [{ level: 'warn', component: 'outbox', msg: 'SMS NOT sent', id: 2 }]);
});
