// SQL of workflow definitions and their versions.

import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { unitInReach, type Reach } from '../../access/reach.ts';
import { foldVietnamese } from '../../platform/text.ts';
import type { WorkflowRow } from './tables.ts';
import type { WorkflowDefinition } from './workflow/types.ts';

export type DefaultWorkflow = 'standard' | 'on_the_spot';

export interface WorkflowVersion {
  id: string;
  workflowId: string;
  workflowName: string;
  number: number;
  status: 'draft' | 'published';
  definition: WorkflowDefinition;
  publishedAt: Date | null;
}

export interface Workflow {
  id: string;
  name: string;
  ownerUnitId: string | null;
  defaultFor: DefaultWorkflow | null;
  version: number;
  /** The newest published version, the one a new dossier pins. */
  currentVersionId: string | null;
  draftVersionId: string | null;
}

const versionColumns = [
  'v.id', 'v.workflow_id', 'w.name', 'v.number', 'v.status', 'v.definition', 'v.published_at',
] as const;

type VersionRow = {
  id: string; workflow_id: string; name: string; number: number; status: 'draft' | 'published';
  definition: unknown; published_at: Date | null;
};

function toVersion(r: VersionRow): WorkflowVersion {
  return {
    id: r.id, workflowId: r.workflow_id, workflowName: r.name, number: r.number, status: r.status,
    definition: r.definition as WorkflowDefinition, publishedAt: r.published_at,
  };
}

/** Exactly the version with this id, whatever has been published since. */
export async function getWorkflowVersion(db: Db, id: string): Promise<WorkflowVersion | null> {
  const row = await db.selectFrom('workflow_versions as v').innerJoin('workflows as w', 'w.id', 'v.workflow_id')
    .select(versionColumns).where('v.id', '=', id).executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** A published workflow version named by its id and publication time (as read in SQL). */
export interface PublishedWorkflowRef {
  id: string;
  publishedAt: string;
}

/** What a dossier pins of a published workflow version. */
export interface PublishedWorkflow {
  id: string;
  workflowId: string;
  definition: WorkflowDefinition;
}

const newestPublishedSql = (where: RawBuilder<boolean>) => sql<PublishedWorkflowRef | null>`(select json_build_object('id', wv.id, 'publishedAt', wv.published_at)
  from workflow_versions wv join workflows wf on wf.id = wv.workflow_id where ${where} and wv.status = 'published' order by wv.number desc limit 1)`;

/** SQL: the newest published version of the workflow in `workflowId`, or null. */
export const currentWorkflowVersionSql = (workflowId: RawBuilder<unknown>) => newestPublishedSql(sql<boolean>`wv.workflow_id = ${workflowId}`);

/** SQL: the newest published version of the default workflow of that kind, or null. */
export const currentDefaultWorkflowVersionSql = (kind: DefaultWorkflow) => newestPublishedSql(sql<boolean>`wf.default_for = ${sql.lit(kind)}`);

// A published version never changes (only drafts are edited), so it is read once. The key holds the publication
// time: a version published in a transaction that rolled back, edited as a draft and published again is read anew.
const publishedWorkflows = new Map<string, PublishedWorkflow>();
const PUBLISHED_WORKFLOWS_KEPT = 500;

export async function publishedWorkflowVersion(db: Db, ref: PublishedWorkflowRef): Promise<PublishedWorkflow> {
  const key = `${ref.id}@${ref.publishedAt}`;
  const kept = publishedWorkflows.get(key);
  if (kept) return kept;
  const version = await getWorkflowVersion(db, ref.id);
  if (!version || version.status !== 'published') throw new Error(`workflow version ${ref.id} is not published`);
  const out = Object.freeze({ id: version.id, workflowId: version.workflowId, definition: version.definition });
  if (publishedWorkflows.size >= PUBLISHED_WORKFLOWS_KEPT) publishedWorkflows.delete(publishedWorkflows.keys().next().value!);
  publishedWorkflows.set(key, out);
  return out;
}

export async function workflowVersions(db: Db, workflowId: string): Promise<WorkflowVersion[]> {
  const rows = await db.selectFrom('workflow_versions as v').innerJoin('workflows as w', 'w.id', 'v.workflow_id')
    .select(versionColumns).where('v.workflow_id', '=', workflowId).orderBy('v.number', 'desc').execute();
  return rows.map(toVersion);
}

const withPointers = (db: Db) => db.selectFrom('workflows as w').selectAll('w').select([
  sql<string | null>`(select id from workflow_versions where workflow_id = w.id and status = 'published' order by number desc limit 1)`.as('current_version_id'),
  sql<string | null>`(select id from workflow_versions where workflow_id = w.id and status = 'draft')`.as('draft_version_id'),
]);

function toWorkflow(r: WorkflowRow & { current_version_id: string | null; draft_version_id: string | null }): Workflow {
  return {
    id: r.id, name: r.name, ownerUnitId: r.owner_unit_id, defaultFor: r.default_for, version: r.version,
    currentVersionId: r.current_version_id, draftVersionId: r.draft_version_id,
  };
}

export async function getWorkflow(db: Db, id: string): Promise<Workflow | null> {
  const row = await withPointers(db).where('w.id', '=', id).executeTakeFirst();
  return row ? toWorkflow(row) : null;
}

export async function lockWorkflow(db: Db, id: string): Promise<Workflow | null> {
  await db.selectFrom('workflows').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return getWorkflow(db, id);
}

/** Shared workflows and those owned by units within `reach`. */
export async function listWorkflows(db: Db, reach: Reach): Promise<Workflow[]> {
  const rows = await withPointers(db)
    .where((eb) => eb.or([eb('w.owner_unit_id', 'is', null), unitInReach('w.owner_unit_id', reach)]))
    .orderBy('w.default_for').orderBy('w.name_folded').orderBy('w.id').execute();
  return rows.map(toWorkflow);
}

export async function defaultWorkflowId(db: Db, kind: DefaultWorkflow): Promise<string> {
  const row = await db.selectFrom('workflows').select('id').where('default_for', '=', kind).executeTakeFirstOrThrow();
  return row.id;
}

/** Newest published version of each workflow. */
export async function currentWorkflowVersions(db: Db, workflowIds: string[]): Promise<Map<string, WorkflowVersion>> {
  if (workflowIds.length === 0) return new Map();
  const rows = await db.selectFrom('workflow_versions as v').innerJoin('workflows as w', 'w.id', 'v.workflow_id')
    .select(versionColumns).where('v.workflow_id', 'in', workflowIds).where('v.status', '=', 'published')
    .orderBy('v.number', 'desc').execute();
  const out = new Map<string, WorkflowVersion>();
  for (const row of rows) if (!out.has(row.workflow_id)) out.set(row.workflow_id, toVersion(row));
  return out;
}

export async function insertWorkflow(db: Db, input: { name: string; ownerUnitId: string | null }, now: Date): Promise<string> {
  const row = await db.insertInto('workflows').values({
    name: input.name, name_folded: foldVietnamese(input.name), owner_unit_id: input.ownerUnitId, default_for: null,
    created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function touchWorkflow(db: Db, id: string, now: Date, name?: string): Promise<void> {
  await db.updateTable('workflows').set({
    version: sql`version + 1`, updated_at: now, ...(name ? { name, name_folded: foldVietnamese(name) } : {}),
  }).where('id', '=', id).execute();
}

export async function saveDraftDefinition(db: Db, workflowId: string, definition: WorkflowDefinition, now: Date): Promise<string> {
  const json = JSON.stringify(definition);
  const draft = await db.updateTable('workflow_versions').set({ definition: json })
    .where('workflow_id', '=', workflowId).where('status', '=', 'draft').returning('id').executeTakeFirst();
  if (draft) return draft.id;
  const max = await db.selectFrom('workflow_versions').select((eb) => eb.fn.max('number').as('n'))
    .where('workflow_id', '=', workflowId).executeTakeFirst();
  const row = await db.insertInto('workflow_versions').values({
    workflow_id: workflowId, number: Number(max?.n ?? 0) + 1, status: 'draft', definition: json, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function publishWorkflowVersion(db: Db, versionId: string, now: Date): Promise<void> {
  await db.updateTable('workflow_versions').set({ status: 'published', published_at: now })
    .where('id', '=', versionId).where('status', '=', 'draft').execute();
}

/** Of the given workflow ids, those that have a published version. */
export async function publishedWorkflowIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('workflow_versions').select('workflow_id').distinct()
    .where('workflow_id', 'in', ids).where('status', '=', 'published').execute();
  return new Set(rows.map((r) => r.workflow_id));
}
