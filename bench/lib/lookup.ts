// Public lookup by code (+ the applicant's phone): the application's throughput and latency against a bare
// Fastify route answering a constant JSON of the same size (the framework floor), and p99 at a fixed offered load.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { combineTurns, run, type LoadResult, type RequestSpec } from './load.ts';
import { repoRoot, SERVER_NODE_FLAGS } from './servers.ts';

export interface LookupPair {
  code: string;
  phone: string;
}

/** A random sample of dossiers the public can look up (code and phone). */
export async function lookupSample(pool: pg.Pool, n: number): Promise<LookupPair[]> {
  const { rows } = await pool.query<LookupPair>(`select code, applicant_phone as phone from dossiers tablesample system (5)
    where code is not null and applicant_phone is not null limit $1`, [n]);
  if (rows.length >= Math.min(n, 100)) return rows;
  return (await pool.query<LookupPair>(`select code, applicant_phone as phone from dossiers where code is not null and applicant_phone is not null
    order by random() limit $1`, [n])).rows;
}

export function lookupRequests(pairs: LookupPair[]): () => RequestSpec {
  let i = 0;
  return () => {
    const p = pairs[i++ % pairs.length];
    return { method: 'POST', path: '/api/v1/public/dossiers/lookup', body: JSON.stringify({ code: p.code, phone: p.phone }) };
  };
}

/** One real answer, written to `file` for the bare route; returns its size in bytes. */
export async function captureAnswer(url: string, pair: LookupPair, file: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/public/dossiers/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pair) });
  if (!res.ok) throw new Error(`lookup ${pair.code}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

export const LOOKUP_CONNECTIONS = 16;

/**
 * The throughput of several servers measured in turns: each is warmed up first (JIT, connection pools, caches), then
 * gets `rounds` turns of seconds / rounds each, so that a change in the host's speed during the measurement (seen
 * here: the same bare route at 12,900 and 21,600 req/s half an hour apart) weighs on all of them alike. Per server:
 * requests per second over all its turns, the median of the turns' p50 and the highest p99.
 */
export async function throughputInTurns(urls: string[], pairs: LookupPair[], seconds: number, rounds = 3): Promise<LoadResult[]> {
  for (const url of urls) await run({ url, connections: LOOKUP_CONNECTIONS, duration: 2, next: lookupRequests(pairs) });
  const turns: LoadResult[][] = urls.map(() => []);
  const each = Math.max(1, Math.round(seconds / rounds));
  for (let r = 0; r < rounds; r++) {
    for (const [i, url] of urls.entries()) turns[i].push(await run({ url, connections: LOOKUP_CONNECTIONS, duration: each, next: lookupRequests(pairs) }));
  }
  return turns.map(combineTurns);
}

/**
 * Evenly paced requests at `rate` per second (see paced.ts), after an uncounted second of the same load, sent from
 * a fresh process (bench/paced-load.ts) whose own pauses are short.
 */
export async function fixedRate(url: string, pairs: LookupPair[], seconds: number, rate: number): Promise<LoadResult> {
  const next = lookupRequests(pairs);
  const file = join(tmpdir(), `gandan-bench-paced-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ url, rate, seconds, connections: 64, warmUpSeconds: 1, requests: pairs.map(() => next()) }));
  try {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', join(repoRoot, 'bench', 'paced-load.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`paced load exited with ${code}`);
    return JSON.parse(out) as LoadResult;
  } finally {
    rmSync(file, { force: true });
  }
}
