// A database to bench: created fresh, migrated, the demo province seeded (accounts with a known password), the
// province's communes from the national list when the shared data is there, the synthetic dossiers, and one
// desk officer for each of ten communes (intake load is spread over units as at real desks).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { hashPassword } from '../../src/access/passwords.ts';
import { connectPostgres, type Database } from '../../src/platform/db/engine.ts';
import { foldVietnamese } from '../../src/platform/text.ts';
import type { GenerateResult } from '../../src/modules/generate/generate.ts';
import { repoRoot } from './servers.ts';

export const BENCH_PASSWORD = 'bench-password-1';
export const PROVINCE = '24';
const nationalList = join(repoRoot, '..', 'shared', 'data', 'units', 'units-2025-07-01.json');

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createPostgres(adminUrl: string, name: string): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withName(adminUrl, name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Prepared {
  generated: GenerateResult;
  unitsImported: boolean;
  /** Desk officers made for the intake load: username and the unit they receive for. */
  intakeOfficers: { username: string; unitId: string }[];
  provinceId: string;
}

export interface Target {
  databaseUrl?: string;
  dataDir?: string;
}

/** `gandan …` in a child process (as an operator would run it), with a larger young generation for the generator. */
function gandan(args: string[], target: Target): string {
  const env = { ...process.env, SESSION_SECRET: 'bench-session-secret-not-for-production', LOG_LEVEL: 'warn', DATABASE_URL: target.databaseUrl ?? '', DATA_DIR: target.dataDir ?? '' };
  const out = spawnSync(process.execPath, ['--max-semi-space-size=64', join('bin', 'gandan.mjs'), ...args], { cwd: repoRoot, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`gandan ${args.join(' ')} exited with ${out.status}\n${out.stdout}`);
  return out.stdout;
}

/** Seeds the demo, imports the communes (national list, when present), generates `size` dossiers up to today. */
export async function prepare(target: Target, options: { size: number; seed: number; importUnits: boolean; deferIndexes: boolean; open: () => Promise<Database> }): Promise<Prepared> {
  gandan(['seed-demo', '--password', BENCH_PASSWORD], target);
  const unitsImported = options.importUnits && existsSync(nationalList);
  if (unitsImported) gandan(['import', 'units', nationalList], target);
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  const generated = JSON.parse(gandan(['generate', '--province', PROVINCE, '--dossiers', String(options.size), '--years', `2025-${year}`,
    '--seed', String(options.seed), ...(options.deferIndexes ? ['--defer-indexes'] : [])], target).trim().split('\n').pop()!) as GenerateResult;
  const database = await options.open();
  try {
    const province = await database.db.selectFrom('units').select('id').where('code', '=', PROVINCE).where('kind', '=', 'province')
      .where('valid_to', 'is', null).executeTakeFirstOrThrow();
    return { generated, unitsImported, intakeOfficers: await intakeOfficers(database), provinceId: province.id };
  } finally {
    await database.close();
  }
}

/** One desk officer for each of ten busy communes (with an agency identifier, so they can issue codes). */
async function intakeOfficers(database: Database): Promise<{ username: string; unitId: string }[]> {
  const db = database.db;
  const units = await db.selectFrom('units as u').innerJoin('dossiers as d', 'd.unit_id', 'u.id')
    .select(['u.id', (eb) => eb.fn.countAll<number>().as('n')]).where('u.agency_code', 'is not', null).where('u.valid_to', 'is', null)
    .groupBy('u.id').orderBy('n', 'desc').orderBy('u.id').limit(10).execute();
  const hash = await hashPassword(BENCH_PASSWORD);
  const out: { username: string; unitId: string }[] = [];
  for (const [i, u] of units.entries()) {
    const username = `bench.motcua${i + 1}`;
    const fullName = `Cán bộ một cửa ${i + 1}`;
    const user = await db.insertInto('users').values({ kind: 'official', username, full_name: fullName, full_name_folded: foldVietnamese(fullName), unit_id: u.id, password_hash: hash })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('role_grants').values({ user_id: user.id, role: 'desk_officer', unit_id: u.id }).execute();
    out.push({ username, unitId: u.id });
  }
  return out;
}

export function connect(url: string): Database {
  return connectPostgres(url, { max: 16, applicationName: 'gandan-bench' });
}
