// Procedure use cases: create a draft, edit it (a change to a published procedure opens a new version), publish,
// amend, abolish, discard a draft. Each runs in one transaction: lock the procedure, authorise, check the version
// the client read, write, audit.

import { randomUUID } from 'node:crypto';
import { audit } from '../../../audit/audit.ts';
import { vnDate } from '../../../platform/clock.ts';
import { badRequest, conflict, type FieldError } from '../../../platform/errors.ts';
import type { Db } from '../../../access/reach.ts';
import {
  processingTimeProblem,
  publishProblems,
  type CaseInput,
  type ProcedureContent,
  type ProcedureDraft,
} from '../model.ts';
import {
  closeOpenVersions,
  deleteDraft,
  draftVersion,
  getProcedureByCode,
  insertProcedures,
  insertVersions,
  latestPublished,
  loadVersion,
  lockProcedure,
  markPublished,
  maxVersionNumber,
  rewriteDraft,
  setDecisionNumber,
  touchProcedure,
  type VersionView,
} from '../repository.ts';
import { publishedWorkflowIds } from '../repository-workflows.ts';
import type { ProcedureRow } from '../tables.ts';
import {
  assertMayManageProcedure,
  assertMayOwn,
  assertNotAbolished,
  assertVersion,
  procedureNotFound,
  unprocessable,
  type Actor,
  type Database,
} from './shared.ts';

export interface ProcedureRef {
  procedureId: string;
  code: string;
  versionId: string;
}

type StoredCase = CaseInput & { id?: string };

export interface NewProcedureInput {
  code: string;
  ownerUnitId: string | null;
  content: ProcedureContent;
  cases: Omit<CaseInput, 'key'>[];
}

export async function createProcedure(db: Database, actor: Actor, now: Date, input: NewProcedureInput): Promise<ProcedureRef> {
  return db.transaction().execute(async (trx) => {
    await assertMayOwn(trx, actor, input.ownerUnitId);
    if (await getProcedureByCode(trx, input.code)) {
      throw conflict('code_taken', `A procedure with code ${input.code} already exists.`, `Đã có thủ tục mã ${input.code}.`);
    }
    const draft: ProcedureDraft = {
      content: input.content,
      cases: input.cases.map((c) => ({ ...c, key: randomUUID() })),
      sourceFingerprint: null,
      source: null,
    };
    await assertValidDraft(trx, draft);
    const procedureId = randomUUID();
    const versionId = randomUUID();
    await insertProcedures(trx, [{ id: procedureId, code: input.code, ownerUnitId: input.ownerUnitId, status: 'draft' }], now);
    await insertVersions(trx, [{ id: versionId, procedureId, number: 1, status: 'draft', effectiveFrom: null, publishedAt: null, draft }], now);
    await audit(trx, actor.audit, {
      action: 'procedure.create', subjectType: 'procedure', subjectId: procedureId, unitId: input.ownerUnitId,
      after: { code: input.code, ownerUnitId: input.ownerUnitId, ...auditable(draft) },
    });
    return { procedureId, code: input.code, versionId };
  });
}

/**
 * Applies `edit` to the procedure's draft. Without a draft, the draft is opened as a new version copied from the
 * latest published one (the published versions stay as they were: history is kept).
 */
export async function editDraft(
  db: Database, actor: Actor, now: Date, code: string, version: number, action: string,
  edit: (draft: ProcedureDraft & { cases: StoredCase[] }) => ProcedureDraft,
): Promise<ProcedureRef> {
  return db.transaction().execute(async (trx) => {
    const procedure = await loadForChange(trx, actor, code, version);
    assertNotAbolished(procedure);
    const existing = await draftVersion(trx, procedure.id);
    const base = existing ? await loadVersion(trx, existing.id) : await latestPublishedView(trx, procedure.id);
    if (!base) throw procedureNotFound();
    const before = draftOf(base, existing !== null);
    const after = edit(structuredClone(before));
    await assertValidDraft(trx, after);
    let versionId: string;
    if (existing) {
      versionId = existing.id;
      await rewriteDraft(trx, versionId, after, now);
    } else {
      versionId = randomUUID();
      const number = (await maxVersionNumber(trx, procedure.id)) + 1;
      await insertVersions(trx, [{ id: versionId, procedureId: procedure.id, number, status: 'draft', effectiveFrom: null, publishedAt: null, draft: after }], now);
    }
    await touchProcedure(trx, procedure.id, now);
    await audit(trx, actor.audit, {
      action, subjectType: 'procedure', subjectId: procedure.id, unitId: procedure.owner_unit_id,
      before: auditable(before), after: { versionId, newVersion: !existing, ...auditable(after) },
    });
    return { procedureId: procedure.id, code: procedure.code, versionId };
  });
}

/** Opens a new draft version copied from the latest published one, without changing anything yet. */
export async function amendProcedure(db: Database, actor: Actor, now: Date, code: string, version: number): Promise<ProcedureRef> {
  return db.transaction().execute(async (trx) => {
    const procedure = await loadForChange(trx, actor, code, version);
    assertNotAbolished(procedure);
    if (await draftVersion(trx, procedure.id)) {
      throw conflict('draft_exists', 'This procedure already has a draft version; edit or publish it.',
        'Thủ tục đã có bản nháp; hãy sửa hoặc ban hành bản nháp đó.');
    }
    const published = await latestPublishedView(trx, procedure.id);
    if (!published) throw procedureNotFound();
    const versionId = randomUUID();
    const number = (await maxVersionNumber(trx, procedure.id)) + 1;
    await insertVersions(trx, [{
      id: versionId, procedureId: procedure.id, number, status: 'draft', effectiveFrom: null, publishedAt: null,
      draft: draftOf(published, false),
    }], now);
    await touchProcedure(trx, procedure.id, now);
    await audit(trx, actor.audit, {
      action: 'procedure.amend', subjectType: 'procedure', subjectId: procedure.id, unitId: procedure.owner_unit_id,
      after: { versionId, number, from: published.id },
    });
    return { procedureId: procedure.id, code: procedure.code, versionId };
  });
}

export interface PublishInput {
  /** 'YYYY-MM-DD'; default: today in Vietnam. */
  effectiveFrom?: string;
  decisionNumber?: string;
}

/** Publishes the draft after checking it; the version in force so far ends the day the new one starts. */
export async function publishProcedure(db: Database, actor: Actor, now: Date, code: string, version: number, input: PublishInput = {}): Promise<ProcedureRef> {
  return db.transaction().execute(async (trx) => {
    const procedure = await loadForChange(trx, actor, code, version);
    assertNotAbolished(procedure);
    const draft = await draftVersion(trx, procedure.id);
    if (!draft) {
      throw conflict('nothing_to_publish', 'There is no draft to publish; amend the procedure first.',
        'Không có bản nháp để ban hành; hãy tạo bản sửa đổi trước.');
    }
    const view = (await loadVersion(trx, draft.id))!;
    const effectiveFrom = input.effectiveFrom ?? vnDate(now);
    const problems = await problemsBeforePublish(trx, view);
    const previous = await latestPublished(trx, procedure.id);
    if (previous?.effective_from && previous.effective_from >= effectiveFrom) {
      problems.push({
        field: 'effectiveFrom',
        message: `the new version must take effect after ${previous.effective_from}, when version ${previous.number} took effect`,
        messageVi: `phiên bản mới phải có hiệu lực sau ngày ${previous.effective_from} (ngày hiệu lực của phiên bản ${previous.number})`,
      });
    }
    if (problems.length > 0) throw notPublishable(code, problems);
    if (input.decisionNumber) await setDecisionNumber(trx, draft.id, input.decisionNumber);
    await closeOpenVersions(trx, [procedure.id], effectiveFrom, now);
    await markPublished(trx, [draft.id], effectiveFrom, now);
    await touchProcedure(trx, procedure.id, now, { status: 'published' });
    await audit(trx, actor.audit, {
      action: 'procedure.publish', subjectType: 'procedure', subjectId: procedure.id, unitId: procedure.owner_unit_id,
      before: previous ? { versionId: previous.id, number: previous.number, effectiveFrom: previous.effective_from } : null,
      after: { versionId: draft.id, number: draft.number, effectiveFrom, decisionNumber: input.decisionNumber ?? view.content.decisionNumber },
    });
    return { procedureId: procedure.id, code: procedure.code, versionId: draft.id };
  });
}

export interface AbolishInput {
  /** 'YYYY-MM-DD': the first day the procedure is no longer in force. */
  abolishedOn: string;
  decisionNumber: string;
}

export async function abolishProcedure(db: Database, actor: Actor, now: Date, code: string, version: number, input: AbolishInput): Promise<ProcedureRef> {
  return db.transaction().execute(async (trx) => {
    const procedure = await loadForChange(trx, actor, code, version);
    assertNotAbolished(procedure);
    const published = await latestPublished(trx, procedure.id);
    if (!published) {
      throw conflict('never_published', 'A procedure that was never published cannot be abolished; discard its draft instead.',
        'Thủ tục chưa từng được ban hành thì không thể bãi bỏ; hãy hủy bản nháp.');
    }
    if (published.effective_from! >= input.abolishedOn) {
      throw badRequest('invalid_input', `The abolition date must be after ${published.effective_from}, when the version in force took effect.`,
        `Ngày bãi bỏ phải sau ngày ${published.effective_from} (ngày hiệu lực của phiên bản hiện hành).`,
        [{ field: 'abolishedOn', message: `must be after ${published.effective_from}`, messageVi: `phải sau ngày ${published.effective_from}` }]);
    }
    await deleteDraft(trx, procedure.id);
    await closeOpenVersions(trx, [procedure.id], input.abolishedOn, now);
    await touchProcedure(trx, procedure.id, now, {
      status: 'abolished', abolishedOn: input.abolishedOn, abolishDecisionNumber: input.decisionNumber,
    });
    await audit(trx, actor.audit, {
      action: 'procedure.abolish', subjectType: 'procedure', subjectId: procedure.id, unitId: procedure.owner_unit_id,
      after: { abolishedOn: input.abolishedOn, decisionNumber: input.decisionNumber, lastVersionId: published.id },
    });
    return { procedureId: procedure.id, code: procedure.code, versionId: published.id };
  });
}

/** Drops the draft; a procedure that was never published is deleted with it. */
export async function discardDraft(db: Database, actor: Actor, now: Date, code: string, version: number): Promise<{ deleted: boolean }> {
  return db.transaction().execute(async (trx) => {
    const procedure = await loadForChange(trx, actor, code, version);
    const draft = await draftVersion(trx, procedure.id);
    if (!draft) throw conflict('no_draft', 'There is no draft to discard.', 'Không có bản nháp để hủy.');
    const deleted = procedure.status === 'draft';
    if (deleted) {
      await trx.deleteFrom('procedures').where('id', '=', procedure.id).execute().catch((err: { code?: string }) => {
        if (err.code !== '23503') throw err;
        // Dossiers (e.g. imported history) or citizens' drafts refer to it: keep it.
        throw conflict('procedure_in_use', 'Dossiers refer to this procedure, so it cannot be deleted; complete and publish it instead.',
          'Đã có hồ sơ gắn với thủ tục này nên không thể xóa; hãy hoàn thiện và ban hành thủ tục.');
      });
    } else {
      await deleteDraft(trx, procedure.id);
      await touchProcedure(trx, procedure.id, now);
    }
    await audit(trx, actor.audit, {
      action: deleted ? 'procedure.delete' : 'procedure.draft.discard', subjectType: 'procedure', subjectId: procedure.id,
      unitId: procedure.owner_unit_id, before: { code, versionId: draft.id, number: draft.number },
    });
    return { deleted };
  });
}

// ---------------------------------------------------------------------------------------------------------------

async function loadForChange(trx: Db, actor: Actor, code: string, version: number): Promise<ProcedureRow> {
  const found = await getProcedureByCode(trx, code);
  if (!found) throw procedureNotFound();
  const procedure = (await lockProcedure(trx, found.id))!;
  await assertMayManageProcedure(trx, actor, procedure);
  assertVersion(procedure, version);
  return procedure;
}

async function latestPublishedView(trx: Db, procedureId: string): Promise<VersionView | null> {
  const row = await latestPublished(trx, procedureId);
  return row ? loadVersion(trx, row.id) : null;
}

/** The draft form of a stored version; ids are kept only when rewriting the same draft. */
function draftOf(view: VersionView, keepIds: boolean): ProcedureDraft & { cases: StoredCase[] } {
  return {
    content: view.content,
    cases: view.cases.map(({ position: _position, id, ...c }) => (keepIds ? { ...c, id } : c)),
    sourceFingerprint: view.sourceFingerprint,
    source: view.source,
  };
}

/** Input errors that no edit may introduce (publish checks completeness separately). */
async function assertValidDraft(trx: Db, draft: ProcedureDraft): Promise<void> {
  const fields: FieldError[] = [];
  draft.cases.forEach((c, i) => {
    const problem = c.processingTime ? processingTimeProblem(c.processingTime) : null;
    if (problem) fields.push({ field: `cases[${i}].processingTime`, ...problem });
  });
  const workflowIds = [...new Set(draft.cases.map((c) => c.workflowId).filter((id): id is string => id !== null))];
  if (workflowIds.length > 0) {
    const found = await trx.selectFrom('workflows').select('id').where('id', 'in', workflowIds).execute();
    const known = new Set(found.map((r) => r.id));
    draft.cases.forEach((c, i) => {
      if (c.workflowId && !known.has(c.workflowId)) {
        fields.push({ field: `cases[${i}].workflowId`, message: 'unknown workflow', messageVi: 'không có quy trình này' });
      }
    });
  }
  if (fields.length > 0) {
    throw badRequest('invalid_input', `Invalid input: ${fields[0].field} ${fields[0].message}`,
      `Dữ liệu không hợp lệ: ${fields[0].field} ${fields[0].messageVi}`, fields);
  }
}

export async function problemsBeforePublish(trx: Db, view: { content: ProcedureContent; cases: CaseInput[] }) {
  const ids = view.cases.map((c) => c.workflowId).filter((id): id is string => id !== null);
  return publishProblems(view, await publishedWorkflowIds(trx, ids));
}

export function notPublishable(code: string, problems: FieldError[]) {
  const list = problems.map((p) => p.message).join('; ');
  const listVi = problems.map((p) => p.messageVi).join('; ');
  return unprocessable('procedure_not_publishable', `Procedure ${code} cannot be published: ${list}.`,
    `Chưa thể ban hành thủ tục ${code}: ${listVi}.`, problems);
}

/** The draft without the imported source (which is large and never edited), for audit rows. */
function auditable(draft: ProcedureDraft) {
  const { channelOptions: _channelOptions, ...content } = draft.content;
  return { content, cases: draft.cases };
}
