#!/usr/bin/env node
// Finds *.test.ts files and runs them with Node's test runner through tsx.
// Usage: node scripts/run-tests.mjs [--only-data] [dir-or-file ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const onlyData = args.includes('--only-data');
const roots = args.filter((a) => !a.startsWith('--'));

function collect(path, out) {
  if (!existsSync(path)) return out;
  if (statSync(path).isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    collect(join(path, entry), out);
  }
  return out;
}

let files = (roots.length ? roots : ['src', 'test']).flatMap((r) => collect(r, [])).sort();
if (!roots.length) files = files.filter((f) => !f.startsWith('test/browser/'));
if (onlyData) files = files.filter((f) => f.includes('.data.test.ts') || f.includes('.http.test.ts'));
if (!files.length) {
  console.log('no test files found');
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' } },
);
process.exit(result.status ?? 1);
