import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectPostgres, openPglite, type Database } from './engine.ts';
import { migrate, migrationsFingerprint } from './migrate.ts';

// Every data test file gets its own migrated database: PGlite in memory by default, a fresh PostgreSQL
// database when TEST_DATABASE_URL is set. Both start from a template built once per set of migrations.

export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

async function pgliteTemplate(): Promise<Blob> {
  const dir = join(tmpdir(), 'gandan-test-templates');
  const file = join(dir, `pglite-${migrationsFingerprint()}.tar`);
  if (!existsSync(file)) {
    const database = await openPglite('memory://');
    await migrate(database);
    const dump = await database.pglite!.dumpDataDir('none');
    await database.close();
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `gandan_tpl_${migrationsFingerprint()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(4262027)');
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      const building = `${name}_build_${process.pid}`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      const database = connectPostgres(withDatabase(adminUrl, building), { max: 1 });
      await migrate(database);
      await database.close();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [building]);
      await admin.query(`alter database ${building} rename to ${name}`);
    }
    await admin.query('select pg_advisory_unlock(4262027)');
  } finally {
    await admin.end();
  }
  return name;
}

export async function createTestDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openPglite('memory://', { loadDataDir: await pgliteTemplate() });
  const template = await postgresTemplate(adminUrl);
  const name = `gandan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const database = connectPostgres(withDatabase(adminUrl, name), { max: 8 });
  const close = database.close;
  database.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
  return database;
}
