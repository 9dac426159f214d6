// Synthetic import files for tests and the bench, and an independent count of what a file should add to the
// reports (written without the statistics code, from the lines' own date strings).
//
//   node --import tsx src/modules/dossiers/import/generate.ts --count 60000 --out /tmp/dossiers.jsonl [--seed 7]
// writes a year (2025) of dossiers for the demo units, the ward code 09295 before and after 1 July 2025.

import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { vnDateTime } from '../../../platform/clock.ts';

export interface GeneratorUnit {
  /** Statistics-office code or agency identifier, as the previous system wrote it. */
  code: string;
  /** Agency identifier used in the dossier codes. */
  codePrefix: string;
  /** Receipt dates in [from, to) ('YYYY-MM-DD'); open ends when left out. */
  from?: string;
  to?: string;
}

export interface GeneratorProcedure {
  code: string;
  name?: string;
  field?: string;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Receipt dates in [from, to) ('YYYY-MM-DD', Vietnam). */
  from: string;
  to: string;
  units: GeneratorUnit[];
  procedures: GeneratorProcedure[];
  /** Nothing happens after `now`: later finishes become in-progress dossiers. */
  now: Date;
}

export interface ImportLineObject {
  code: string;
  procedureCode: string;
  procedureName?: string;
  field?: string;
  unitCode: string;
  channel: 'counter' | 'online' | 'post';
  receivedAt: string;
  dueAt: string;
  finishedAt?: string;
  returnedAt?: string;
  outcome: 'returned' | 'finished' | 'refused' | 'withdrawn' | 'stopped' | 'in_progress';
  supplementRounds: number;
  applicant: { fullName: string; phone: string; idNumber?: string };
  rating?: { attitude: string; overall?: string };
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const middles = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu'];
const givens = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Lan', 'Linh', 'Nam', 'Phương', 'Quyết', 'Sơn', 'Thảo', 'Tuấn', 'Yến'];
const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'];

/** xorshift32: the same seed gives the same file. */
function randomSource(seed: number) {
  let s = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

const dayStart = (date: string) => Date.parse(`${date}T00:00:00+07:00`);
const vnDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

/** A working moment (weekday, 07:30–16:30 Vietnam time) on the day of `ms` or the next weekday. */
function officeTime(ms: number, rnd: ReturnType<typeof randomSource>): number {
  let day = dayStart(vnDay(ms));
  while ([0, 6].includes(new Date(day + 7 * 3_600_000).getUTCDay())) day += DAY_MS;
  return day + (7 * 60 + 30 + rnd.int(9 * 60)) * MINUTE_MS;
}

export function* generateImportLines(options: GenerateOptions): Generator<ImportLineObject> {
  const rnd = randomSource(options.seed ?? 1);
  const from = dayStart(options.from);
  const span = Math.max(1, Math.round((dayStart(options.to) - from) / DAY_MS));
  const now = options.now.getTime();
  const sequences = new Map<string, number>();
  for (let i = 0; i < options.count; i++) {
    const received = officeTime(from + rnd.int(span) * DAY_MS, rnd);
    const day = vnDay(received);
    const candidates = options.units.filter((u) => (!u.from || u.from <= day) && (!u.to || day < u.to));
    if (!candidates.length || received > now) {
      i--;
      continue;
    }
    const unit = rnd.pick(candidates);
    const key = `${unit.codePrefix}|${day}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    if (sequence > 9999) {
      i--;
      continue;
    }
    sequences.set(key, sequence);
    const procedure = rnd.pick(options.procedures);
    const due = dayStart(vnDay(received + (1 + rnd.int(15)) * DAY_MS)) + 17 * 60 * MINUTE_MS;
    const r = rnd.next();
    let outcome: ImportLineObject['outcome'] = r < 0.78 ? 'returned' : r < 0.84 ? 'finished' : r < 0.89 ? 'refused' : r < 0.93 ? 'withdrawn' : r < 0.95 ? 'stopped' : 'in_progress';
    // Early, on the due day, or late (within ten days).
    const timing = rnd.next();
    const dueDay = dayStart(vnDay(due));
    const receivedDay = dayStart(day);
    const finishDay = timing < 0.6 ? receivedDay + rnd.int(Math.max(1, Math.round((dueDay - receivedDay) / DAY_MS))) * DAY_MS
      : timing < 0.9 ? dueDay : dueDay + (1 + rnd.int(10)) * DAY_MS;
    let finished = Math.max(received, finishDay + (7 * 60 + 30 + rnd.int(9 * 60)) * MINUTE_MS);
    if (outcome !== 'in_progress' && finished > now) outcome = 'in_progress';
    let returned = outcome === 'returned' ? finished + rnd.int(3 * 24 * 60) * MINUTE_MS : null;
    if (returned !== null && returned > now) {
      outcome = 'finished';
      returned = null;
    }
    if (outcome === 'in_progress') finished = 0;
    const line: ImportLineObject = {
      code: `${unit.codePrefix}-${day.slice(2).replace(/-/g, '')}-${String(sequence).padStart(4, '0')}`,
      procedureCode: procedure.code,
      ...(procedure.name ? { procedureName: procedure.name } : {}),
      ...(procedure.field ? { field: procedure.field } : {}),
      unitCode: unit.code,
      channel: rnd.next() < 0.45 ? 'online' : rnd.next() < 0.85 ? 'counter' : 'post',
      receivedAt: vnDateTime(new Date(received)),
      dueAt: vnDateTime(new Date(due)),
      ...(finished ? { finishedAt: vnDateTime(new Date(finished)) } : {}),
      ...(returned !== null ? { returnedAt: vnDateTime(new Date(returned)) } : {}),
      outcome,
      supplementRounds: rnd.next() < 0.12 ? 1 + rnd.int(2) : 0,
      applicant: {
        fullName: `${rnd.pick(surnames)} ${rnd.pick(middles)} ${rnd.pick(givens)}`,
        phone: `09${String(rnd.int(100_000_000)).padStart(8, '0')}`,
        ...(rnd.next() < 0.7 ? { idNumber: `0271${String(rnd.int(100_000_000)).padStart(8, '0')}` } : {}),
      },
    };
    if (outcome === 'returned' && rnd.next() < 0.3) {
      const attitude = rnd.next() < 0.9 ? levels[rnd.int(2)] : levels[2 + rnd.int(3)];
      line.rating = rnd.next() < 0.5 ? { attitude } : { attitude, overall: rnd.pick(levels) };
    }
    yield line;
  }
}

export interface FileTally {
  received: { counter: number; online: number; post: number };
  resolved: { early: number; onTime: number; late: number };
  refused: number;
  withdrawn: number;
  stopped: number;
  inProgress: number;
  supplemented: number;
  ratings: { count: number; satisfied: number };
}

/** What the file adds to the reports, counted straight from the lines (local dates in UTC+7). */
export function tallyLines(lines: Iterable<ImportLineObject>): FileTally {
  const t: FileTally = {
    received: { counter: 0, online: 0, post: 0 }, resolved: { early: 0, onTime: 0, late: 0 }, refused: 0, withdrawn: 0, stopped: 0,
    inProgress: 0, supplemented: 0, ratings: { count: 0, satisfied: 0 },
  };
  const localDay = (s: string) => vnDay(Date.parse(s));
  for (const l of lines) {
    t.received[l.channel]++;
    if (l.supplementRounds > 0) t.supplemented++;
    if (l.outcome === 'returned' || l.outcome === 'finished' || l.outcome === 'refused') {
      const done = localDay(l.finishedAt!);
      const due = localDay(l.dueAt);
      if (done < due) t.resolved.early++;
      else if (done === due) t.resolved.onTime++;
      else t.resolved.late++;
    }
    if (l.outcome === 'refused') t.refused++;
    if (l.outcome === 'withdrawn') t.withdrawn++;
    if (l.outcome === 'stopped') t.stopped++;
    if (l.outcome === 'in_progress') t.inProgress++;
    if (l.rating) {
      t.ratings.count++;
      if (l.rating.attitude === 'satisfied' || l.rating.attitude === 'very_satisfied') t.ratings.satisfied++;
    }
  }
  return t;
}

/** The demo province's units: 09295 is the old ward until 1 July 2025 and the merged ward from that day. */
export const demoImportUnits: GeneratorUnit[] = [
  { code: '09295', codePrefix: 'H04.09295', to: '2025-07-01' },
  { code: '09298', codePrefix: 'H04.09298', to: '2025-07-01' },
  { code: '09295', codePrefix: '000.29.24.H04', from: '2025-07-01' },
  { code: '000.18.24.H04', codePrefix: '000.18.24.H04', from: '2025-07-01' },
  { code: '09301', codePrefix: '000.30.24.H04', from: '2025-07-01' },
];

/** Demo catalogue codes, plus two the catalogue does not know (created as drafts by the import). */
export const demoImportProcedures: GeneratorProcedure[] = [
  { code: '1.001193' }, { code: '1.000656' }, { code: '1.000894' }, { code: '1.004873' }, { code: '2.000815' },
  { code: '2.000884' }, { code: '1.004222' }, { code: '1.004194' }, { code: '1.010041' }, { code: '1.012812' },
  { code: '9.000001', name: 'Thủ tục cũ: xác nhận đơn đề nghị', field: 'Hành chính tư pháp' },
  { code: '9.000002', name: 'Thủ tục cũ: cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'Xây dựng' },
];

export async function writeDemoFile(path: string, count: number, seed = 7, now = new Date('2026-01-15T03:00:00Z')): Promise<void> {
  const out = createWriteStream(path);
  for (const line of generateImportLines({ count, seed, from: '2025-01-01', to: '2026-01-01', units: demoImportUnits, procedures: demoImportProcedures, now })) {
    if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => out.once('drain', () => resolve(undefined)));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = arg('out');
  if (!out) {
    console.error('usage: generate.ts --out FILE [--count 60000] [--seed 7]');
    process.exit(2);
  }
  await writeDemoFile(out, Number(arg('count') ?? 60_000), Number(arg('seed') ?? 7));
}
