// npm run bench [-- --size 1m] [--pglite-size 300k] [--seconds 10] [--keep] [--skip pglite,import,…]
//               [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--seed 1] [--out bench/results]
//
// Builds a fresh PostgreSQL database gandan_bench_<ts> with a province of synthetic dossiers (default 1,000,000),
// starts the application in its own process and measures, from this process, each figure against its limit
// measured in the same run: intake through the API ÷ the same rows by plain SQL; lookup ÷ a bare Fastify route;
// staff list views p99; table 06 from the maintained aggregates ÷ the same figures by a plain scan; due dates;
// historical import; then the same on PGlite at commune scale (300,000 dossiers). Prints a table, writes
// bench/results/<date>.json, drops what it created unless --keep. Parts: pg, calendar, import, pglite.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { localDate } from '../src/calendar/index.ts';
import { installTypeParsers } from '../src/platform/db/types.ts';
import { openPglite } from '../src/platform/db/engine.ts';
import { parseCount } from '../src/modules/generate/cli.ts';
import { dueDates } from './lib/calendar.ts';
import { importRate } from './lib/import.ts';
import { CONNECTIONS, intakeBySql, intakeInTurns, intakeThroughApi, sqlTemplates, type IntakeOfficer } from './lib/intake.ts';
import type { LoadResult } from './lib/load.ts';
import { measureViews, staffViews } from './lib/lists.ts';
import { captureAnswer, fixedRate, lookupSample, throughputInTurns } from './lib/lookup.ts';
import { connect, createPostgres, prepare, type Prepared } from './lib/prepare.ts';
import { differences, table06ByScan, table06ThroughApi } from './lib/report.ts';
import { formatTable, load1, writeResults, type Figure } from './lib/results.ts';
import { repoRoot, startApp, startBare, startPlainLookup, type Child } from './lib/servers.ts';
import { getJson, login, type Session } from './lib/session.ts';

interface Options {
  size: number;
  pgliteSize: number;
  seconds: number;
  keep: boolean;
  skip: Set<string>;
  adminUrl: string;
  seed: number;
  out: string;
  lookupRate: number;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = (name: string, fallback: number) => {
    const v = get(name);
    const n = v ? parseCount(v) : fallback;
    if (!n) throw new Error(`--${name}: not a count: ${v}`);
    return n;
  };
  return {
    size: count('size', 1_000_000),
    pgliteSize: count('pglite-size', 300_000),
    seconds: Number(get('seconds') ?? 10),
    keep: argv.includes('--keep'),
    skip: new Set((get('skip') ?? '').split(',').filter(Boolean)),
    adminUrl: get('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    seed: Number(get('seed') ?? 1),
    out: get('out') ?? join(repoRoot, 'bench', 'results'),
    lookupRate: Number(get('lookup-rate') ?? 2000),
  };
}

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${load1().toFixed(1)}] ${message}\n`);
const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

async function machine(adminUrl: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const version = (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v;
  const settings = (await c.query<{ name: string; setting: string; unit: string | null }>(`select name, setting, unit from pg_settings
    where name in ('shared_buffers', 'work_mem', 'max_wal_size', 'synchronous_commit', 'effective_cache_size')`)).rows;
  await c.end();
  return {
    cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version,
    postgres: version, postgresSettings: Object.fromEntries(settings.map((s) => [s.name, `${s.setting}${s.unit ?? ''}`])),
  };
}

/** Sessions for the demo accounts the list views use, and for the intake officers. */
async function sessionsFor(url: string, usernames: string[]): Promise<Map<string, Session>> {
  const out = new Map<string, Session>();
  for (const u of usernames) out.set(u, await login(url, u));
  return out;
}

/** Polls `done` every second until it answers true or `maxMs` have passed; returns the seconds waited. */
async function waitUntil(done: () => Promise<boolean>, maxMs: number): Promise<number> {
  const started = Date.now();
  while (!(await done()) && Date.now() - started < maxMs) await new Promise((r) => setTimeout(r, 1000));
  return Math.round((Date.now() - started) / 1000);
}

/**
 * Waits (up to two minutes) until no autovacuum worker runs in the bench database: after the bulk load and the
 * intake loads they vacuum and analyse the big tables, and would compete with what is measured next.
 */
async function autovacuumDone(pool: pg.Pool): Promise<void> {
  const waited = await waitUntil(async () => {
    const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity
      where backend_type = 'autovacuum worker' and datname = current_database()`);
    return rows[0].n === 0;
  }, 120_000);
  if (waited) log(`waited ${waited} s for autovacuum`);
}

/** Waits (up to `maxSeconds`) until no notification is waiting to be sent. */
async function outboxDrained(url: string, admin: Session, maxSeconds: number): Promise<{ seconds: number; pending: number }> {
  let pending = 0;
  const seconds = await waitUntil(async () => {
    pending = (await getJson<{ items: unknown[] }>(url, admin, '/api/v1/notifications?status=pending&limit=200')).items.length;
    return pending === 0;
  }, maxSeconds * 1000);
  return { seconds, pending };
}

/** Everything measured against one running server: intake, lookup, list views, table 06. */
async function measureServer(ctx: {
  engine: 'postgres' | 'pglite'; app: Child; bare: () => Promise<Child>; plain: (() => Promise<Child>) | null; prepared: Prepared; options: Options;
  /** Intake through the API and its limit by plain SQL, for these desk officers. */
  intake: (officers: IntakeOfficer[]) => Promise<{ api: LoadResult; sql: LoadResult }>; scan: Awaited<ReturnType<typeof table06ByScan>>;
  pairs: { code: string; phone: string }[]; figures: Figure[]; listGoalMs: number; reportGoalMs: number;
  /** Waits until the database's background maintenance is done (PostgreSQL; PGlite has none). */
  settle: () => Promise<void>;
}): Promise<Record<string, unknown>> {
  const { engine, app, prepared, options, figures } = ctx;
  const detail: Record<string, unknown> = {};
  const officers = prepared.intakeOfficers;
  const sessions = await sessionsFor(app.url, ['bonglai.motcua1', 'bonglai.chuyenvien', 'tinh.baocao', 'admin', ...officers.map((o) => o.username)]);

  // First, while the data is exactly what the plain scan counted (the intake measurements below add dossiers).
  log(`${engine}: table 06 for the province and year`);
  const year = localDate(new Date()).slice(0, 4);
  await ctx.settle();
  const report = await table06ThroughApi(app.url, sessions.get('tinh.baocao')!, prepared.provinceId, year, 100);
  const diff = differences(report.total, ctx.scan.total);
  figures.push({
    key: `report.${engine}`, label: `table 06, province, ${year}: aggregates ÷ plain scan`, engine, value: report.p50, unit: 'ms',
    limit: { label: 'plain GROUP BY', value: ctx.scan.p50, unit: 'ms' }, ratio: ctx.scan.p50 / report.p50,
    goal: engine === 'postgres' ? `< ${ctx.reportGoalMs} ms, ≥ 100×` : `< ${ctx.reportGoalMs} ms`,
    pass: (engine === 'postgres' ? report.p50 < ctx.reportGoalMs && ctx.scan.p50 / report.p50 >= 100 : report.p99 < ctx.reportGoalMs) && diff.length === 0,
    p50: report.p50, p99: report.p99, load: load1(), note: diff.length ? `DIFFERS: ${diff.join('; ')}` : 'totals equal the scan',
  });
  detail.report = { api: report, scan: ctx.scan, differences: diff };

  await ctx.settle();
  log(`${engine}: intake through the API${engine === 'postgres' ? ' and by plain SQL in turns' : ''} (${CONNECTIONS} connections, ${options.seconds} s)`);
  const { api, sql } = await ctx.intake(officers.map((o) => ({ session: sessions.get(o.username)!, unitId: o.unitId })));
  detail.intake = { api, sql };
  figures.push({
    key: `intake.${engine}`, label: 'intake: API ÷ plain SQL (same rows, 10 concurrent)', engine, value: api.rps, unit: '/s',
    limit: { label: 'plain SQL', value: sql.rps, unit: '/s' }, ratio: api.rps / sql.rps, goal: '≥ 0.5',
    pass: engine === 'postgres' ? api.rps / sql.rps >= 0.5 && api.errors === 0 : null, p50: api.p50, p99: api.p99, load: load1(),
    note: api.errors ? `${api.errors} errors` : undefined,
  });

  // The intake left notifications for the in-process outbox to send; the lookup is measured once they are sent.
  const drained = await outboxDrained(app.url, sessions.get('admin')!, 180);
  log(`${engine}: outbox ${drained.pending ? `still had ${drained.pending}+ pending after` : 'drained in'} ${drained.seconds} s`);
  detail.outboxDrainSeconds = drained.seconds;

  await ctx.settle();
  log(`${engine}: public lookup: application, bare route${ctx.plain ? ', plain prepared lookup' : ''} in turns (${options.seconds} s each)`);
  const bodyFile = join(tmpdir(), `gandan-bench-lookup-${process.pid}.json`);
  const bytes = await captureAnswer(app.url, ctx.pairs[0], bodyFile);
  const bare = await ctx.bare();
  const plainServer = ctx.plain ? await ctx.plain() : null;
  let floor;
  let lookup;
  let plain;
  try {
    [lookup, floor, plain] = await throughputInTurns([app.url, bare.url, ...(plainServer ? [plainServer.url] : [])], ctx.pairs, options.seconds);
  } finally {
    await bare.stop();
    await plainServer?.stop();
  }
  if (plain) {
    figures.push({
      key: `lookup-plain.${engine}`, label: 'lookup by code: app ÷ plain prepared lookup (Fastify + pg, one statement)', engine, value: lookup.rps, unit: 'req/s',
      limit: { label: 'plain lookup', value: plain.rps, unit: 'req/s' }, ratio: lookup.rps / plain.rps, goal: '–', pass: null,
      p50: lookup.p50, p99: lookup.p99, load: load1(), note: `plain lookup ÷ bare route = ${(plain.rps / floor.rps).toFixed(2)}`,
    });
    detail.lookupPlain = plain;
  }
  figures.push({
    key: `lookup.${engine}`, label: `lookup by code: app ÷ bare Fastify (${bytes} B answer)`, engine, value: lookup.rps, unit: 'req/s',
    limit: { label: 'bare route', value: floor.rps, unit: 'req/s' }, ratio: lookup.rps / floor.rps, goal: '≥ 0.25',
    pass: engine === 'postgres' ? lookup.rps / floor.rps >= 0.25 && lookup.errors === 0 : null, p50: lookup.p50, p99: lookup.p99, load: load1(),
    note: lookup.errors ? `${lookup.errors} errors` : undefined,
  });
  const rate = engine === 'postgres' ? options.lookupRate : Math.min(options.lookupRate, Math.floor(lookup.rps * 0.5));
  const fixed = await fixedRate(app.url, ctx.pairs, options.seconds, rate);
  figures.push({
    key: `lookup-p99.${engine}`, label: `lookup p99 at a fixed ${rate.toLocaleString('en')} req/s`, engine, value: fixed.p99, unit: 'ms',
    goal: engine === 'postgres' ? '< 20 ms' : '–', pass: engine === 'postgres' ? fixed.p99 < 20 && fixed.rps >= rate * 0.95 : null,
    p50: fixed.p50, p99: fixed.p99, load: load1(), note: `served ${Math.round(fixed.rps)} req/s`,
  });
  detail.lookup = { bytes, bare: floor, app: lookup, fixed: { rate, ...fixed } };

  await ctx.settle();
  log(`${engine}: staff list views`);
  const sample = await fetch(`${app.url}/api/v1/dossiers?queue=all`, { headers: { cookie: sessions.get('bonglai.motcua1')!.cookie } }).then((r) => r.json()) as { items: { code: string | null }[] };
  const communeCode = sample.items.find((i) => i.code)?.code ?? ctx.pairs[0].code;
  const views = await measureViews(app.url, sessions, staffViews({ communeCode, provinceCode: ctx.pairs[1]?.code ?? ctx.pairs[0].code }), Math.max(2, Math.round(options.seconds / 3)));
  for (const v of views) {
    figures.push({
      key: `list.${engine}.${v.label}`, label: `list: ${v.label}`, engine, value: v.result.p99, unit: 'ms p99', goal: `< ${ctx.listGoalMs} ms`,
      pass: v.result.p99 < ctx.listGoalMs && v.result.errors === 0, p50: v.result.p50, p99: v.result.p99, load: load1(),
      note: v.result.errors ? `${v.result.errors} errors` : undefined,
    });
  }
  detail.lists = views;

  return detail;
}

async function postgresPart(options: Options, figures: Figure[], results: Record<string, unknown>): Promise<void> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const bench = await createPostgres(options.adminUrl, `gandan_bench_${stamp}`);
  log(`PostgreSQL: database ${bench.name}`);
  try {
    const prepared = await prepare({ databaseUrl: bench.url }, { size: options.size, seed: options.seed, importUnits: true, deferIndexes: true, open: async () => connect(bench.url) });
    const g = prepared.generated;
    figures.push({
      key: 'generate.postgres', label: `generate ${sizeLabel(g.dossiers)} dossiers (COPY, indexes rebuilt after)`, engine: 'postgres', value: g.perSecond, unit: '/s',
      goal: '10 M < 1 h (≥ 2,800/s)', pass: g.perSecond >= 2800, load: load1(),
      note: `${Math.round(g.seconds)} s incl. ${Math.round(g.indexSeconds ?? 0)} s index build; ${g.events.toLocaleString('en')} events`,
    });
    results.generated = g;
    installTypeParsers();
    const pool = new pg.Pool({ connectionString: bench.url, max: CONNECTIONS + 2 });
    try {
      await autovacuumDone(pool);
      const templates = await sqlTemplates(pool, prepared.intakeOfficers);
      log('PostgreSQL: table 06 by a plain scan');
      const today = localDate(new Date());
      const scan = await table06ByScan(pool, prepared.provinceId, `${today.slice(0, 4)}-01-01`, `${today.slice(0, 4)}-12-31`, today, 3);
      const pairs = await lookupSample(pool, 20_000);
      const app = await startApp({ databaseUrl: bench.url });
      try {
        results.postgres = await measureServer({
          engine: 'postgres', app, bare: () => startBare(join(tmpdir(), `gandan-bench-lookup-${process.pid}.json`)), plain: () => startPlainLookup(bench.url), prepared, options, scan, pairs, figures,
          intake: (officers) => intakeInTurns(pool, templates, app.url, officers, options.seconds),
          settle: () => autovacuumDone(pool),
          listGoalMs: 100, reportGoalMs: 500,
        });
      } finally {
        await app.stop();
      }
    } finally {
      await pool.end();
    }
  } finally {
    if (options.keep) log(`kept ${bench.url}`);
    else await bench.drop();
  }
}

async function pglitePart(options: Options, figures: Figure[], results: Record<string, unknown>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gandan-bench-pglite-'));
  const dbDir = join(dir, 'db');
  log(`PGlite: ${dir}`);
  try {
    const open = async () => openPglite(dbDir);
    const prepared = await prepare({ dataDir: dir }, { size: options.pgliteSize, seed: options.seed, importUnits: false, deferIndexes: false, open });
    results.pgliteGenerated = prepared.generated;
    const database = await open();
    let sqlIntake;
    let scan;
    let pairs;
    try {
      log('PGlite: intake by plain SQL, table 06 by a plain scan');
      sqlIntake = await intakeBySql(database.pool, await sqlTemplates(database.pool, prepared.intakeOfficers), options.seconds);
      const today = localDate(new Date());
      scan = await table06ByScan(database.pool, prepared.provinceId, `${today.slice(0, 4)}-01-01`, `${today.slice(0, 4)}-12-31`, today, 3);
      pairs = await lookupSample(database.pool, 20_000);
    } finally {
      await database.close();
    }
    const app = await startApp({ dataDir: dir });
    try {
      results.pglite = await measureServer({
        engine: 'pglite', app, bare: () => startBare(join(tmpdir(), `gandan-bench-lookup-${process.pid}.json`)), plain: null, prepared, options, scan, pairs, figures, settle: async () => undefined,
        // PGlite serves one process at a time: its limit was measured before the server opened the database.
        intake: async (officers) => ({ sql: sqlIntake!, api: await intakeThroughApi(app.url, officers, options.seconds) }),
        listGoalMs: 200, reportGoalMs: 200,
      });
    } finally {
      await app.stop();
    }
  } finally {
    if (options.keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const figures: Figure[] = [];
  const results: Record<string, unknown> = {
    date: new Date().toISOString(), machine: await machine(options.adminUrl), loadAtStart: load1(),
    options: { ...options, skip: [...options.skip] },
  };
  log(`size ${sizeLabel(options.size)}, PGlite ${sizeLabel(options.pgliteSize)}, ${options.seconds} s per load`);
  if (!options.skip.has('pg')) await postgresPart(options, figures, results);
  if (!options.skip.has('calendar')) {
    log('due dates');
    const c = dueDates();
    figures.push({
      key: 'calendar', label: '1 M due dates (public API) ÷ creating the Dates', engine: 'node', value: c.ms, unit: 'ms',
      limit: { label: 'Date loop', value: c.baselineMs, unit: 'ms' }, ratio: c.ms / c.baselineMs, goal: '< 2,000 ms', pass: c.ms < 2000, load: load1(),
    });
  }
  if (!options.skip.has('import')) {
    for (const engine of ['pglite', 'postgres'] as const) {
      log(`historical import on ${engine}`);
      const r = await importRate(engine, options.adminUrl, 60_000);
      figures.push({
        key: `import.${engine}`, label: 'historical import (60k-line file)', engine, value: r.perSecond, unit: '/s', goal: '≥ 5,000/s',
        pass: r.perSecond >= 5000 && r.statsMatch, load: load1(), note: `${Math.round(r.count / r.cpuSeconds)}/s of CPU time; statistics ${r.statsMatch ? 'match' : 'DO NOT match'}`,
      });
    }
  }
  if (!options.skip.has('pglite')) await pglitePart(options, figures, results);
  results.figures = figures;
  results.minutes = Math.round((Date.now() - started) / 600) / 100;
  console.log(`\nGần Dân bench — ${sizeLabel(options.size)} dossiers on PostgreSQL ${(results.machine as { postgres: string }).postgres}, `
    + `${sizeLabel(options.pgliteSize)} on PGlite; ${cpus().length} CPUs; ${results.minutes} min\n`);
  console.log(formatTable(figures));
  const file = writeResults(options.out, localDate(new Date()), results);
  console.log(`\n${figures.filter((f) => f.pass === false).length} of ${figures.filter((f) => f.pass !== null).length} goals missed; results in ${file}`);
}

await main();
