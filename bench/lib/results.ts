// A bench figure: what was measured, the limit it is compared with in the same run, the ratio and the goal.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';

export interface Figure {
  key: string;
  label: string;
  engine: 'postgres' | 'pglite' | 'node';
  value: number;
  unit: string;
  /** The limit measured in the same run (plain SQL, a bare route, a plain scan…). */
  limit?: { label: string; value: number; unit: string };
  ratio?: number;
  goal: string;
  pass: boolean | null;
  p50?: number;
  p99?: number;
  /** One-minute load average when the figure was taken (the machine is shared). */
  load: number;
  note?: string;
}

export const load1 = () => Math.round(loadavg()[0] * 100) / 100;

const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '' : n >= 1000 ? Math.round(n).toLocaleString('en') : n.toFixed(digits));

function cells(f: Figure): string[] {
  const digits = f.value < 10 ? 2 : f.value < 100 ? 1 : 0;
  return [
    f.label,
    f.engine,
    `${fmt(f.value, digits)} ${f.unit}`,
    f.limit ? `${fmt(f.limit.value, f.limit.value < 10 ? 2 : 1)} ${f.limit.unit}` : '',
    f.ratio === undefined ? '' : f.ratio >= 100 ? `${Math.round(f.ratio)}×` : f.ratio.toFixed(2),
    f.goal,
    fmt(f.p50, 1),
    fmt(f.p99, 1),
    f.load.toFixed(1),
    f.pass === null ? '–' : f.pass ? 'PASS' : 'MISS',
  ];
}

const header = ['figure', 'engine', 'measured', 'limit (same run)', 'ratio', 'goal', 'p50 ms', 'p99 ms', 'load', ''];

/** A plain-text table for the terminal. */
export function formatTable(figures: Figure[]): string {
  const rows = [header, ...figures.map(cells)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 2 && i <= 8 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown, for the README. */
export function markdownTable(figures: Figure[]): string {
  const rows = figures.map(cells);
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** bench/results/<date>.json, with -2, -3… when the day already has one. */
export function writeResults(dir: string, date: string, data: unknown): string {
  mkdirSync(dir, { recursive: true });
  let file = join(dir, `${date}.json`);
  for (let i = 2; existsSync(file); i++) file = join(dir, `${date}-${i}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const median = (samples: number[]) => percentile(samples, 50);
