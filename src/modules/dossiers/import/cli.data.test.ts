import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { Config } from '../../../config.ts';
import { demoSeeders } from '../../../demo/seeders.ts';
import { seedDemo } from '../../../demo/seed.ts';
import { connectPostgres, openPglite } from '../../../platform/db/engine.ts';
import { acquireDataDirLock } from '../../../platform/db/lock.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { testConfig } from '../../../testing/app.ts';
import { dossierImportCommands } from './cli.ts';
import { demoImportProcedures, generateImportLines } from './generate.ts';

// `gandan import dossiers FILE`: exit codes 0 / 1 / 2, one JSON line on stdout, and the message that points to the
// endpoint when the server holds the embedded database. Uses its own database, as the command opens it by config.

const command = dossierImportCommands[0];
const adminUrl = process.env.TEST_DATABASE_URL;

async function runCli(args: string[], config: Config): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    return { code: await command.run(args, config), out: out.join('\n'), err: err.join('\n') };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

describe('gandan import dossiers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gandan-import-cli-'));
  let config: Config;
  let dropDatabase = async () => undefined as void;
  const now = new Date('2026-03-02T02:00:00Z');
  const lines = [...generateImportLines({
    count: 50, seed: 3, from: '2025-07-01', to: '2026-01-01', now, procedures: demoImportProcedures,
    units: [{ code: '09295', codePrefix: 'C.29.24.H04', from: '2025-07-01' }],
  })].map((l) => JSON.stringify(l));
  const file = (name: string, content: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, content.join('\n') + '\n');
    return path;
  };

  before(async () => {
    if (adminUrl) {
      const name = `gandan_t_cli_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      config = testConfig({ databaseUrl: url.toString() });
      dropDatabase = async () => {
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      };
    } else {
      config = testConfig({ dbDir: join(dir, 'db') });
    }
    const database = adminUrl ? connectPostgres(config.databaseUrl!) : await openPglite(config.dbDir);
    await migrate(database);
    await seedDemo(database, { password: 'demo-password-1', now, seeders: demoSeeders });
    await database.close();
  });
  after(async () => {
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a bad file: exit 1, errors by line, nothing imported; then --skip-errors, then a clean re-run', async () => {
    const bad = file('bad.jsonl', [lines[0], '{"code": 1}', ...lines.slice(1)]);
    const first = await runCli([bad], config);
    assert.equal(first.code, 1, first.err);
    const result = JSON.parse(first.out);
    assert.equal(result.imported, 0);
    assert.ok(result.errors.length > 0 && result.errors.every((e: { line: number }) => e.line === 2));

    const skipping = await runCli([bad, '--skip-errors'], config);
    assert.equal(skipping.code, 1);
    assert.equal(JSON.parse(skipping.out).imported, 50);

    const clean = await runCli([file('good.jsonl', lines)], config);
    assert.equal(clean.code, 0, clean.err);
    assert.deepEqual(JSON.parse(clean.out), { imported: 0, skipped: 50, errors: [], errorCount: 0, proceduresCreated: 0 });
  });

  test('could not run: exit 2', async () => {
    assert.equal((await runCli([join(dir, 'missing.jsonl')], config)).code, 2);
  });

  test('while the server holds the embedded database, the command points to the endpoint', { skip: !!adminUrl }, async () => {
    const release = acquireDataDirLock(`${config.dbDir}.lock`);
    try {
      const res = await runCli([file('locked.jsonl', lines)], config);
      assert.equal(res.code, 2);
      assert.match(res.err, /\/api\/v1\/dossiers\/import/);
      assert.equal(res.out, '');
    } finally {
      release();
    }
  });
});
