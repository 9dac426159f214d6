import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { testEngine } from './db/testing.ts';

// The embedded engine's backup and restore through the CLI, as an operator runs them.
const bin = new URL('../../bin/gandan.mjs', import.meta.url).pathname;
const run = (env: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });

test('gandan backup and restore round-trip the embedded database', { skip: testEngine === 'postgres' ? 'embedded engine only' : false }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gandan-backup-'));
  const env = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false', DATABASE_URL: '' };
  assert.equal(run(env, 'migrate').status, 0);
  const created = run(env, 'create-user', '--username', 'sao.luu', '--password', 'mat-khau-123', '--unit', '09295', '--role', 'desk_officer');
  assert.equal(created.status, 1, 'no units yet: the unit code is unknown');
  assert.match(created.stderr, /09295/);
  const seeded = run(env, 'seed-demo', '--password', 'demo-password-1');
  assert.equal(seeded.status, 0, seeded.stderr);
  assert.equal(run(env, 'create-user', '--username', 'sao.luu', '--password', 'mat-khau-123', '--unit', '09295', '--role', 'desk_officer').status, 0);
  const file = join(dataDir, 'backup.tar.gz');
  const backup = run(env, 'backup', file);
  assert.equal(backup.status, 0, backup.stderr);
  assert.ok(existsSync(file));

  const restoredDir = mkdtempSync(join(tmpdir(), 'gandan-restore-'));
  const env2 = { ...env, DATA_DIR: restoredDir };
  const restore = run(env2, 'restore', file);
  assert.equal(restore.status, 0, restore.stderr);
  // The restored database has the account: creating it again is refused as a duplicate.
  const again = run(env2, 'create-user', '--username', 'sao.luu', '--password', 'mat-khau-123', '--unit', '09295', '--role', 'desk_officer');
  assert.equal(again.status, 2);
  assert.match(again.stderr, /sao\.luu/);
});
