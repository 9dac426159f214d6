// Historical import of dossiers (migration from a previous one-stop system), in two passes over the lines:
//   1. check every line: fields, types, order of times, the unit at the receipt date, the procedure, codes already
//      stored (identical → skipped, different → error) or repeated in the file;
//   2. only when the file is clean (or --skip-errors): write the good lines in ONE transaction — dossiers, one
//      history event each, ratings, the maintained statistics summed in memory, the code counters, one audit row.
// One transaction for the whole file keeps "a file with errors imports nothing" true even when the database fails
// half-way, and reports never show half a year. Rows go in batches of `batchSize` (one statement per table each).

import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { effectiveReceipt, localDate, workingTimeBetween, type WorkingCalendar } from '../../../calendar/index.ts';
import { isUnitInReach, type Reach } from '../../../access/reach.ts';
import { audit, type AuditContext } from '../../../audit/audit.ts';
import { bulkLoad, MissingReferenceError, type ReferencedRows } from '../../../platform/db/bulk.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { foldVietnamese } from '../../../platform/text.ts';
import { resolveUnitCode, type Unit } from '../../../units/repository.ts';
import { ensureProcedure } from '../../catalog/index.ts';
import { calendarFor } from '../../calendar/repository.ts';
import { nationalStatus } from '../domain/states.ts';
import { statColumns, statDeltas } from '../domain/stats.ts';
import { timelineOf } from '../domain/timeline.ts';
import { addToStatRows, statViewOf, type StatRow } from '../repository.ts';
import { differences, fingerprint, parseImportLine, stateOfOutcome, timesOf, type ImportRecord, type LineIssue } from './line.ts';
import {
  addStatRows, catalogueProcedures, insertDossiers, insertEvents, insertRatings, raiseCodeCounters, storedByCode, timelinesWritten, unitCodeBreakpoints,
  type CatalogueProcedure, type NewDossier, type NewEvent, type NewRating,
} from './repository.ts';
import type { LineSource } from './source.ts';

export interface ImportActor {
  audit: AuditContext;
  userId: string | null;
  name: string;
  unitId: string | null;
}

export interface ImportOptions {
  actor: ImportActor;
  /** Units the caller may import for (their subtrees); 'all' for a system administrator or the command line. */
  reach: Reach;
  now: Date;
  /** Import the good lines of a file that has errors. */
  skipErrors: boolean;
  /** Check only; write nothing. */
  dryRun?: boolean;
  batchSize?: number;
  /** At most this many errors are listed (errorCount has them all). */
  maxErrors?: number;
  onProgress?: (stage: 'check' | 'write', done: number, total: number) => void;
}

export interface ImportError extends LineIssue {
  line: number;
}

export interface ImportResult {
  imported: number;
  skipped: number;
  errors: ImportError[];
  errorCount: number;
  proceduresCreated: number;
  /** Set on a dry run: how many lines would be imported. */
  wouldImport?: number;
}

/** The write pass stopped and rolled back: nothing was imported (HTTP 409; the command line exits with 2). */
export class ImportAbortedError extends AppError {
  constructor(message: string, messageVi: string) {
    super(409, 'import_aborted', message, messageVi);
  }
}

const DEFAULT_BATCH = 1000;

/** resolveUnitCode at the receipt date, asked once per code and period in which its answer cannot change. */
class UnitResolver {
  private readonly breakpoints = new Map<string, string[]>();
  private readonly answers = new Map<string, Unit | null>();

  constructor(private readonly db: Kysely<Schema>) {}

  /** The answer depends only on which of the code's units started on or before `day`. */
  private key(code: string, day: string): { key: string; from: string } | undefined {
    const points = this.breakpoints.get(code);
    if (!points) return undefined;
    let from = '';
    for (const p of points) if (p <= day) from = p;
    return { key: `${code}|${from}`, from };
  }

  async resolve(code: string, day: string): Promise<Unit | null> {
    if (!this.breakpoints.has(code)) this.breakpoints.set(code, await unitCodeBreakpoints(this.db, code));
    const { key, from } = this.key(code, day)!;
    if (!this.answers.has(key)) this.answers.set(key, await resolveUnitCode(this.db, code, from || day));
    return this.answers.get(key)!;
  }

  /** Only what was resolved before (the write pass runs in a transaction and must not query outside it). */
  known(code: string, day: string): Unit | null | undefined {
    const k = this.key(code, day);
    return k ? this.answers.get(k.key) : undefined;
  }
}

interface Candidate {
  line: number;
  record: ImportRecord;
  unit: Unit;
}

interface CheckState {
  errors: ImportError[];
  errorCount: number;
  skipped: number;
  /** Line numbers to write. */
  toImport: Set<number>;
  /** Codes seen in the file: the first line and a digest of its record. */
  seen: Map<string, { line: number; digest: number }>;
  procedures: Map<string, CatalogueProcedure | null>;
  /** Procedures to create: code → name and field from the first line that names it. */
  stubs: Map<string, { name: string; field: string | null }>;
  /** Lines of an unknown procedure without procedureName, waiting for a line that names it. */
  nameless: Candidate[];
  units: Set<string>;
  /** The accepted lines, while there are few enough to keep (then the write pass need not read the file again). */
  kept: Candidate[] | null;
  digest: string;
}

/** Up to this many accepted lines are kept in memory between the passes; a bigger file is read twice. */
const KEEP_MAX = 100_000;

export async function importDossiers(db: Kysely<Schema>, source: LineSource, options: ImportOptions): Promise<ImportResult> {
  const resolver = new UnitResolver(db);
  const check = await checkLines(db, source, options, resolver);
  const result: ImportResult = {
    imported: 0, skipped: check.skipped, errors: check.errors.sort((a, b) => a.line - b.line), errorCount: check.errorCount, proceduresCreated: 0,
  };
  if (options.dryRun) return { ...result, wouldImport: check.toImport.size };
  if ((check.errorCount && !options.skipErrors) || !check.toImport.size) return result;
  const written = await writeLines(db, source, options, resolver, check);
  return { ...result, imported: written.imported, proceduresCreated: written.proceduresCreated };
}

// ---- pass 1: check ----

async function checkLines(db: Kysely<Schema>, source: LineSource, options: ImportOptions, resolver: UnitResolver): Promise<CheckState> {
  const state: CheckState = {
    errors: [], errorCount: 0, skipped: 0, toImport: new Set(), seen: new Map(), procedures: new Map(), stubs: new Map(), nameless: [], units: new Set(), kept: [], digest: '',
  };
  const maxErrors = options.maxErrors ?? 10_000;
  const fail = (line: number, issue: LineIssue) => {
    state.errorCount++;
    if (state.errors.length < maxErrors) state.errors.push({ line, ...issue });
  };
  const reachCache = new Map<string, Promise<boolean>>();
  const inReach = (unitId: string) => {
    let answer = reachCache.get(unitId);
    if (!answer) reachCache.set(unitId, (answer = isUnitInReach(db, options.reach, unitId)));
    return answer;
  };
  const hash = createHash('sha256');
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let buffer: Candidate[] = [];
  let lineNo = 0;
  let bytes = 0;
  for await (const text of source.lines()) {
    lineNo++;
    hash.update(text).update('\n');
    bytes += Buffer.byteLength(text) + 1;
    if (options.onProgress && lineNo % 1000 === 0) options.onProgress('check', Math.min(bytes, source.size ?? bytes), source.size ?? bytes);
    if (!text.trim()) continue;
    const parsed = parseImportLine(text, options.now);
    if (!parsed.ok) {
      for (const issue of parsed.issues) fail(lineNo, issue);
      continue;
    }
    const record = parsed.record;
    const digest = fingerprint(record);
    const earlier = state.seen.get(record.code);
    if (earlier) {
      if (earlier.digest === digest) state.skipped++;
      else fail(lineNo, { field: 'code', message: `The same code is on line ${earlier.line} with other values.`, messageVi: `Mã hồ sơ này đã có ở dòng ${earlier.line} với dữ liệu khác.` });
      continue;
    }
    state.seen.set(record.code, { line: lineNo, digest });
    const unit = await resolver.resolve(record.unitCode, localDate(record.receivedAt));
    if (!unit) {
      fail(lineNo, { field: 'unitCode', message: `No unit has code ${record.unitCode} on ${localDate(record.receivedAt)}.`, messageVi: `Không có đơn vị mang mã ${record.unitCode} vào ngày ${localDate(record.receivedAt)}.` });
      continue;
    }
    if (!(await inReach(unit.id))) {
      fail(lineNo, { field: 'unitCode', message: `${unit.fullName} is outside the units you administer.`, messageVi: `${unit.fullName} không thuộc phạm vi bạn quản trị.` });
      continue;
    }
    buffer.push({ line: lineNo, record, unit });
    if (buffer.length >= batchSize) {
      await checkBatch(db, buffer, state, fail);
      buffer = [];
    }
  }
  await checkBatch(db, buffer, state, fail);
  settleNameless(state, fail);
  options.onProgress?.('check', source.size ?? bytes, source.size ?? bytes);
  state.digest = hash.digest('hex');
  return state;
}

/** The checks that need the database, for a batch of lines at once: procedures and codes already stored. */
async function checkBatch(db: Kysely<Schema>, batch: Candidate[], state: CheckState, fail: (line: number, issue: LineIssue) => void): Promise<void> {
  if (!batch.length) return;
  const unknown = [...new Set(batch.map((c) => c.record.procedureCode))].filter((code) => !state.procedures.has(code));
  const found = await catalogueProcedures(db, unknown);
  for (const code of unknown) state.procedures.set(code, found.get(code) ?? null);
  const stored = await storedByCode(db, batch.map((c) => c.record.code));
  for (const candidate of batch) {
    const { line, record, unit } = candidate;
    const existing = stored.get(record.code);
    if (existing) {
      const diff = differences(record, unit.id, existing);
      if (!diff.length) {
        state.skipped++;
        continue;
      }
      fail(line, {
        field: diff[0],
        message: `Dossier ${record.code} is already stored with other values (${diff.join(', ')}).${existing.imported ? '' : ' It was received in Gần Dân, not imported.'}`,
        messageVi: `Hồ sơ ${record.code} đã có trong hệ thống với dữ liệu khác (${diff.join(', ')}).${existing.imported ? '' : ' Hồ sơ này được tiếp nhận trên Gần Dân, không phải dữ liệu nhập.'}`,
      });
      continue;
    }
    if (!state.procedures.get(record.procedureCode)) {
      // An unknown procedure needs its name on at least one line of the file; decided when the file is read.
      if (record.procedureName && !state.stubs.has(record.procedureCode)) state.stubs.set(record.procedureCode, { name: record.procedureName, field: record.field });
      if (!state.stubs.has(record.procedureCode)) {
        state.nameless.push(candidate);
        continue;
      }
    }
    accept(state, candidate);
  }
}

function accept(state: CheckState, candidate: Candidate): void {
  state.toImport.add(candidate.line);
  state.units.add(candidate.unit.id);
  if (state.kept && state.kept.length < KEEP_MAX) state.kept.push(candidate);
  else state.kept = null;
}

/** Lines of an unknown procedure whose name no line of the file gave. */
function settleNameless(state: CheckState, fail: (line: number, issue: LineIssue) => void): void {
  for (const candidate of state.nameless) {
    const code = candidate.record.procedureCode;
    if (state.stubs.has(code)) {
      accept(state, candidate);
      continue;
    }
    fail(candidate.line, {
      field: 'procedureCode',
      message: `The catalogue has no procedure ${code}; give procedureName (and field) on a line to create it.`,
      messageVi: `Danh mục chưa có thủ tục ${code}; hãy ghi procedureName (và field) ở một dòng để tạo mới.`,
    });
  }
  state.nameless = [];
}

// ---- pass 2: write ----

/** The accepted lines again: from memory, or by reading the source a second time (which must not have changed). */
async function* accepted(source: LineSource, now: Date, resolver: UnitResolver, check: CheckState): AsyncGenerator<Candidate> {
  if (check.kept) {
    yield* check.kept;
    return;
  }
  const changed = () => new ImportAbortedError('The file changed while it was being imported; nothing was imported.', 'Tệp đã thay đổi trong khi nhập; chưa nhập hồ sơ nào.');
  const hash = createHash('sha256');
  let line = 0;
  for await (const text of source.lines()) {
    line++;
    hash.update(text).update('\n');
    if (!check.toImport.has(line)) continue;
    const parsed = parseImportLine(text, now);
    if (!parsed.ok) throw changed();
    const unit = resolver.known(parsed.record.unitCode, localDate(parsed.record.receivedAt));
    if (!unit || check.seen.get(parsed.record.code)?.line !== line) throw changed();
    yield { line, record: parsed.record, unit };
  }
  if (hash.digest('hex') !== check.digest) throw changed();
}

interface Batch {
  dossiers: NewDossier[];
  events: NewEvent[];
  ratings: NewRating[];
}

const emptyBatch = (): Batch => ({ dossiers: [], events: [], ratings: [] });

async function writeLines(
  db: Kysely<Schema>, source: LineSource, options: ImportOptions, resolver: UnitResolver, check: CheckState,
): Promise<{ imported: number; proceduresCreated: number }> {
  const { now, actor } = options;
  const runId = randomUUID();
  const total = check.toImport.size;
  try {
    return await db.transaction().execute(async (trx) => {
      await timelinesWritten(trx);
      const procedures = await ensureProcedures(trx, actor.audit, now, check);
      const calendars = await calendarsOf(trx, check.units);
      const stats: StatSums = new Map();
      const counters = new Map<string, { unitId: string; day: string; last: number }>();
      const context: WriteContext = { procedures: procedures.byCode, calendars, stats, counters, runId };
      const { result: imported } = await bulkLoad(trx, ['dossiers', 'dossier_events', 'dossier_ratings'], referencedRows(check, procedures.byCode, actor),
        () => writeRows(trx, source, options, resolver, check, context));
      await applyStats(trx, stats);
      await raiseCodeCounters(trx, [...counters.values()]);
      await audit(trx, actor.audit, {
        action: 'dossier.import', subjectType: 'dossier_import', subjectId: runId,
        unitId: check.units.size === 1 ? [...check.units][0] : null,
        after: {
          imported, skipped: check.skipped, errors: check.errorCount, skipErrors: options.skipErrors,
          proceduresCreated: procedures.created, units: check.units.size, sha256: check.digest,
        },
      });
      options.onProgress?.('write', imported, total);
      return { imported, proceduresCreated: procedures.created };
    });
  } catch (err) {
    if (err instanceof MissingReferenceError) {
      throw new ImportAbortedError('A unit, procedure or account the file refers to was removed during the import; nothing was imported. Run it again.',
        'Một đơn vị, thủ tục hoặc tài khoản mà tệp tham chiếu vừa bị xóa trong khi nhập; chưa nhập hồ sơ nào. Hãy chạy lại.');
    }
    if ((err as { code?: string }).code === '23505') {
      throw new ImportAbortedError('A dossier (or procedure) code was stored by another operation during the import; nothing was imported. Run it again.',
        'Một mã hồ sơ (hoặc mã thủ tục) vừa được ghi bởi thao tác khác trong khi nhập; chưa nhập hồ sơ nào. Hãy chạy lại.');
    }
    throw err;
  }
}

/** What the written rows refer to besides each other: locked once for the whole load (see bulkLoad). */
function referencedRows(check: CheckState, procedures: Map<string, CatalogueProcedure>, actor: ImportActor): ReferencedRows[] {
  return [
    { table: 'units', ids: [...check.units, ...(actor.unitId ? [actor.unitId] : [])] },
    { table: 'procedures', ids: [...procedures.values()].map((p) => p.id) },
    { table: 'users', ids: actor.userId ? [actor.userId] : [] },
  ];
}

interface WriteContext {
  procedures: Map<string, CatalogueProcedure>;
  calendars: Map<string, { calendar: WorkingCalendar; ruleVersion: string }>;
  stats: StatSums;
  counters: Map<string, { unitId: string; day: string; last: number }>;
  runId: string;
}

/** Rows built between two looks at the database's answers while a batch is being written. */
const ROWS_BETWEEN_YIELDS = 100;

/**
 * Dossiers, their history event and rating in batches; the statistics and code counters summed in memory. A batch
 * is written while the next one is built: on PostgreSQL the server does the writing, in a process of its own.
 */
async function writeRows(
  trx: Transaction<Schema>, source: LineSource, options: ImportOptions, resolver: UnitResolver, check: CheckState, ctx: WriteContext,
): Promise<number> {
  const { now, actor } = options;
  const total = check.toImport.size;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let batch = emptyBatch();
  let imported = 0;
  let writing: Promise<number> | null = null;
  const send = async (full: Batch) => {
    if (writing) imported += await writing;
    writing = flush(trx, full);
    writing.catch(() => {}); // awaited before the next batch is sent, or at the end
    options.onProgress?.('write', imported, total);
  };
  for await (const { line, record, unit } of accepted(source, now, resolver, check)) {
    const procedure = ctx.procedures.get(record.procedureCode)!;
    const { calendar, ruleVersion } = ctx.calendars.get(unit.id)!;
    const row = dossierRow(record, unit, procedure, calendar, ruleVersion, now);
    const event = eventRow(row, actor, now, ctx.runId, line);
    row.timeline = timelineOf([event]);
    batch.dossiers.push(row);
    batch.events.push(event);
    if (record.rating) {
      batch.ratings.push({
        dossierId: row.id, unitId: unit.id, procedureId: procedure.id, ratedAt: record.returnedAt!, // only returned dossiers carry a rating
        attitude: record.rating.attitude, overall: record.rating.overall,
      });
    }
    addStats(ctx.stats, row, calendar);
    addCounter(ctx.counters, record.code, unit);
    if (batch.dossiers.length >= batchSize) {
      await send(batch);
      batch = emptyBatch();
    } else if (writing && batch.dossiers.length % ROWS_BETWEEN_YIELDS === 0) {
      // Lines kept in memory come without a pause; without one, the batch's next statement would wait for this one.
      await new Promise(setImmediate);
    }
  }
  await send(batch);
  return imported + await writing!;
}

/** Every procedure the lines use: the known ones, and draft stubs created now for the unknown codes. */
async function ensureProcedures(trx: Transaction<Schema>, ctx: AuditContext, now: Date, check: CheckState) {
  const stubs = [...check.stubs].map(([code, s]) => ({ code, name: s.name, field: s.field }));
  const made = await ensureProcedure(trx, ctx, now, stubs);
  const byCode = new Map<string, CatalogueProcedure>();
  let created = 0;
  for (const [code, p] of check.procedures) if (p) byCode.set(code, p);
  for (const s of stubs) {
    const m = made.get(s.code)!;
    if (m.created) created++;
    byCode.set(s.code, { id: m.procedureId, name: s.name, field: s.field });
  }
  return { byCode, created };
}

async function calendarsOf(trx: Transaction<Schema>, unitIds: Set<string>) {
  const out = new Map<string, { calendar: WorkingCalendar; ruleVersion: string }>();
  for (const id of unitIds) {
    const { calendar, ruleSet } = await calendarFor(trx, id);
    out.set(id, { calendar, ruleVersion: ruleSet.version });
  }
  return out;
}

/** Columns left out take their defaults (mostly null): every row has the same keys, the JSON stays small. */
function dossierRow(record: ImportRecord, unit: Unit, procedure: CatalogueProcedure, calendar: WorkingCalendar, ruleVersion: string, now: Date): NewDossier {
  const state = stateOfOutcome[record.outcome];
  const times = timesOf(record);
  return {
    id: randomUUID(), code: record.code, unit_id: unit.id, procedure_id: procedure.id, procedure_code: record.procedureCode,
    procedure_name: record.procedureName ?? procedure.name, field: record.field ?? procedure.field,
    // The previous system's processing time is unknown; the due date it set is kept as it was.
    duration_kind: 'working_days', channel: record.channel, state, national_status: nationalStatus[state], step_trail: [],
    applicant_kind: 'person', applicant_name: record.applicant.fullName, applicant_name_folded: foldVietnamese(record.applicant.fullName),
    applicant_id_number: record.applicant.idNumber, applicant_phone: record.applicant.phone,
    submitted_at: record.receivedAt, received_at: record.receivedAt, clock_start_at: effectiveReceipt(calendar, record.receivedAt),
    due_at: record.dueAt, appointment_at: record.dueAt, finished_at: times.finishedAt, returned_at: times.returnedAt, closed_at: times.closedAt,
    calendar_rule_version: ruleVersion, supplement_rounds: record.supplementRounds, imported: true, created_at: now, updated_at: now,
  };
}

function eventRow(row: NewDossier, actor: ImportActor, now: Date, runId: string, line: number): NewEvent {
  return {
    dossier_id: row.id, at: now, actor_id: actor.userId, actor_name: actor.name, actor_unit_id: actor.unitId, action: 'import',
    to_state: row.state, due_at: row.due_at as Date, data: { runId, line },
  };
}

/** The dossier_stats rows the file adds (day and month rows), summed over the whole file. */
type StatSums = Map<string, StatRow>;

/** What the dossier adds to dossier_stats, summed over the whole file (one upsert per row at the end). */
function addStats(stats: StatSums, row: NewDossier, calendar: WorkingCalendar): void {
  const finished = row.finished_at as Date | null;
  const start = row.clock_start_at as Date;
  const processingMs = finished ? Math.max(0, workingTimeBetween(calendar, start, finished)) : null;
  const view = statViewOf({
    unit_id: row.unit_id, procedure_id: row.procedure_id, channel: row.channel, state: row.state, submitted_at: row.submitted_at,
    received_at: row.received_at as Date, due_at: row.due_at as Date, finished_at: finished, closed_at: row.closed_at as Date | null,
    supplement_rounds: row.supplement_rounds as number,
  }, processingMs);
  for (const d of statDeltas(null, view)) addToStatRows(stats, d);
}

const CODE_FORMAT = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

function addCounter(counters: Map<string, { unitId: string; day: string; last: number }>, code: string, unit: Unit): void {
  const m = CODE_FORMAT.exec(code);
  if (!m || !unit.agencyCode || m[1] !== unit.agencyCode) return;
  const day = `20${m[2]}-${m[3]}-${m[4]}`;
  const key = `${unit.id}|${day}`;
  const last = Number(m[5]);
  const entry = counters.get(key);
  if (!entry) counters.set(key, { unitId: unit.id, day, last });
  else if (last > entry.last) entry.last = last;
}

async function flush(trx: Transaction<Schema>, batch: Batch): Promise<number> {
  await insertDossiers(trx, batch.dossiers);
  await insertEvents(trx, batch.events);
  await insertRatings(trx, batch.ratings);
  return batch.dossiers.length;
}

const STAT_ROWS_PER_STATEMENT = 5000;

/** The file's statistics rows, in statements of a few thousand rows (rows that add nothing are left out). */
async function applyStats(trx: Transaction<Schema>, stats: StatSums): Promise<void> {
  const rows = [...stats.values()].filter((r) => statColumns.some((c) => r[c] !== 0));
  for (let i = 0; i < rows.length; i += STAT_ROWS_PER_STATEMENT) await addStatRows(trx, rows.slice(i, i + STAT_ROWS_PER_STATEMENT));
}
