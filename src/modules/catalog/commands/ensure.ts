// For imports of historical dossiers: make sure a procedure exists for each code, creating a draft stub (name
// and field only, time to be reviewed) for the codes the catalogue does not know. Runs inside the caller's
// transaction, in batches.

import { randomUUID } from 'node:crypto';
import type { Db } from '../../../access/reach.ts';
import type { AuditContext } from '../../../audit/audit.ts';
import { foldVietnamese } from '../../../platform/text.ts';
import { emptyContent } from '../model.ts';
import { chunks, insertProcedures, insertVersions } from '../repository.ts';
import { auditMany } from './shared.ts';

export interface ProcedureStub {
  code: string;
  name: string;
  field: string | null;
}

/** Returns every code's procedure id; `created` is true for the stubs made now. */
export async function ensureProcedure(
  db: Db, ctx: AuditContext, now: Date, stubs: ProcedureStub[],
): Promise<Map<string, { procedureId: string; created: boolean }>> {
  const out = new Map<string, { procedureId: string; created: boolean }>();
  const codes = [...new Set(stubs.map((s) => s.code))];
  for (const batch of chunks(codes, 1000)) {
    const rows = await db.selectFrom('procedures').select(['id', 'code']).where('code', 'in', batch).execute();
    for (const r of rows) out.set(r.code, { procedureId: r.id, created: false });
  }
  const missing = new Map<string, ProcedureStub>();
  for (const s of stubs) if (!out.has(s.code) && !missing.has(s.code)) missing.set(s.code, s);
  if (missing.size === 0) return out;
  const created = [...missing.values()].map((s) => ({ stub: s, id: randomUUID(), versionId: randomUUID() }));
  await insertProcedures(db, created.map((c) => ({ id: c.id, code: c.stub.code, ownerUnitId: null, status: 'draft' as const })), now);
  await insertVersions(db, created.map((c) => ({
    id: c.versionId, procedureId: c.id, number: 1, status: 'draft' as const, effectiveFrom: null, publishedAt: null,
    draft: {
      content: { ...emptyContent(c.stub.name.normalize('NFC').trim()), field: c.stub.field?.normalize('NFC').trim() || null },
      cases: [{ key: randomUUID(), name: null, processingTime: null, processingText: null, processingRule: null, needsReview: true, workflowId: null, documents: [], fees: [] }],
      sourceFingerprint: null,
      source: null,
    },
  })), now);
  await auditMany(db, ctx, created.map((c) => ({
    action: 'procedure.create', subjectType: 'procedure', subjectId: c.id,
    after: { code: c.stub.code, name: c.stub.name, field: c.stub.field, stub: true, nameFolded: foldVietnamese(c.stub.name) },
  })));
  for (const c of created) out.set(c.stub.code, { procedureId: c.id, created: true });
  return out;
}
