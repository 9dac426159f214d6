// Which units offer a procedure: attach (or change the terms) and detach, each audited.

import { audit } from '../../../audit/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import { getProcedureByCode } from '../repository.ts';
import { deleteOffering, upsertOfferings } from '../repository-offerings.ts';
import { assertMayManageProcedure, assertMayOfferAt, mayManage, procedureNotFound, type Actor, type Database } from './shared.ts';

export interface OfferingInput {
  unitId: string;
  /** Every unit below offers it too (e.g. all communes and wards of a province). */
  includeDescendants: boolean;
  /** "Phi địa giới hành chính": received at any desk of the province whatever the applicant's residence. */
  regardlessOfBoundary: boolean;
}

export async function setOffering(db: Database, actor: Actor, now: Date, code: string, input: OfferingInput): Promise<{ created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const procedure = await getProcedureByCode(trx, code);
    if (!procedure) throw procedureNotFound();
    // A unit may offer any procedure it can see: published ones, or its own drafts.
    if (procedure.status === 'draft' && !(await mayManage(trx, actor.grants, procedure.owner_unit_id))) throw procedureNotFound();
    await assertMayOfferAt(trx, actor, input.unitId);
    const created = (await upsertOfferings(trx, [{ procedureId: procedure.id, ...input }], now)) > 0;
    await audit(trx, actor.audit, {
      action: 'procedure.offering.set', subjectType: 'procedure', subjectId: procedure.id, unitId: input.unitId,
      after: { code, ...input, created },
    });
    return { created };
  });
}

export async function removeOffering(db: Database, actor: Actor, code: string, unitId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const procedure = await getProcedureByCode(trx, code);
    if (!procedure) throw procedureNotFound();
    if (procedure.status === 'draft') await assertMayManageProcedure(trx, actor, procedure);
    await assertMayOfferAt(trx, actor, unitId);
    if (!(await deleteOffering(trx, procedure.id, unitId))) throw notFound('Offering', 'Đơn vị thực hiện thủ tục');
    await audit(trx, actor.audit, {
      action: 'procedure.offering.remove', subjectType: 'procedure', subjectId: procedure.id, unitId,
      before: { code, unitId },
    });
  });
}
