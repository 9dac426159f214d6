import type { Kysely } from 'kysely';
import type { Db } from '../access/reach.ts';
import { audit, type AuditContext } from '../audit/audit.ts';
import type { Schema } from '../platform/db/schema.ts';
import { foldVietnamese as foldName } from '../platform/text.ts';
import { AppError, notFound, staleVersion } from '../platform/errors.ts';
import type { ListedProvince, ListedUnit } from './national-list.ts';
import { addSuccession, getUnit, insertUnit, lockUnit, updateUnit, type Unit, type UnitInput } from './repository.ts';

// Unit changes: each runs in one transaction with its audit row.

/** Maps database constraint failures on units to clear errors. */
export function unitConstraintError(err: unknown): never {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e.code === '23P01') {
    throw new AppError(409, 'unit_code_overlap',
      'Another unit has this code during an overlapping validity period.',
      'Mã này đã được một đơn vị khác sử dụng trong khoảng thời gian hiệu lực trùng lặp.');
  }
  if (e.code === '23514' && /under itself/.test(e.message ?? '')) {
    throw new AppError(400, 'unit_cycle', 'A unit cannot be placed under itself or its descendants.', 'Không thể đặt đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó.');
  }
  throw err;
}

export async function createUnit(db: Kysely<Schema>, ctx: AuditContext, input: UnitInput): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    if (input.parentId && !(await getUnit(trx, input.parentId))) throw notFound('Parent unit', 'Đơn vị cấp trên');
    const unit = await insertUnit(trx, input).catch(unitConstraintError);
    await audit(trx, ctx, { action: 'unit.create', subjectType: 'unit', subjectId: unit.id, unitId: unit.id, after: unit });
    return unit;
  });
}

export async function changeUnit(db: Kysely<Schema>, ctx: AuditContext, id: string, version: number, input: Partial<UnitInput>, now: Date): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const before = await lockUnit(trx, id);
    if (!before) throw notFound('Unit', 'Đơn vị');
    if (before.version !== version) throw staleVersion();
    const after = await updateUnit(trx, id, version, input, now).catch(unitConstraintError);
    if (!after) throw staleVersion();
    await audit(trx, ctx, { action: 'unit.update', subjectType: 'unit', subjectId: id, unitId: id, before, after });
    return after;
  });
}

export async function recordSuccession(db: Kysely<Schema>, ctx: AuditContext, predecessorId: string, successorId: string, effectiveOn: string, note: string | null) {
  await db.transaction().execute(async (trx) => {
    if (!(await getUnit(trx, predecessorId))) throw notFound('Unit', 'Đơn vị');
    if (!(await getUnit(trx, successorId))) throw notFound('Successor unit', 'Đơn vị kế thừa');
    await addSuccession(trx, predecessorId, successorId, effectiveOn, note);
    await audit(trx, ctx, {
      action: 'unit.succession', subjectType: 'unit', subjectId: predecessorId, unitId: predecessorId,
      after: { successorId, effectiveOn, note },
    });
  });
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

type Existing = { id: string; name: string; full_name: string; kind: string; parent_id: string | null };

/** Imports (idempotently) a national list valid from `validFrom`; matches units by code valid on that date. */
export async function importNationalList(
  db: Kysely<Schema>,
  ctx: AuditContext,
  provinces: ListedProvince[],
  validFrom: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportResult> {
  const total = provinces.reduce((n, p) => n + 1 + p.communes.length, 0);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
  await db.transaction().execute(async (trx) => {
    const existing = await existingByCode(trx, validFrom);
    let done = 0;
    for (const province of provinces) {
      const provinceId = await upsertListed(trx, ctx, existing, province, null, validFrom, result);
      done++;
      for (const batch of chunks(province.communes, 250)) {
        for (const commune of batch) await upsertListed(trx, ctx, existing, commune, provinceId, validFrom, result);
        done += batch.length;
        onProgress(done, total);
      }
    }
  });
  return result;
}

async function existingByCode(db: Db, at: string): Promise<Map<string, Existing>> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'full_name', 'kind', 'parent_id'])
    .where('code', 'is not', null)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', at)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .execute();
  return new Map(rows.map((r) => [`${r.kind === 'province' ? 'P' : 'C'}:${r.code}`, r]));
}

async function upsertListed(
  trx: Db, ctx: AuditContext, existing: Map<string, Existing>, unit: ListedUnit, parentId: string | null, validFrom: string, result: ImportResult,
): Promise<string> {
  const key = `${unit.kind === 'province' ? 'P' : 'C'}:${unit.code}`;
  const found = existing.get(key);
  if (!found) {
    const created = await insertUnit(trx, {
      code: unit.code, agencyCode: null, kind: unit.kind, name: unit.name, fullName: unit.fullName,
      parentId, validFrom, validTo: null,
    }).catch(unitConstraintError);
    await audit(trx, ctx, { action: 'unit.import.create', subjectType: 'unit', subjectId: created.id, unitId: created.id, after: created });
    result.created++;
    return created.id;
  }
  const same = found.name === unit.name && found.full_name === unit.fullName && found.kind === unit.kind && found.parent_id === parentId;
  if (same) {
    result.unchanged++;
    return found.id;
  }
  await trx
    .updateTable('units')
    .set((eb) => ({
      name: unit.name, full_name: unit.fullName, kind: unit.kind, parent_id: parentId,
      name_folded: foldName(unit.name), version: eb('version', '+', 1),
    }))
    .where('id', '=', found.id)
    .execute();
  await audit(trx, ctx, {
    action: 'unit.import.update', subjectType: 'unit', subjectId: found.id, unitId: found.id,
    before: { name: found.name, fullName: found.full_name, kind: found.kind, parentId: found.parent_id },
    after: { name: unit.name, fullName: unit.fullName, kind: unit.kind, parentId },
  });
  result.updated++;
  return found.id;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
