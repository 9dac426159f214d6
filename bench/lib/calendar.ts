// Due dates: bench/calendar.bench.ts in its own process (1,000,000 due dates through the public API), its time
// against the baseline it measures in the same run (creating the same Date objects).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './servers.ts';

export interface CalendarResult {
  count: number;
  ms: number;
  baselineMs: number;
}

export function dueDates(count = 1_000_000): CalendarResult {
  const out = spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'calendar.bench.ts'), String(count)], { cwd: repoRoot, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`calendar bench failed:\n${out.stdout}\n${out.stderr}`);
  const ms = (label: string) => {
    const line = out.stdout.split('\n').find((l) => l.includes(label));
    const m = line && /([\d.]+) ms/.exec(line);
    if (!m) throw new Error(`calendar bench: no "${label}" line in\n${out.stdout}`);
    return Number(m[1]);
  };
  return { count, ms: ms('computeDueDate (public API'), baselineMs: ms('baseline: create the same Date objects') };
}
