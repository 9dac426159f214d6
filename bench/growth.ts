// npm run bench:growth [-- --sizes 100k,1m,10m] [--seconds 10] [any other bench/run.ts option]
//
// How each PostgreSQL figure changes with the amount of data: runs bench/run.ts once per size (its PostgreSQL part
// only, each on a fresh database), then prints one table with a column per size and writes
// bench/results/growth-<date>.json. On a 2-core machine the default sizes take 8–30 minutes and 10m adds 17–45,
// depending on the host's speed.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDate } from '../src/calendar/index.ts';
import { parseCount } from '../src/modules/generate/cli.ts';
import type { Figure } from './lib/results.ts';
import { writeResults } from './lib/results.ts';
import { repoRoot } from './lib/servers.ts';

const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The arguments passed through to each run, without the ones growth sets itself. */
function passThrough(argv: string[]): string[] {
  const own = new Set(['--sizes', '--size', '--out', '--skip']);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (own.has(argv[i])) i++;
    else out.push(argv[i]);
  }
  return out;
}

function runAt(size: number, extra: string[]): { figures: Figure[]; minutes: number } {
  const out = mkdtempSync(join(tmpdir(), 'gandan-growth-'));
  try {
    process.stderr.write(`\n=== ${sizeLabel(size)} dossiers ===\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'run.ts'), '--size', String(size), '--skip', 'calendar,import,pglite', '--out', out, ...extra], {
      cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`bench at ${sizeLabel(size)} failed with exit code ${child.status}`);
    const file = readdirSync(out).find((f) => f.endsWith('.json'));
    if (!file) throw new Error(`bench at ${sizeLabel(size)} wrote no results`);
    return JSON.parse(readFileSync(join(out, file), 'utf8')) as { figures: Figure[]; minutes: number };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const cell = (f: Figure | undefined) => {
  if (!f) return '';
  const value = f.value >= 1000 ? Math.round(f.value).toLocaleString('en') : f.value.toFixed(f.value < 10 ? 2 : 1);
  const ratio = f.ratio === undefined ? '' : f.ratio >= 100 ? ` (${Math.round(f.ratio)}×)` : ` (${f.ratio.toFixed(2)})`;
  return `${value} ${f.unit}${ratio}${f.pass === false ? ' MISS' : ''}`;
};

function table(sizes: number[], runs: { figures: Figure[] }[]): string {
  const keys = [...new Set(runs.flatMap((r) => r.figures.map((f) => f.key)))];
  const label = (k: string) => runs.flatMap((r) => r.figures).find((f) => f.key === k)!.label;
  const header = ['figure', ...sizes.map(sizeLabel)];
  const rows = keys.map((k) => [label(k), ...runs.map((r) => cell(r.figures.find((f) => f.key === k)))]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const argv = process.argv.slice(2);
const sizes = (option(argv, 'sizes') ?? '100k,1m').split(',').map((s) => {
  const n = parseCount(s.trim());
  if (!n) throw new Error(`--sizes: not a count: ${s}`);
  return n;
});
const runs = sizes.map((size) => runAt(size, passThrough(argv)));
console.log(`\nGần Dân bench — growth on PostgreSQL (${sizes.map(sizeLabel).join(', ')} dossiers)\n`);
console.log(table(sizes, runs));
const file = writeResults(join(repoRoot, 'bench', 'results'), `growth-${localDate(new Date())}`, { date: new Date().toISOString(), sizes, runs });
console.log(`\nresults in ${file}`);
