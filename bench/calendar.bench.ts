// Benchmark: 1,000,000 due dates with random starts over 2020–2030 and mixed duration kinds.
// Run: npx tsx bench/calendar.bench.ts [count]   (goal: under 2 s on one core)
// Prints the rate and the ratio to a baseline measured in the same run: a loop that only creates the
// same number of Date objects, so the ratio stays comparable across machines.

import { computeDueDate, DEFAULT_CALENDAR_RULES, getCalendar, type Duration, type Pause } from '../src/calendar/index.ts';
import { dueAtMs } from '../src/calendar/due.ts';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const GOAL_MS = 2000;
const FROM = Date.parse('2020-01-01T00:00:00+07:00');
const TO = Date.parse('2030-12-31T00:00:00+07:00');

// Deterministic inputs (xorshift32) so runs are comparable.
let seed = 0x9e3779b9;
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4_294_967_296;
}

function randomDuration(): Duration {
  const r = random();
  if (r < 0.55) return { kind: 'working_days', amount: 1 + Math.floor(random() * 30) };
  if (r < 0.65) return { kind: 'same_day' };
  if (r < 0.85) return { kind: 'working_hours', amount: 1 + Math.floor(random() * 64) / 4 };
  return { kind: 'calendar_days', amount: Math.floor(random() * 90) };
}

const starts = new Float64Array(COUNT);
const durations: Duration[] = [];
const pauses: Array<Pause[] | undefined> = [];
for (let i = 0; i < COUNT; i++) {
  starts[i] = FROM + Math.floor(random() * (TO - FROM));
  durations.push(randomDuration());
  const from = starts[i] + Math.floor(random() * 5 * 86_400_000);
  pauses.push(random() < 0.1 ? [{ from: new Date(from), to: new Date(from + Math.floor(random() * 3 * 86_400_000)) }] : undefined);
}

function time(label: string, run: () => number): number {
  const t0 = process.hrtime.bigint();
  const checksum = run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   (checksum ${checksum % 1e9})`);
  return ms;
}

console.log(`calendar bench: ${COUNT.toLocaleString('en')} due dates, starts 2020–2030, kinds mixed, 10% with a pause`);
let calendar = getCalendar(DEFAULT_CALENDAR_RULES);
time('build the working calendar (once per rules)', () => {
  calendar = getCalendar(structuredClone(DEFAULT_CALENDAR_RULES));
  calendar.ensure(Math.floor(TO / 86_400_000) + 400);
  return calendar.dayLengthMs;
});

const baseline = time('baseline: create the same Date objects', () => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) sum += new Date(starts[i] + 3_600_000).getTime() % 1000;
  return sum;
});

const core = time('dueAtMs (core, no pauses) + new Date', () => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) sum += new Date(dueAtMs(calendar, starts[i], durations[i])).getTime() % 1000;
  return sum;
});

const full = time('computeDueDate (public API, with pauses)', () => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) {
    const result = computeDueDate(calendar, { start: new Date(starts[i]), duration: durations[i], pauses: pauses[i] });
    sum += result.dueAt.getTime() % 1000 + result.dueDate.length;
  }
  return sum;
});

const rate = (ms: number) => `${((COUNT / ms) * 1000 / 1e6).toFixed(2)} M due dates/s`;
console.log(`  core:   ${rate(core)}, ${(core / baseline).toFixed(1)}× baseline`);
console.log(`  public: ${rate(full)}, ${(full / baseline).toFixed(1)}× baseline`);
const scaled = (full * 1_000_000) / COUNT;
console.log(`  goal: 1,000,000 due dates under ${GOAL_MS} ms → ${scaled.toFixed(0)} ms: ${scaled < GOAL_MS ? 'PASS' : 'FAIL'}`);
if (process.argv.includes('--strict') && scaled >= GOAL_MS) process.exitCode = 1;
