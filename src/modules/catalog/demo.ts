// Demo seeder: the 25 procedures of demo-data.ts, published from the two-tier reform (1 July 2025) and offered
// by every commune and ward of the demo province, with the default workflows.

import { randomUUID } from 'node:crypto';
import { systemActor } from '../../audit/audit.ts';
import type { DemoSeeder } from '../../demo/seed.ts';
import { demoProcedures, type DemoProcedure } from './demo-data.ts';
import { levelText, type ProcedureDraft } from './model.ts';
import { insertProcedures, insertVersions, type NewVersion } from './repository.ts';
import { upsertOfferings } from './repository-offerings.ts';
import { auditMany } from './commands/shared.ts';

const IN_FORCE_FROM = '2025-07-01';

export function demoDraft(p: DemoProcedure): ProcedureDraft {
  return {
    content: {
      name: p.name, field: p.field, levels: ['commune'], levelText: levelText(['commune']), procedureType: null,
      implementingBody: p.implementingBody, competentAuthority: p.implementingBody, legalBasis: [],
      results: [{ name: p.result, code: null }], subjects: ['Công dân Việt Nam'], conditions: null, steps: null,
      receivingAddress: null, channels: p.channels, channelOptions: [], onlineLevel: p.onlineLevel,
      onlineLevelReason: p.onlineLevelReason ?? null, onTheSpot: p.onTheSpot ?? false, decisionNumber: p.decision,
      sourceUrl: null,
    },
    cases: p.cases.map((c) => ({
      key: randomUUID(),
      name: c.name,
      processingTime: c.time,
      processingText: c.timeNote ?? null,
      processingRule: null,
      needsReview: false,
      workflowId: null,
      documents: c.documents.map((d) => ({
        name: d.name, copyType: d.copyType, count: d.count,
        originalCount: d.copyType === 'original' ? d.count : null, copyCount: d.copyType === 'copy' ? d.count : null,
        certifiedCopy: false, required: d.required ?? true, conditional: d.required === false, presentOnly: d.presentOnly ?? false,
        group: d.presentOnly ? 'Giấy tờ phải xuất trình' : 'Giấy tờ phải nộp', formFile: d.formFile ?? null,
        quantityText: null, sourceText: null,
      })),
      fees: p.fee === null ? [] : [{
        name: null, status: p.fee.amountVnd === 0 ? 'free' as const : 'amount' as const, amountVnd: p.fee.amountVnd,
        per: p.fee.per ?? null, onlineDiscountPercent: p.fee.onlineDiscountPercent ?? null, foreignAmount: null,
        suggestedAmountVnd: null, note: p.fee.note ?? null, feeText: null,
      }],
    })),
    sourceFingerprint: null,
    source: null,
  };
}

export const catalogDemoSeeder: DemoSeeder = async ({ trx, unitIds, now }) => {
  const province = unitIds.get('bac-ninh');
  if (!province) throw new Error('the demo province bac-ninh is missing');
  const procedures = demoProcedures.map((p) => ({ id: randomUUID(), code: p.code, ownerUnitId: null, status: 'published' as const }));
  const versions: NewVersion[] = demoProcedures.map((p, i) => ({
    id: randomUUID(), procedureId: procedures[i].id, number: 1, status: 'published', effectiveFrom: IN_FORCE_FROM,
    publishedAt: now, draft: demoDraft(p),
  }));
  await insertProcedures(trx, procedures, now);
  await insertVersions(trx, versions, now);
  await upsertOfferings(trx, demoProcedures.map((p, i) => ({
    procedureId: procedures[i].id, unitId: province, includeDescendants: true, regardlessOfBoundary: p.regardlessOfBoundary ?? false,
  })), now);
  await auditMany(trx, systemActor('seed-demo'), procedures.map((p, i) => ({
    action: 'procedure.create', subjectType: 'procedure', subjectId: p.id,
    after: { code: p.code, versionId: versions[i].id, effectiveFrom: IN_FORCE_FROM, offeredAt: province },
  })));
};
