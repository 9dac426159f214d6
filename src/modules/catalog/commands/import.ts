// Import of parsed procedures (national catalogue or a province's template), idempotent: a procedure whose
// imported text has the same fingerprint as its current version is left alone; a changed one gets a new version
// (or, when its current version is an unpublished draft, a new draft in its place). One transaction; batches of
// multi-row INSERTs; one audit row per procedure changed.

import { randomUUID } from 'node:crypto';
import { vnDate } from '../../../platform/clock.ts';
import type { Db } from '../../../access/reach.ts';
import type { ImportIssue, ParsedProcedure } from '../domain/index.ts';
import { draftFromParsed, publishProblems, type PublishProblem } from '../model.ts';
import { chunks, closeOpenVersions, insertProcedures, insertVersions, markPublished, type NewVersion } from '../repository.ts';
import { upsertOfferings } from '../repository-offerings.ts';
import { assertMayOfferAt, assertMayOwn, auditMany, mayManage, type Actor, type Database } from './shared.ts';

export interface ImportEntry {
  procedure: ParsedProcedure;
  issues: ImportIssue[];
}

export interface ImportOptions {
  /** Publish what passes the publish checks (effective today); the rest stay drafts and are listed. */
  publish: boolean;
  /** Owner of the procedures created; null for the national catalogue. */
  ownerUnitId: string | null;
  /** Offer every procedure of the file at this unit. */
  offerAt: { unitId: string; includeDescendants: boolean } | null;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportSummary {
  created: number;
  newVersions: number;
  unchanged: number;
  /** Procedures with something a person must review (a time without unit, an unreadable fee, …). */
  flagged: number;
  published: number;
  offeringsAdded: number;
  notPublished: { code: string; problems: PublishProblem[] }[];
  skipped: { code: string; reason: string; reasonVi: string }[];
}

interface Existing {
  id: string;
  ownerUnitId: string | null;
  status: 'draft' | 'published' | 'abolished';
  maxNumber: number;
  draft: { id: string; number: number; fingerprint: string | null } | null;
  published: { id: string; number: number; fingerprint: string | null; effectiveFrom: string } | null;
  caseKeys: string[];
}

const BATCH = 200;

export async function importProcedures(db: Database, actor: Actor, now: Date, entries: ImportEntry[], options: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = {
    created: 0, newVersions: 0, unchanged: 0, flagged: 0, published: 0, offeringsAdded: 0, notPublished: [], skipped: [],
  };
  const today = vnDate(now);
  const unique = dropDuplicates(entries, summary);
  await db.transaction().execute(async (trx) => {
    await assertMayOwn(trx, actor, options.ownerUnitId);
    if (options.offerAt) await assertMayOfferAt(trx, actor, options.offerAt.unitId);
    let done = 0;
    for (const batch of chunks(unique, BATCH)) {
      await importBatch(trx, actor, now, today, batch, options, summary);
      done += batch.length;
      options.onProgress?.(done, unique.length);
    }
    const changed = summary.created + summary.newVersions + summary.published + summary.offeringsAdded > 0;
    // A re-import that changes nothing leaves no trace, like any other no-op.
    if (changed) await auditMany(trx, actor.audit, [{
      action: 'procedure.import', subjectType: 'procedure_import', subjectId: randomUUID(), unitId: options.ownerUnitId,
      after: { total: entries.length, publish: options.publish, offerAt: options.offerAt, ...summary, notPublished: summary.notPublished.length },
    }]);
  });
  return summary;
}

function dropDuplicates(entries: ImportEntry[], summary: ImportSummary): ImportEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const code = e.procedure.code;
    if (!code || !e.procedure.name) {
      summary.skipped.push({ code, reason: 'code or name missing', reasonVi: 'thiếu mã hoặc tên thủ tục' });
      return false;
    }
    if (seen.has(code)) {
      summary.skipped.push({ code, reason: 'the code appears again in the file; the first one was imported', reasonVi: 'mã lặp lại trong tệp; đã nhập lần xuất hiện đầu tiên' });
      return false;
    }
    seen.add(code);
    return true;
  });
}

async function importBatch(
  trx: Db, actor: Actor, now: Date, today: string, batch: ImportEntry[], options: ImportOptions, summary: ImportSummary,
): Promise<void> {
  const existing = await loadExisting(trx, batch.map((e) => e.procedure.code));
  const newProcedures: { id: string; code: string; ownerUnitId: string | null; status: 'draft' }[] = [];
  const versions: NewVersion[] = [];
  const replacedDrafts: string[] = [];
  const toPublish: { versionId: string; procedureId: string; code: string; closesPrevious: boolean }[] = [];
  const audits: Parameters<typeof auditMany>[2] = [];
  const touched = new Set<string>();
  const procedureIds: string[] = [];

  for (const { procedure: parsed, issues } of batch) {
    const found = existing.get(parsed.code);
    if (found && !(await mayManage(trx, actor.grants, found.ownerUnitId))) {
      summary.skipped.push({ code: parsed.code, reason: 'the procedure belongs to another unit or to the national catalogue', reasonVi: 'thủ tục thuộc đơn vị khác hoặc thuộc danh mục quốc gia' });
      continue;
    }
    if (found?.status === 'abolished') {
      summary.skipped.push({ code: parsed.code, reason: 'the procedure has been abolished', reasonVi: 'thủ tục đã bị bãi bỏ' });
      continue;
    }
    const procedureId = found?.id ?? randomUUID();
    procedureIds.push(procedureId);
    const draft = draftFromParsed(parsed, () => randomUUID());
    // Cases keep their keys across versions, so a case chosen in one version is found in the next.
    draft.cases.forEach((c, i) => { c.key = found?.caseKeys[i] ?? c.key; });
    if (issues.some((i) => i.severity === 'review') || draft.cases.some((c) => c.needsReview)) summary.flagged++;

    const current = found?.draft ?? found?.published ?? null;
    let versionId: string;
    if (found && current && current.fingerprint === draft.sourceFingerprint) {
      summary.unchanged++;
      // Unchanged text: nothing to write, unless a draft left by an earlier import is now to be published.
      if (!options.publish || !found.draft) continue;
      versionId = found.draft.id;
    } else {
      versionId = randomUUID();
      const number = found?.draft?.number ?? (found ? found.maxNumber + 1 : 1);
      if (found?.draft) replacedDrafts.push(found.draft.id);
      if (!found) {
        newProcedures.push({ id: procedureId, code: parsed.code, ownerUnitId: options.ownerUnitId, status: 'draft' });
        summary.created++;
      } else summary.newVersions++;
      versions.push({ id: versionId, procedureId, number, status: 'draft', effectiveFrom: null, publishedAt: null, draft });
      touched.add(procedureId);
      audits.push({
        action: found ? 'procedure.import.version' : 'procedure.import.create', subjectType: 'procedure', subjectId: procedureId,
        unitId: found?.ownerUnitId ?? options.ownerUnitId,
        before: current ? { versionId: current.id, number: current.number, fingerprint: current.fingerprint } : undefined,
        after: { code: parsed.code, versionId, number, fingerprint: draft.sourceFingerprint, name: parsed.name },
      });
    }
    if (!options.publish) continue;
    const problems = publishProblems(draft, new Set());
    if (found?.published && found.published.effectiveFrom >= today) {
      problems.push({ field: 'effectiveFrom', message: `version ${found.published.number} already takes effect on ${found.published.effectiveFrom}`,
        messageVi: `phiên bản ${found.published.number} đã có hiệu lực từ ngày ${found.published.effectiveFrom}` });
    }
    if (problems.length > 0) summary.notPublished.push({ code: parsed.code, problems });
    else toPublish.push({ versionId, procedureId, code: parsed.code, closesPrevious: !!found?.published });
  }

  if (replacedDrafts.length > 0) await trx.deleteFrom('procedure_versions').where('id', 'in', replacedDrafts).execute();
  await insertProcedures(trx, newProcedures, now);
  await insertVersions(trx, versions, now);
  if (toPublish.length > 0) {
    await closeOpenVersions(trx, toPublish.filter((p) => p.closesPrevious).map((p) => p.procedureId), today, now);
    await markPublished(trx, toPublish.map((p) => p.versionId), today, now);
    await trx.updateTable('procedures').set({ status: 'published' }).where('id', 'in', toPublish.map((p) => p.procedureId)).execute();
    summary.published += toPublish.length;
    for (const p of toPublish) {
      touched.add(p.procedureId);
      audits.push({ action: 'procedure.publish', subjectType: 'procedure', subjectId: p.procedureId, after: { code: p.code, versionId: p.versionId, effectiveFrom: today } });
    }
  }
  if (touched.size > 0) {
    await trx.updateTable('procedures').set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('id', 'in', [...touched]).execute();
  }
  if (options.offerAt) {
    const offerAt = options.offerAt;
    const added = await upsertOfferings(trx, procedureIds.map((procedureId) => ({
      procedureId, unitId: offerAt.unitId, includeDescendants: offerAt.includeDescendants, regardlessOfBoundary: false,
    })), now, false);
    summary.offeringsAdded += added;
    if (added > 0) {
      audits.push({ action: 'procedure.offering.import', subjectType: 'unit', subjectId: offerAt.unitId, unitId: offerAt.unitId, after: { added, includeDescendants: offerAt.includeDescendants } });
    }
  }
  await auditMany(trx, actor.audit, audits);
}

async function loadExisting(trx: Db, codes: string[]): Promise<Map<string, Existing>> {
  const procedures = await trx.selectFrom('procedures').select(['id', 'code', 'owner_unit_id', 'status'])
    .where('code', 'in', codes).execute();
  const out = new Map<string, Existing>();
  if (procedures.length === 0) return out;
  const versions = await trx.selectFrom('procedure_versions')
    .select(['id', 'procedure_id', 'number', 'status', 'source_fingerprint', 'effective_from'])
    .where('procedure_id', 'in', procedures.map((p) => p.id)).orderBy('number').execute();
  const byProcedure = new Map(procedures.map((p) => [p.id, {
    id: p.id, ownerUnitId: p.owner_unit_id, status: p.status, maxNumber: 0, draft: null, published: null, caseKeys: [],
  } as Existing]));
  for (const v of versions) {
    const e = byProcedure.get(v.procedure_id)!;
    e.maxNumber = Math.max(e.maxNumber, v.number);
    if (v.status === 'draft') e.draft = { id: v.id, number: v.number, fingerprint: v.source_fingerprint };
    else e.published = { id: v.id, number: v.number, fingerprint: v.source_fingerprint, effectiveFrom: v.effective_from! };
  }
  const currentIds = [...byProcedure.values()].map((e) => (e.draft ?? e.published)?.id).filter((id): id is string => !!id);
  const cases = currentIds.length === 0 ? [] : await trx.selectFrom('procedure_cases').select(['version_id', 'key'])
    .where('version_id', 'in', currentIds).orderBy('position').execute();
  const keysByVersion = new Map<string, string[]>();
  for (const c of cases) keysByVersion.set(c.version_id, [...(keysByVersion.get(c.version_id) ?? []), c.key]);
  for (const p of procedures) {
    const e = byProcedure.get(p.id)!;
    e.caseKeys = keysByVersion.get((e.draft ?? e.published)?.id ?? '') ?? [];
    out.set(p.code, e);
  }
  return out;
}
