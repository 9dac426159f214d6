import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { testEngine } from '../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { resolveUnitCode } from '../../units/repository.ts';
import { amendProcedure, editDraft, publishProcedure } from './commands/procedures.ts';
import { createWorkflow, publishWorkflow, saveWorkflowDraft } from './commands/workflows.ts';
import { ensureProcedure, getProcedureForIntake, getWorkflowVersion, offeringUnits, procedureInForce, procedureLabels, procedureLabelsByCode, requireProcedureForIntake } from './index.ts';
import { getProcedureByCode } from './repository.ts';
import { getWorkflow, listWorkflows } from './repository-workflows.ts';
import { validateWorkflow } from './workflow/validate.ts';

const system = { audit: systemActor('test'), grants: null };
const now = new Date('2026-03-02T02:00:00Z');

describe(`what the dossier module gets from the catalogue (${testEngine})`, () => {
  let t: TestApp;
  let desk: string;
  before(async () => {
    t = await createTestApp();
    desk = (await t.database.db.selectFrom('units').select('id').where('name', '=', 'Bộ phận Một cửa phường Bồng Lai').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  test('the shipped default workflows pass the publish validation', async () => {
    const workflows = await listWorkflows(t.database.db, 'all');
    assert.deepEqual(workflows.map((w) => w.defaultFor).sort(), ['on_the_spot', 'standard']);
    for (const w of workflows) {
      const version = (await getWorkflowVersion(t.database.db, w.currentVersionId!))!;
      assert.deepEqual(validateWorkflow(version.definition), [], w.name);
    }
    const standard = workflows.find((w) => w.defaultFor === 'standard')!;
    const steps = (await getWorkflowVersion(t.database.db, standard.currentVersionId!))!.definition.steps;
    assert.deepEqual(steps.map((s) => s.role), ['desk_officer', 'specialist', 'leader', 'desk_officer']);
  });

  test('birth registration at the Bồng Lai desk: the version in force, its case, offered, the standard workflow', async () => {
    const result = await getProcedureForIntake(t.database.db, { code: '1.001193', unitId: desk, at: now });
    assert.ok(result.found);
    const p = result.procedure;
    assert.equal(p.name, 'Thủ tục đăng ký khai sinh');
    assert.deepEqual(p.case.duration, { amount: 0, kind: 'same_day' });
    assert.equal(p.offered, true);
    assert.equal(p.regardlessOfBoundary, false);
    assert.equal(p.case.fees[0].free, true);
    assert.ok(p.case.documents.some((d) => d.name.startsWith('Giấy chứng sinh') && d.copyType === 'original' && d.required));
    const workflow = (await getWorkflowVersion(t.database.db, p.workflowVersionId))!;
    assert.equal(workflow.status, 'published');
    assert.equal(workflow.definition.steps.length, 4);
  });

  test('certified copies: on-the-spot workflow, any desk of the province', async () => {
    const p = await requireProcedureForIntake(t.database.db, { code: '2.000815', unitId: desk, at: '2026-03-02' });
    assert.equal(p.onTheSpot, true);
    assert.equal(p.regardlessOfBoundary, true);
    assert.equal(p.case.fees[0].amountVnd, 2000);
    assert.equal(p.case.fees[0].per, 'trang');
    const workflow = (await getWorkflowVersion(t.database.db, p.workflowVersionId))!;
    assert.deepEqual(workflow.definition.steps.map((s) => s.key), ['resolve']);
  });

  test('cases, dates and units that do not fit are told apart', async () => {
    const db = t.database.db;
    const marriage = await getProcedureForIntake(db, { code: '1.000894', unitId: desk, at: now });
    assert.deepEqual(marriage.found ? null : marriage.reason, 'case_required');
    const all = await getProcedureForIntake(db, { code: '1.000894', unitId: desk, at: now, caseId: '00000000-0000-0000-0000-000000000000' });
    assert.equal(all.found ? null : all.reason, 'case_not_found');
    const procedure = (await getProcedureByCode(db, '1.000894'))!;
    const keys = await db.selectFrom('procedure_cases as c').innerJoin('procedure_versions as v', 'v.id', 'c.version_id')
      .select(['c.key', 'c.id']).where('v.procedure_id', '=', procedure.id).orderBy('c.position').execute();
    const byKey = await requireProcedureForIntake(db, { procedureId: procedure.id, unitId: desk, at: now, caseId: keys[1].key });
    assert.deepEqual(byKey.case.duration, { amount: 5, kind: 'working_days' });
    assert.equal(byKey.cases.length, 2);
    const byId = await requireProcedureForIntake(db, { procedureId: procedure.id, unitId: desk, at: now, caseId: keys[1].id });
    assert.equal(byId.case.key, keys[1].key);

    const before = await getProcedureForIntake(db, { code: '1.001193', unitId: desk, at: '2025-06-30' });
    assert.equal(before.found ? null : before.reason, 'not_in_force');
    const unknown = await getProcedureForIntake(db, { code: '9.999999', unitId: desk, at: now });
    assert.equal(unknown.found ? null : unknown.reason, 'procedure_not_found');
    await assert.rejects(requireProcedureForIntake(db, { code: '9.999999', unitId: desk, at: now }),
      (err: AppError) => err.status === 404 && err.messageVi === 'Không có thủ tục này.');
    const oldWard = await resolveUnitCode(db, '09298', '2024-01-01');
    const outside = await requireProcedureForIntake(db, { code: '1.001193', unitId: oldWard!.id, at: now });
    assert.equal(outside.offered, false);
  });

  test('a dossier’s pinned workflow version stays exactly as it was after a newer version is published', async () => {
    const db = t.database.db;
    const pinned = await requireProcedureForIntake(db, { code: '1.004222', unitId: desk, at: now });
    const before = structuredClone(await getWorkflowVersion(db, pinned.workflowVersionId));
    const standard = (await getWorkflow(db, pinned.workflowId))!;
    const changed = structuredClone(before!.definition);
    changed.steps[0].share = 20;
    changed.steps[1].share = 50;
    const draft = await saveWorkflowDraft(db, system, now, standard.id, standard.version, { definition: changed });
    await publishWorkflow(db, system, now, standard.id, draft.version);

    const fresh = await requireProcedureForIntake(db, { code: '1.004222', unitId: desk, at: now });
    assert.notEqual(fresh.workflowVersionId, pinned.workflowVersionId);
    assert.equal((await getWorkflowVersion(db, fresh.workflowVersionId))!.definition.steps[0].share, 20);
    assert.deepEqual(await getWorkflowVersion(db, pinned.workflowVersionId), before);
    assert.equal(before!.definition.steps[0].share, 10);
  });

  test('a workflow that cannot reach its end is refused at publish with a clear error', async () => {
    const db = t.database.db;
    const step = (key: string, next: string[]) => ({
      key, name: key, nameEn: key, role: 'specialist' as const, unitKind: null, unitId: null, share: 50,
      actions: ['forward' as const], next, final: false,
    });
    const workflow = await createWorkflow(db, system, now, { name: 'Vòng lặp', ownerUnitId: null, definition: { steps: [step('a', ['b']), step('b', ['a'])] } });
    await assert.rejects(publishWorkflow(db, system, now, workflow.id, workflow.version), (err: AppError) => {
      assert.equal(err.status, 422);
      assert.equal(err.code, 'workflow_invalid');
      assert.match(err.message, /no final step can be reached from the first step/);
      assert.match(err.messageVi, /không có bước kết thúc nào đến được từ bước đầu tiên/);
      assert.ok(err.fields!.some((f) => f.field === 'steps'));
      return true;
    });
    assert.equal((await getWorkflow(db, workflow.id))!.currentVersionId, null);
  });

  test('an amendment published for a later date: each receipt date gets the version then in force', async () => {
    const db = t.database.db;
    const procedure = (await getProcedureByCode(db, '1.004194'))!;
    const old = await requireProcedureForIntake(db, { code: '1.004194', unitId: desk, at: now });
    const amended = await amendProcedure(db, system, now, '1.004194', procedure.version);
    const afterAmend = (await getProcedureByCode(db, '1.004194'))!;
    await editDraft(db, system, now, '1.004194', afterAmend.version, 'procedure.update', (draft) => ({
      ...draft, cases: draft.cases.map((c) => ({ ...c, processingTime: { amount: 2, kind: 'working_days' as const } })),
    }));
    await publishProcedure(db, system, now, '1.004194', afterAmend.version + 1, { effectiveFrom: '2026-04-01', decisionNumber: '99/QĐ-TEST' });
    const march = await requireProcedureForIntake(db, { code: '1.004194', unitId: desk, at: '2026-03-31' });
    const april = await requireProcedureForIntake(db, { code: '1.004194', unitId: desk, at: '2026-04-01' });
    assert.equal(march.versionId, old.versionId);
    assert.deepEqual(march.case.duration, { amount: 3, kind: 'working_days' });
    assert.equal(april.versionId, amended.versionId);
    assert.deepEqual(april.case.duration, { amount: 2, kind: 'working_days' });
    assert.equal(april.case.key, march.case.key, 'a case keeps its key across versions');
    assert.equal(april.decisionNumber, '99/QĐ-TEST');
  });

  test('lookups for other modules: labels, the version in force, the units offering it, stubs for unknown codes', async () => {
    const db = t.database.db;
    const inForce = (await procedureInForce(db, '2.000815', '2026-03-02'))!;
    assert.deepEqual([inForce.onTheSpot, inForce.onlineLevel, inForce.channels], [true, 'partial', ['in_person']]);
    assert.equal(await procedureInForce(db, '2.000815', '2025-01-01'), null);
    const units = await offeringUnits(db, inForce.id, '2026-03-02');
    assert.deepEqual(units.map((u) => u.fullName).sort(), ['Phường Bồng Lai', 'Phường Kinh Bắc', 'Phường Quế Võ', 'Phường Đào Viên', 'Xã Chi Lăng', 'Xã Yên Phong'].sort());
    const stubs = await t.database.db.transaction().execute((trx) => ensureProcedure(trx, systemActor('test'), now, [
      { code: '2.000815', name: 'ignored', field: null },
      { code: 'OLD.1', name: 'Thủ tục cũ', field: 'Hộ tịch' },
      { code: 'OLD.1', name: 'Thủ tục cũ', field: 'Hộ tịch' },
    ]));
    assert.deepEqual([stubs.get('2.000815')!.created, stubs.get('OLD.1')!.created], [false, true]);
    const byCode = await procedureLabelsByCode(db, ['OLD.1', '1.001193']);
    assert.deepEqual(byCode.get('OLD.1')!.name, 'Thủ tục cũ');
    const byId = await procedureLabels(db, [inForce.id]);
    assert.equal(byId.get(inForce.id)!.field, 'Chứng thực');
    const stub = await getProcedureForIntake(db, { code: 'OLD.1', unitId: desk, at: now });
    assert.equal(stub.found ? null : stub.reason, 'not_in_force', 'a stub is a draft: never offered for intake');
  });
});
