// Bench: import a generated year of dossiers (60,000 lines by default) into a fresh demo database and check
// that the maintained statistics equal an independent count of the file.
//   npx tsx src/modules/dossiers/import/bench.ts [count]                          PGlite in a temporary folder
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx src/modules/dossiers/import/bench.ts [count]
// (a fresh database is created next to the given one). Goal: at least 5,000 dossiers/s on PGlite.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { systemActor } from '../../../audit/audit.ts';
import { demoSeeders } from '../../../demo/seeders.ts';
import { seedDemo } from '../../../demo/seed.ts';
import { connectPostgres, openPglite, type Database } from '../../../platform/db/engine.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { tallyLines, writeDemoFile, type ImportLineObject } from './generate.ts';
import { importDossiers } from './import-dossiers.ts';
import { fileSource } from './source.ts';

const GOAL_PER_SECOND = 5000;

async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    // A data folder, as the server keeps one. In memory, PGlite's file system spent a tenth of the time copying
    // files as they grew, and a dossier cost 15-35 % more CPU time.
    const dir = mkdtempSync(join(tmpdir(), 'gandan-import-bench-'));
    return { database: await openPglite(join(dir, 'db')), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `gandan_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    database: connectPostgres(u.toString()),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface BenchResult {
  engine: string;
  count: number;
  seconds: number;
  perSecond: number;
  /** This process's CPU time: PGlite runs in it, so on a busy machine this is the fairer measure. */
  cpuSeconds: number;
  statsMatch: boolean;
}

export async function benchImport(count: number): Promise<BenchResult> {
  const file = join(tmpdir(), `gandan-import-bench-${process.pid}.jsonl`);
  const now = new Date('2026-01-15T03:00:00Z');
  await writeDemoFile(file, count, 7, now);
  const { database, drop } = await openBenchDatabase();
  try {
    await migrate(database);
    await seedDemo(database, { password: 'bench-password-1', now, seeders: demoSeeders });
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await importDossiers(database.db, fileSource(file), {
      actor: { audit: systemActor('bench:import-dossiers'), userId: null, name: 'bench', unitId: null },
      reach: 'all', now, skipErrors: false,
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (result.errorCount) throw new Error(`unexpected errors: ${JSON.stringify(result.errors.slice(0, 5))}`);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ImportLineObject);
    const expected = tallyLines(lines);
    const { rows } = await sql<Record<string, number>>`
      select sum(received_counter)::int as counter, sum(received_online)::int as online, sum(received_post)::int as post,
        sum(resolved_early)::int as early, sum(resolved_on_time)::int as on_time, sum(resolved_late)::int as late,
        sum(withdrawn)::int as withdrawn, sum(stopped)::int as stopped
      from dossier_stats where period = 'day'`.execute(database.db);
    const s = rows[0];
    const statsMatch = s.counter === expected.received.counter && s.online === expected.received.online && s.post === expected.received.post
      && s.early === expected.resolved.early && s.on_time === expected.resolved.onTime && s.late === expected.resolved.late
      && s.withdrawn === expected.withdrawn && s.stopped === expected.stopped;
    return { engine: database.engine, count: result.imported, seconds, perSecond: result.imported / seconds, cpuSeconds, statsMatch };
  } finally {
    await database.close();
    await drop();
    rmSync(file, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchImport(Number(process.argv[2] ?? 60_000));
  console.log(`${r.engine}: ${r.count} dossiers in ${r.seconds.toFixed(2)} s = ${Math.round(r.perSecond)}/s `
    + `(${Math.round(r.count / r.cpuSeconds)}/s of this process's CPU time; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs); `
    + `goal ${GOAL_PER_SECOND}/s on PGlite; statistics ${r.statsMatch ? 'match' : 'DO NOT match'} the file`);
  if (!r.statsMatch || (r.engine === 'pglite' && r.perSecond < GOAL_PER_SECOND)) process.exitCode = 1;
}
