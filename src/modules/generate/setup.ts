// What the generator reads before it writes: the province and its receiving units (with their calendars and
// officials), and the published procedures they offer (with the case durations and workflows the catalogue gives
// at intake). The only write: receiving units without an agency identifier get a synthetic one, since dossier
// codes need it (audited, and visibly synthetic: 000.<commune code>.<province code>.GEN).

import { sql, type Kysely } from 'kysely';
import { audit, type AuditContext } from '../../audit/audit.ts';
import type { Duration } from '../../calendar/index.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { communeLevelKinds } from '../../units/kinds.ts';
import { resolveUnitCode, type Unit } from '../../units/repository.ts';
import { getProcedureForIntake, getWorkflowVersion, offeringUnits, procedureInForce } from '../catalog/index.ts';
import { calendarFor } from '../calendar/repository.ts';
import type { ProcedureContext, Staff, StaffRole, UnitContext } from './model.ts';
import { NameMaker, regionOf } from './names.ts';
import * as profile from './profile.ts';
import { Random } from './random.ts';

export interface GeneratorUnit extends UnitContext {
  /** Receipts only on days in [validFrom, validTo). */
  validFrom: string | null;
  validTo: string | null;
  /** Relative volume. */
  weight: number;
  /** Procedures the unit offers, with their weights. */
  procedures: { procedure: GeneratorProcedure; weight: number }[];
}

export interface GeneratorProcedure extends ProcedureContext {
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface ProvinceSetup {
  province: Unit;
  units: GeneratorUnit[];
  procedures: GeneratorProcedure[];
  names: NameMaker;
  agencyCodesAssigned: number;
}

const staffRoles: StaffRole[] = ['desk_officer', 'specialist', 'leader'];

export class SetupError extends Error {}

export async function loadProvince(db: Kysely<Schema>, code: string, at: string, seed: number, actor: AuditContext): Promise<ProvinceSetup> {
  const province = await resolveUnitCode(db, code, at);
  if (!province || province.kind !== 'province') {
    throw new SetupError(`No province has code ${code} on ${at}. Import the national list first (gandan import units FILE). / `
      + `Không có tỉnh mã ${code} vào ngày ${at}; hãy nhập danh mục đơn vị hành chính trước.`);
  }
  const receiving = await db.selectFrom('units as u').innerJoin('unit_closure as c', 'c.descendant_id', 'u.id')
    .selectAll('u').where('c.ancestor_id', '=', province.id).where('u.kind', 'in', [...communeLevelKinds])
    .orderBy('u.code').orderBy('u.id').execute();
  if (!receiving.length) throw new SetupError(`Province ${code} has no communes or wards. / Tỉnh ${code} chưa có xã, phường.`);
  const names = new NameMaker(regionOf(province.code), `0${province.code ?? '01'}`.slice(-3));
  const assigned = await assignAgencyCodes(db, receiving, province, actor);
  const procedures = await offeredProcedures(db, receiving.map((u) => u.id), at);
  if (!procedures.list.length) {
    throw new SetupError(`No published procedure is offered in province ${code}. Import and publish the catalogue first (gandan import procedures FILE --publish). / `
      + `Chưa có thủ tục nào được công bố và áp dụng tại tỉnh ${code}.`);
  }
  const staff = await staffByUnit(db, receiving.map((u) => u.id));
  const random = new Random(seed, 'units');
  const units: GeneratorUnit[] = [];
  for (const u of receiving) {
    const offered = procedures.list.filter((p) => procedures.offeredAt.get(p.procedureId)?.has(u.id));
    if (!offered.length) continue;
    const { calendar, ruleSet } = await calendarFor(db, u.id);
    units.push({
      id: u.id, code: u.code, agencyCode: u.agency_code ?? assigned.get(u.id)!, kind: u.kind, fullName: u.full_name, provinceName: province.fullName,
      calendar, ruleVersion: ruleSet.version, staff: staffFor(random, names, staff.get(u.id), u.id),
      validFrom: u.valid_from, validTo: u.valid_to,
      weight: Math.exp(profile.unitSpread * random.normal()) * (u.kind === 'ward' ? profile.wardFactor : 1),
      procedures: offered.map((p) => ({ procedure: p, weight: procedureWeight(p) })),
    });
  }
  return { province, units, procedures: procedures.list, names, agencyCodesAssigned: assigned.size };
}

function procedureWeight(p: GeneratorProcedure): number {
  return profile.procedureWeights[p.code] ?? (p.field ? profile.fieldWeights[p.field] : undefined) ?? profile.defaultProcedureWeight;
}

async function assignAgencyCodes(db: Kysely<Schema>, units: { id: string; code: string | null; agency_code: string | null }[], province: Unit, actor: AuditContext) {
  const missing = units.filter((u) => !u.agency_code);
  const out = new Map<string, string>();
  if (!missing.length) return out;
  await db.transaction().execute(async (trx) => {
    for (const u of missing) {
      const agencyCode = `000.${u.code ?? u.id.slice(0, 5).toUpperCase()}.${province.code ?? '00'}.GEN`;
      await trx.updateTable('units').set((eb) => ({ agency_code: agencyCode, version: eb('version', '+', 1) })).where('id', '=', u.id).execute();
      await audit(trx, actor, { action: 'unit.update', subjectType: 'unit', subjectId: u.id, unitId: u.id, before: { agencyCode: null }, after: { agencyCode, synthetic: true } });
      out.set(u.id, agencyCode);
    }
  });
  return out;
}

function durationOf(kind: string, amount: number | null): Duration {
  return kind === 'same_day' ? { kind: 'same_day' } : { kind: kind as Exclude<Duration['kind'], 'same_day'>, amount: amount ?? 0 } as Duration;
}

/** Published procedures in force on `at` that some of the units offer, one entry per case. */
async function offeredProcedures(db: Kysely<Schema>, unitIds: string[], at: string) {
  const ids = new Set(unitIds);
  const published = await db.selectFrom('procedures').select(['id', 'code']).where('status', '=', 'published').orderBy('code').execute();
  const list: GeneratorProcedure[] = [];
  const offeredAt = new Map<string, Set<string>>();
  const workflows = new Map<string, Awaited<ReturnType<typeof getWorkflowVersion>>>();
  for (const p of published) {
    const units = (await offeringUnits(db, p.id, at)).filter((u) => ids.has(u.id));
    if (!units.length) continue;
    const inForce = await procedureInForce(db, p.code, at);
    if (!inForce) continue;
    const cases = await sql<{ id: string }>`
      select id from procedure_cases where version_id = ${inForce.versionId}::uuid and processing_kind is not null order by position`.execute(db);
    for (const c of cases.rows) {
      const found = await getProcedureForIntake(db, { procedureId: p.id, unitId: units[0].id, at, caseId: c.id });
      if (!found.found) continue;
      const f = found.procedure;
      if (!workflows.has(f.workflowVersionId)) workflows.set(f.workflowVersionId, await getWorkflowVersion(db, f.workflowVersionId));
      const workflow = workflows.get(f.workflowVersionId);
      if (!workflow?.definition.steps.length) continue;
      list.push({
        procedureId: f.procedureId, code: f.code, name: f.name, field: f.field, versionId: f.versionId, caseId: f.case.id,
        duration: durationOf(f.case.duration.kind, f.case.duration.amount ?? null), online: f.channels.includes('online'), post: f.channels.includes('post'),
        land: f.field === 'Đất đai', workflowVersionId: f.workflowVersionId, steps: workflow.definition.steps,
        effectiveFrom: f.effectiveFrom, effectiveTo: f.effectiveTo,
      });
      offeredAt.set(f.procedureId, new Set(units.map((u) => u.id)));
    }
  }
  return { list, offeredAt };
}

async function staffByUnit(db: Kysely<Schema>, unitIds: string[]): Promise<Map<string, Map<StaffRole, Staff[]>>> {
  const rows = await db.selectFrom('role_grants as g').innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.unit_id', 'g.role', 'u.id', 'u.full_name', 'u.unit_id as home']).where('g.unit_id', 'in', unitIds)
    .where('g.role', 'in', staffRoles).where('u.active', '=', true).orderBy('u.username').execute();
  const out = new Map<string, Map<StaffRole, Staff[]>>();
  for (const r of rows) {
    const byRole = out.get(r.unit_id) ?? new Map<StaffRole, Staff[]>();
    out.set(r.unit_id, byRole);
    const list = byRole.get(r.role as StaffRole) ?? [];
    byRole.set(r.role as StaffRole, list);
    list.push({ id: r.id, name: r.full_name, unitId: r.home });
  }
  return out;
}

/** The unit's officials by role; a role nobody holds is played by made-up names (no account). */
function staffFor(random: Random, names: NameMaker, real: Map<StaffRole, Staff[]> | undefined, unitId: string): Record<StaffRole, Staff[]> {
  const out = {} as Record<StaffRole, Staff[]>;
  for (const role of staffRoles) {
    const accounts = real?.get(role);
    out[role] = accounts?.length ? accounts
      : Array.from({ length: role === 'leader' ? 1 : 2 }, () => ({ id: null, name: names.person(random, 2025).fullName, unitId }));
  }
  return out;
}
