// Read side for the API: a procedure version with its cases, their workflows and where to submit.

import type { Db } from '../../access/reach.ts';
import type { RoleGrant } from '../../access/roles.ts';
import { formatProcessingTime, type ProcessingTime } from './domain/index.ts';
import type { DocumentInput, FeeInput, ProcedureContent } from './model.ts';
import { draftVersion, loadVersion, versionInForce, type VersionView } from './repository.ts';
import { listOfferings, type Offering } from './repository-offerings.ts';
import { currentWorkflowVersions, defaultWorkflowId, type WorkflowVersion } from './repository-workflows.ts';
import type { ProcedureRow } from './tables.ts';
import { mayManage } from './commands/shared.ts';

export interface CaseDetail {
  id: string;
  key: string;
  name: string | null;
  processingTime: (ProcessingTime & { label: string }) | null;
  processingText: string | null;
  processingRule: string | null;
  needsReview: boolean;
  /** The workflow a dossier received now would follow (the case's own, or the default one). */
  workflow: { id: string; name: string; versionId: string; versionNumber: number; isDefault: boolean; steps: WorkflowVersion['definition']['steps'] } | null;
  documents: DocumentInput[];
  fees: (FeeInput & { free: boolean })[];
}

export interface ProcedureDetail extends ProcedureContent {
  id: string;
  code: string;
  ownerUnitId: string | null;
  status: ProcedureRow['status'];
  abolishedOn: string | null;
  abolishDecisionNumber: string | null;
  /** Send it back with any change; a stale value gets 409. */
  version: number;
  versionId: string;
  versionNumber: number;
  versionStatus: 'draft' | 'published';
  effectiveFrom: string | null;
  effectiveTo: string | null;
  publishedAt: Date | null;
  level: string | null;
  cases: CaseDetail[];
  whereToSubmit: Offering[];
  hasDraft: boolean;
  /** What the caller may do, so that screens hide what the server would refuse. */
  abilities: { manage: boolean };
}

export interface Viewer {
  grants: readonly RoleGrant[];
}

export async function viewerMayManage(db: Db, viewer: Viewer | null, procedure: ProcedureRow): Promise<boolean> {
  if (!viewer || viewer.grants.length === 0) return false;
  return mayManage(db, viewer.grants, procedure.owner_unit_id);
}

/**
 * The version a reader sees: the one in force at `at`; for those who manage the procedure, the draft when
 * nothing is in force (a new procedure, or before the first version takes effect).
 */
export async function visibleVersionId(db: Db, procedure: ProcedureRow, at: string, manager: boolean): Promise<string | null> {
  const inForce = await versionInForce(db, procedure.id, at);
  if (inForce || !manager) return inForce;
  const draft = await draftVersion(db, procedure.id);
  if (draft) return draft.id;
  const latest = await db.selectFrom('procedure_versions').select('id').where('procedure_id', '=', procedure.id)
    .orderBy('number', 'desc').limit(1).executeTakeFirst();
  return latest?.id ?? null;
}

export async function procedureDetail(db: Db, procedure: ProcedureRow, versionId: string, manager: boolean): Promise<ProcedureDetail> {
  const view = (await loadVersion(db, versionId))!;
  const cases = await caseDetails(db, view);
  return {
    ...view.content,
    id: procedure.id,
    code: procedure.code,
    ownerUnitId: procedure.owner_unit_id,
    status: procedure.status,
    abolishedOn: procedure.abolished_on,
    abolishDecisionNumber: procedure.abolish_decision_number,
    version: procedure.version,
    versionId: view.id,
    versionNumber: view.number,
    versionStatus: view.status,
    effectiveFrom: view.effectiveFrom,
    effectiveTo: view.effectiveTo,
    publishedAt: view.publishedAt,
    level: view.content.levelText,
    cases,
    whereToSubmit: await listOfferings(db, procedure.id),
    hasDraft: (await draftVersion(db, procedure.id)) !== null,
    abilities: { manage: manager },
  };
}

async function caseDetails(db: Db, view: VersionView): Promise<CaseDetail[]> {
  const fallback = await defaultWorkflowId(db, view.content.onTheSpot ? 'on_the_spot' : 'standard');
  const ids = [...new Set(view.cases.map((c) => c.workflowId ?? fallback))];
  const workflows = await currentWorkflowVersions(db, ids);
  return view.cases.map((c) => {
    const workflow = workflows.get(c.workflowId ?? fallback);
    return {
      id: c.id,
      key: c.key,
      name: c.name,
      processingTime: c.processingTime ? { ...c.processingTime, label: formatProcessingTime(c.processingTime) } : null,
      processingText: c.processingText,
      processingRule: c.processingRule,
      needsReview: c.needsReview,
      workflow: workflow ? {
        id: workflow.workflowId, name: workflow.workflowName, versionId: workflow.id, versionNumber: workflow.number,
        isDefault: c.workflowId === null, steps: workflow.definition.steps,
      } : null,
      documents: c.documents,
      fees: c.fees.map((f) => ({ ...f, free: f.status === 'free' })),
    };
  });
}
