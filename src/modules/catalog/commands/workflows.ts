// Workflow use cases: create (as a draft), change the draft (opening a new version after a publish), publish
// after validation. Published versions never change: dossiers pin them.

import { audit } from '../../../audit/audit.ts';
import { conflict } from '../../../platform/errors.ts';
import {
  getWorkflow,
  getWorkflowVersion,
  insertWorkflow,
  lockWorkflow,
  publishWorkflowVersion,
  saveDraftDefinition,
  touchWorkflow,
  type Workflow,
} from '../repository-workflows.ts';
import type { WorkflowDefinition } from '../workflow/types.ts';
import { validateWorkflow } from '../workflow/validate.ts';
import { assertMayOwn, assertVersion, mayManage, unprocessable, workflowNotFound, type Actor, type Database } from './shared.ts';
import { forbidden } from '../../../platform/errors.ts';
import type { Db } from '../../../access/reach.ts';

export async function createWorkflow(
  db: Database, actor: Actor, now: Date, input: { name: string; ownerUnitId: string | null; definition: WorkflowDefinition },
): Promise<Workflow> {
  return db.transaction().execute(async (trx) => {
    await assertMayOwn(trx, actor, input.ownerUnitId);
    const id = await insertWorkflow(trx, input, now);
    const versionId = await saveDraftDefinition(trx, id, input.definition, now);
    await audit(trx, actor.audit, {
      action: 'workflow.create', subjectType: 'workflow', subjectId: id, unitId: input.ownerUnitId,
      after: { name: input.name, ownerUnitId: input.ownerUnitId, versionId, definition: input.definition },
    });
    return (await getWorkflow(trx, id))!;
  });
}

export async function saveWorkflowDraft(
  db: Database, actor: Actor, now: Date, id: string, version: number, input: { name?: string; definition: WorkflowDefinition },
): Promise<Workflow> {
  return db.transaction().execute(async (trx) => {
    const workflow = await loadForChange(trx, actor, id, version);
    const before = workflow.draftVersionId ? await getWorkflowVersion(trx, workflow.draftVersionId) : null;
    const versionId = await saveDraftDefinition(trx, id, input.definition, now);
    await touchWorkflow(trx, id, now, input.name);
    await audit(trx, actor.audit, {
      action: 'workflow.update', subjectType: 'workflow', subjectId: id, unitId: workflow.ownerUnitId,
      before: before ? { versionId: before.id, definition: before.definition } : null,
      after: { versionId, name: input.name ?? workflow.name, definition: input.definition },
    });
    return (await getWorkflow(trx, id))!;
  });
}

/** Validates and publishes the draft; refuses with every problem listed. */
export async function publishWorkflow(db: Database, actor: Actor, now: Date, id: string, version: number): Promise<Workflow> {
  return db.transaction().execute(async (trx) => {
    const workflow = await loadForChange(trx, actor, id, version);
    if (!workflow.draftVersionId) {
      throw conflict('nothing_to_publish', 'There is no draft to publish.', 'Không có bản nháp để ban hành.');
    }
    const draft = (await getWorkflowVersion(trx, workflow.draftVersionId))!;
    const problems = validateWorkflow(draft.definition);
    if (problems.length > 0) {
      throw unprocessable('workflow_invalid',
        `The workflow cannot be published: ${problems.map((p) => p.message).join('; ')}.`,
        `Chưa thể ban hành quy trình: ${problems.map((p) => p.messageVi).join('; ')}.`,
        problems.map(({ field, message, messageVi }) => ({ field, message, messageVi })));
    }
    await publishWorkflowVersion(trx, draft.id, now);
    await touchWorkflow(trx, id, now);
    await audit(trx, actor.audit, {
      action: 'workflow.publish', subjectType: 'workflow', subjectId: id, unitId: workflow.ownerUnitId,
      before: workflow.currentVersionId ? { versionId: workflow.currentVersionId } : null,
      after: { versionId: draft.id, number: draft.number },
    });
    return (await getWorkflow(trx, id))!;
  });
}

async function loadForChange(trx: Db, actor: Actor, id: string, version: number): Promise<Workflow> {
  const workflow = await lockWorkflow(trx, id);
  if (!workflow) throw workflowNotFound();
  if (!(await mayManage(trx, actor.grants, workflow.ownerUnitId))) {
    if (workflow.ownerUnitId === null) {
      throw forbidden('Only system administrators change shared workflows.', 'Chỉ quản trị hệ thống được sửa quy trình dùng chung.');
    }
    throw workflowNotFound();
  }
  assertVersion(workflow, version);
  return workflow;
}
