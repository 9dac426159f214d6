import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

test('a second holder of the data folder is refused with a clear message; a dead holder’s lock is taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gandan-lock-'));
  const file = join(dir, 'db.lock');
  const release = acquireDataDirLock(file);
  // Another process trying the same folder is refused.
  const other = spawnSync(process.execPath, ['--import', 'tsx', '-e', `
    import { acquireDataDirLock } from ${JSON.stringify(new URL('./lock.ts', import.meta.url).pathname)};
    try { acquireDataDirLock(${JSON.stringify(file)}); console.log('acquired'); } catch (e) { console.log(e.message); }
  `], { encoding: 'utf8' });
  assert.match(other.stdout, /Stop the server first/);
  assert.match(other.stdout, /dừng máy chủ/);
  release();
  // A lock left by a process that no longer exists is stale.
  writeFileSync(file, `999999\n${hostname()}\n`);
  const again = acquireDataDirLock(file);
  again();
  assert.throws(() => {
    writeFileSync(file, `${process.pid}\n${hostname()}\n`);
    acquireDataDirLock(file);
  }, DataDirLockedError);
});
