// Workflow definitions over HTTP: officials read them; administrators create, change and publish them.

import { Type } from 'typebox';
import { reachOf } from '../../access/policy.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { requireCaller, type App, type AppContext } from '../../platform/http/context.ts';
import { errors, IdParams, Nullable, Uuid } from '../../platform/http/schemas.ts';
import { createWorkflow, publishWorkflow, saveWorkflowDraft } from './commands/workflows.ts';
import { actorOf } from './http.ts';
import { catalogPolicy } from './policy.ts';
import { getWorkflow, getWorkflowVersion, listWorkflows, workflowVersions, type WorkflowVersion } from './repository-workflows.ts';
import { WorkflowDefinitionSchema, WorkflowSchema, WorkflowVersionSchema } from './schemas.ts';
import type { WorkflowDefinition } from './workflow/types.ts';
import { validateWorkflow } from './workflow/validate.ts';

const Problems = Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String(), messageVi: Type.String() }));

export function workflowRoutes(app: App, ctx: AppContext): void {
  app.addSchema(WorkflowSchema);
  app.addSchema(WorkflowVersionSchema);
  const db = ctx.database.db;

  /** Any official reads workflows (the console shows the steps); citizens and anonymous callers do not. */
  function requireOfficial(request: Parameters<typeof requireCaller>[0]) {
    const caller = requireCaller(request);
    if (caller.kind !== 'official') throw forbidden();
    return caller;
  }

  app.get('/api/v1/workflows', {
    schema: {
      tags: ['catalog'],
      summary: 'Workflows: shared ones and those of units within reach / Danh sách quy trình',
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('Workflow')) }), ...errors(401, 403) },
    },
  }, async (request) => {
    const caller = requireOfficial(request);
    return { items: await listWorkflows(db, reachOf(caller, catalogPolicy.manage)) };
  });

  app.get('/api/v1/workflows/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'A workflow with its versions / Quy trình và các phiên bản',
      params: IdParams,
      response: {
        200: Type.Object({ workflow: Type.Ref('Workflow'), versions: Type.Array(Type.Ref('WorkflowVersion')), problems: Problems }),
        ...errors(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    requireOfficial(request);
    const workflow = await getWorkflow(db, request.params.id);
    if (!workflow) throw notFound('Workflow', 'Quy trình');
    const versions = await workflowVersions(db, workflow.id);
    const draft = versions.find((v) => v.status === 'draft');
    // The draft's problems, so that an editor sees them before trying to publish.
    return { workflow, versions: versions.map(presentVersion), problems: draft ? validateWorkflow(draft.definition) : [] };
  });

  app.get('/api/v1/workflow-versions/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'Exactly one workflow version (the one a dossier pinned) / Một phiên bản quy trình',
      params: IdParams,
      response: { 200: Type.Ref('WorkflowVersion'), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    requireOfficial(request);
    const version = await getWorkflowVersion(db, request.params.id);
    if (!version) throw notFound('Workflow version', 'Phiên bản quy trình');
    return presentVersion(version);
  });

  app.post('/api/v1/workflows', {
    schema: {
      tags: ['catalog'],
      summary: 'Create a workflow as a draft / Tạo quy trình (bản nháp)',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 300 }),
        ownerUnitId: Type.Optional(Nullable(Uuid)),
        definition: WorkflowDefinitionSchema,
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('Workflow'), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const b = request.body;
    const workflow = await createWorkflow(db, actorOf(request), ctx.clock(), {
      name: b.name.normalize('NFC').trim(), ownerUnitId: b.ownerUnitId ?? null, definition: b.definition as WorkflowDefinition,
    });
    return reply.status(201).send(workflow);
  });

  app.put('/api/v1/workflows/:id/draft', {
    schema: {
      tags: ['catalog'],
      summary: 'Save the draft definition (a new version after a publish) / Lưu bản nháp quy trình',
      params: IdParams,
      body: Type.Object({
        version: Type.Integer({ minimum: 1 }),
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
        definition: WorkflowDefinitionSchema,
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('Workflow'), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { version, name, definition } = request.body;
    return saveWorkflowDraft(db, actorOf(request), ctx.clock(), request.params.id, version, {
      name: name?.normalize('NFC').trim(), definition: definition as WorkflowDefinition,
    });
  });

  app.post('/api/v1/workflows/:id/publish', {
    schema: {
      tags: ['catalog'],
      summary: 'Validate and publish the draft (422 lists the problems) / Ban hành quy trình',
      params: IdParams,
      body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 200: Type.Ref('Workflow'), ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => publishWorkflow(db, actorOf(request), ctx.clock(), request.params.id, request.body.version));

}

function presentVersion(v: WorkflowVersion) {
  return { ...v, publishedAt: v.publishedAt?.toISOString() ?? null };
}
