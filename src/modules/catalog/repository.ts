// SQL of the catalogue's procedures: loading and writing versions with their cases, documents and fees.
// Writes are batched multi-row INSERTs so that an import of thousands of procedures stays a few statements.

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { foldVietnamese } from '../../platform/text.ts';
import type { ChannelOption, CopyType, FeeStatus, LegalDocumentRef, OnlineLevel, ProcedureLevel, ProcedureResult, Channel, DurationKind } from './domain/index.ts';
import { searchBody, type SourceTexts, type CaseInput, type DocumentInput, type FeeInput, type ProcedureContent, type ProcedureDraft, type VersionStatus } from './model.ts';
import type { ProcedureRow, ProcedureVersionRow } from './tables.ts';

export interface CaseView extends CaseInput {
  id: string;
  position: number;
}

export interface VersionView {
  id: string;
  procedureId: string;
  number: number;
  status: VersionStatus;
  content: ProcedureContent;
  cases: CaseView[];
  effectiveFrom: string | null;
  effectiveTo: string | null;
  publishedAt: Date | null;
  sourceFingerprint: string | null;
  source: SourceTexts | null;
  updatedAt: Date;
}

// ---------------------------------------------------------------------------------------------------------------
// Procedures

export async function getProcedureByCode(db: Db, code: string): Promise<ProcedureRow | null> {
  return (await db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst()) ?? null;
}

export async function getProcedureById(db: Db, id: string): Promise<ProcedureRow | null> {
  return (await db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function lockProcedure(db: Db, id: string): Promise<ProcedureRow | null> {
  return (await db.selectFrom('procedures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

export async function touchProcedure(db: Db, id: string, now: Date, changes: {
  status?: ProcedureRow['status']; abolishedOn?: string | null; abolishDecisionNumber?: string | null; ownerUnitId?: string | null;
} = {}): Promise<void> {
  await db.updateTable('procedures').set({
    version: sql`version + 1`,
    updated_at: now,
    ...(changes.status ? { status: changes.status } : {}),
    ...(changes.abolishedOn !== undefined ? { abolished_on: changes.abolishedOn } : {}),
    ...(changes.abolishDecisionNumber !== undefined ? { abolish_decision_number: changes.abolishDecisionNumber } : {}),
    ...(changes.ownerUnitId !== undefined ? { owner_unit_id: changes.ownerUnitId } : {}),
  }).where('id', '=', id).execute();
}

export interface NewProcedure {
  id: string;
  code: string;
  ownerUnitId: string | null;
  status: ProcedureRow['status'];
}

export async function insertProcedures(db: Db, procedures: NewProcedure[], now: Date): Promise<void> {
  for (const batch of chunks(procedures, 1000)) {
    await db.insertInto('procedures').values(batch.map((p) => ({
      id: p.id, code: p.code, owner_unit_id: p.ownerUnitId, status: p.status, created_at: now, updated_at: now,
    }))).execute();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Finding versions

/** The published version in force on `date` ('YYYY-MM-DD'), if any. */
export async function versionInForce(db: Db, procedureId: string, date: string): Promise<string | null> {
  const row = await db.selectFrom('procedure_versions').select('id')
    .where('procedure_id', '=', procedureId).where('status', '=', 'published')
    .where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', date)]))
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function draftVersion(db: Db, procedureId: string): Promise<{ id: string; number: number } | null> {
  const row = await db.selectFrom('procedure_versions').select(['id', 'number'])
    .where('procedure_id', '=', procedureId).where('status', '=', 'draft').executeTakeFirst();
  return row ?? null;
}

/** The published version with the highest number (in force now or scheduled), if any. */
export async function latestPublished(db: Db, procedureId: string): Promise<ProcedureVersionRow | null> {
  const row = await db.selectFrom('procedure_versions').selectAll()
    .where('procedure_id', '=', procedureId).where('status', '=', 'published')
    .orderBy('number', 'desc').limit(1).executeTakeFirst();
  return row ?? null;
}

export interface VersionSummary {
  id: string;
  number: number;
  status: VersionStatus;
  name: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  decisionNumber: string | null;
  publishedAt: Date | null;
}

export async function versionHistory(db: Db, procedureId: string): Promise<VersionSummary[]> {
  const rows = await db.selectFrom('procedure_versions')
    .select(['id', 'number', 'status', 'name', 'effective_from', 'effective_to', 'decision_number', 'published_at'])
    .where('procedure_id', '=', procedureId).orderBy('number', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, number: r.number, status: r.status, name: r.name, effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to, decisionNumber: r.decision_number, publishedAt: r.published_at,
  }));
}

export async function versionIdByNumber(db: Db, procedureId: string, number: number): Promise<string | null> {
  const row = await db.selectFrom('procedure_versions').select('id')
    .where('procedure_id', '=', procedureId).where('number', '=', number).executeTakeFirst();
  return row?.id ?? null;
}

export async function maxVersionNumber(db: Db, procedureId: string): Promise<number> {
  const row = await db.selectFrom('procedure_versions').select((eb) => eb.fn.max('number').as('n'))
    .where('procedure_id', '=', procedureId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading whole versions

export async function loadVersion(db: Db, versionId: string): Promise<VersionView | null> {
  return (await loadVersions(db, [versionId])).get(versionId) ?? null;
}

// A published version's cases, documents and fees never change (drafts are edited in place, then published
// as they are), so they are kept once read: intake asks for them on every dossier. The key includes the row's
// updated_at, so a draft published, rolled back, edited and published again is read afresh.
const publishedCases = new Map<string, VersionView['cases']>();
const PUBLISHED_CASES_KEPT = 2000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const casesKey = (row: { id: string; updated_at: Date }) => `${row.id}@${row.updated_at.getTime()}`;

// The whole view of a published version, for intake (which names the version and its updated_at it read).
const publishedViews = new Map<string, VersionView>();

/** The published version `id` as it was at `updatedAt`, read once and kept; null when it is not (or no longer) that. */
export async function loadPublishedVersion(db: Db, id: string, updatedAt: Date): Promise<VersionView | null> {
  const key = casesKey({ id, updated_at: updatedAt });
  const kept = publishedViews.get(key);
  if (kept) return kept;
  const view = await loadVersion(db, id);
  if (!view || view.status !== 'published' || view.updatedAt.getTime() !== updatedAt.getTime()) return view;
  if (publishedViews.size >= PUBLISHED_CASES_KEPT) publishedViews.delete(publishedViews.keys().next().value!);
  publishedViews.set(key, deepFreeze(view));
  return view;
}

/** Loads versions with their cases, documents and fees: one query, and three more for what is not kept. */
export async function loadVersions(db: Db, versionIds: string[]): Promise<Map<string, VersionView>> {
  const out = new Map<string, VersionView>();
  if (versionIds.length === 0) return out;
  const rows = await db.selectFrom('procedure_versions').selectAll().where('id', 'in', versionIds).execute();
  const kept = (row: ProcedureVersionRow) => (row.status === 'published' ? publishedCases.get(casesKey(row)) : undefined);
  const toRead = rows.filter((r) => !kept(r)).map((r) => r.id);
  const read = await loadCases(db, toRead);
  for (const row of rows) {
    let cases = kept(row);
    if (!cases) {
      cases = read.get(row.id) ?? [];
      if (row.status === 'published') {
        if (publishedCases.size >= PUBLISHED_CASES_KEPT) publishedCases.delete(publishedCases.keys().next().value!);
        publishedCases.set(casesKey(row), deepFreeze(cases));
      }
    }
    out.set(row.id, {
      id: row.id,
      procedureId: row.procedure_id,
      number: row.number,
      status: row.status,
      content: contentOf(row),
      cases,
      effectiveFrom: row.effective_from,
      effectiveTo: row.effective_to,
      publishedAt: row.published_at,
      sourceFingerprint: row.source_fingerprint,
      source: (row.source ?? null) as SourceTexts | null,
      updatedAt: row.updated_at,
    });
  }
  return out;
}

async function loadCases(db: Db, versionIds: string[]): Promise<Map<string, VersionView['cases']>> {
  const out = new Map<string, VersionView['cases']>();
  if (versionIds.length === 0) return out;
  const cases = await db.selectFrom('procedure_cases').selectAll().where('version_id', 'in', versionIds)
    .orderBy('position').execute();
  const caseIds = cases.map((c) => c.id);
  const documents = caseIds.length === 0 ? [] : await db.selectFrom('procedure_documents').selectAll()
    .where('case_id', 'in', caseIds).orderBy('position').execute();
  const fees = caseIds.length === 0 ? [] : await db.selectFrom('procedure_fees').selectAll()
    .where('case_id', 'in', caseIds).orderBy('position').execute();
  const docsByCase = groupBy(documents, (d) => d.case_id);
  const feesByCase = groupBy(fees, (f) => f.case_id);
  const casesByVersion = groupBy(cases, (c) => c.version_id);
  for (const versionId of versionIds) {
    const cases = casesByVersion.get(versionId) ?? [];
    out.set(versionId, cases.map((c) => ({
      id: c.id,
      key: c.key,
      position: c.position,
      name: c.name,
      processingTime: c.processing_kind === null ? null
        : { amount: Number(c.processing_amount), kind: c.processing_kind as DurationKind },
      processingText: c.processing_text,
      processingRule: c.processing_rule,
      needsReview: c.needs_review,
      workflowId: c.workflow_id,
      documents: (docsByCase.get(c.id) ?? []).map((d): DocumentInput => ({
        name: d.name, copyType: d.copy_type as CopyType | null, count: d.count, originalCount: d.original_count,
        copyCount: d.copy_count, certifiedCopy: d.certified_copy, required: d.required, conditional: d.conditional,
        presentOnly: d.present_only, group: d.group_name, formFile: d.form_file, quantityText: d.quantity_text,
        sourceText: d.source_text,
      })),
      fees: (feesByCase.get(c.id) ?? []).map((f): FeeInput => ({
        name: f.name, status: f.status as FeeStatus, amountVnd: f.amount_vnd, per: f.per,
        onlineDiscountPercent: f.online_discount_percent, foreignAmount: f.foreign_amount,
        suggestedAmountVnd: f.suggested_amount_vnd, note: f.note, feeText: f.fee_text,
      })),
    })));
  }
  return out;
}

function contentOf(row: ProcedureVersionRow): ProcedureContent {
  return {
    name: row.name,
    field: row.field,
    levels: row.levels as ProcedureLevel[],
    levelText: row.level_text,
    procedureType: row.procedure_type,
    implementingBody: row.implementing_body,
    competentAuthority: row.competent_authority,
    legalBasis: row.legal_basis as LegalDocumentRef[],
    results: row.results as ProcedureResult[],
    subjects: row.subjects,
    conditions: row.conditions,
    steps: row.steps,
    receivingAddress: row.receiving_address,
    channels: row.channels as Channel[],
    channelOptions: row.channel_options as ChannelOption[],
    onlineLevel: row.online_level as OnlineLevel,
    onlineLevelReason: row.online_level_reason,
    onTheSpot: row.on_the_spot,
    decisionNumber: row.decision_number,
    sourceUrl: row.source_url,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing versions

export interface NewVersion {
  id: string;
  procedureId: string;
  number: number;
  status: VersionStatus;
  effectiveFrom: string | null;
  publishedAt: Date | null;
  draft: ProcedureDraft;
}

function contentColumns(draft: ProcedureDraft) {
  const c = draft.content;
  return {
    name: c.name,
    name_folded: foldVietnamese(c.name),
    field: c.field,
    field_folded: c.field === null ? null : foldVietnamese(c.field),
    levels: JSON.stringify(c.levels),
    level_text: c.levelText,
    procedure_type: c.procedureType,
    implementing_body: c.implementingBody,
    competent_authority: c.competentAuthority,
    legal_basis: JSON.stringify(c.legalBasis),
    results: JSON.stringify(c.results),
    subjects: JSON.stringify(c.subjects),
    conditions: c.conditions,
    steps: c.steps,
    receiving_address: c.receivingAddress,
    channels: JSON.stringify(c.channels),
    channel_options: JSON.stringify(c.channelOptions),
    online_level: c.onlineLevel,
    online_level_reason: c.onlineLevelReason,
    on_the_spot: c.onTheSpot,
    decision_number: c.decisionNumber,
    body_folded: foldVietnamese(searchBody(c, draft.cases)),
    source_url: c.sourceUrl,
    source_fingerprint: draft.sourceFingerprint,
    source: draft.source === null ? null : JSON.stringify(draft.source),
  };
}

/** Inserts versions with their cases, documents and fees. */
export async function insertVersions(db: Db, versions: NewVersion[], now: Date): Promise<void> {
  for (const batch of chunks(versions, 200)) {
    await db.insertInto('procedure_versions').values(batch.map((v) => ({
      id: v.id, procedure_id: v.procedureId, number: v.number, status: v.status, effective_from: v.effectiveFrom,
      published_at: v.publishedAt, created_at: now, updated_at: now, ...contentColumns(v.draft),
    }))).execute();
  }
  await insertCases(db, versions.flatMap((v) => v.draft.cases.map((c, position) => ({ versionId: v.id, position, c }))));
}

/** Replaces a draft's content and cases (the draft is edited in place until it is published). */
export async function rewriteDraft(db: Db, versionId: string, draft: ProcedureDraft, now: Date): Promise<void> {
  await db.updateTable('procedure_versions').set({ ...contentColumns(draft), updated_at: now })
    .where('id', '=', versionId).where('status', '=', 'draft').execute();
  await db.deleteFrom('procedure_cases').where('version_id', '=', versionId).execute();
  await insertCases(db, draft.cases.map((c, position) => ({ versionId, position, c })));
}

async function insertCases(db: Db, items: { versionId: string; position: number; c: CaseInput & { id?: string } }[]): Promise<void> {
  const rows = items.map(({ versionId, position, c }) => ({ id: c.id ?? randomUUID(), versionId, position, c }));
  for (const batch of chunks(rows, 1000)) {
    await db.insertInto('procedure_cases').values(batch.map(({ id, versionId, position, c }) => ({
      id, version_id: versionId, key: c.key, position, name: c.name,
      processing_amount: c.processingTime?.amount ?? null, processing_kind: c.processingTime?.kind ?? null,
      processing_text: c.processingText, processing_rule: c.processingRule, needs_review: c.needsReview,
      workflow_id: c.workflowId,
    }))).execute();
  }
  const documents = rows.flatMap(({ id, c }) => c.documents.map((d, position) => ({
    case_id: id, position, name: d.name, copy_type: d.copyType, count: d.count, original_count: d.originalCount,
    copy_count: d.copyCount, certified_copy: d.certifiedCopy, required: d.required, conditional: d.conditional,
    present_only: d.presentOnly, group_name: d.group, form_file: d.formFile, quantity_text: d.quantityText,
    source_text: d.sourceText,
  })));
  for (const batch of chunks(documents, 1000)) await db.insertInto('procedure_documents').values(batch).execute();
  const fees = rows.flatMap(({ id, c }) => c.fees.map((f, position) => ({
    case_id: id, position, name: f.name, status: f.status, amount_vnd: f.amountVnd, per: f.per,
    online_discount_percent: f.onlineDiscountPercent,
    foreign_amount: f.foreignAmount === null ? null : JSON.stringify(f.foreignAmount),
    suggested_amount_vnd: f.suggestedAmountVnd, note: f.note, fee_text: f.feeText,
  })));
  for (const batch of chunks(fees, 1000)) await db.insertInto('procedure_fees').values(batch).execute();
}

export async function markPublished(db: Db, versionIds: string[], effectiveFrom: string, now: Date): Promise<void> {
  if (versionIds.length === 0) return;
  await db.updateTable('procedure_versions')
    .set({ status: 'published', effective_from: effectiveFrom, published_at: now, updated_at: now })
    .where('id', 'in', versionIds).execute();
}

/** Ends the open-ended published versions of these procedures on `date` (exclusive). */
export async function closeOpenVersions(db: Db, procedureIds: string[], date: string, now: Date): Promise<void> {
  if (procedureIds.length === 0) return;
  await db.updateTable('procedure_versions').set({ effective_to: date, updated_at: now })
    .where('procedure_id', 'in', procedureIds).where('status', '=', 'published').where('effective_to', 'is', null)
    .execute();
}

export async function setDecisionNumber(db: Db, versionId: string, decisionNumber: string): Promise<void> {
  await db.updateTable('procedure_versions').set({ decision_number: decisionNumber }).where('id', '=', versionId).execute();
}

export async function deleteDraft(db: Db, procedureId: string): Promise<void> {
  await db.deleteFrom('procedure_versions').where('procedure_id', '=', procedureId).where('status', '=', 'draft').execute();
}

// ---------------------------------------------------------------------------------------------------------------

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
