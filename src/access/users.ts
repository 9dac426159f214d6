import { sql, type Kysely } from 'kysely';
import { audit, type AuditContext } from '../audit/audit.ts';
import type { Schema } from '../platform/db/schema.ts';
import { planForValues } from '../platform/db/prepared.ts';
import { AppError, conflict, notFound, staleVersion } from '../platform/errors.ts';
import { decodeCursor, pageOf } from '../platform/http/cursor.ts';
import { foldVietnamese } from '../platform/text.ts';
import { hashPassword } from './passwords.ts';
import { unitInReach, type Db, type Reach } from './reach.ts';
import type { Role, RoleGrant } from './roles.ts';

// Officials and citizen accounts: storage and the commands that change them.

export interface Official {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  unitId: string;
  unitName: string;
  active: boolean;
  grants: NamedGrant[];
  version: number;
}

type NamedGrant = RoleGrant & { unitName: string };

async function grantsFor(db: Db, userIds: string[]): Promise<Map<string, NamedGrant[]>> {
  const map = new Map<string, NamedGrant[]>();
  if (!userIds.length) return map;
  const rows = await db.selectFrom('role_grants as g').innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.user_id', 'g.role', 'g.unit_id', 'u.full_name']).where('g.user_id', 'in', userIds).orderBy('g.role').execute();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push({ role: r.role as Role, unitId: r.unit_id, unitName: r.full_name });
    map.set(r.user_id, list);
  }
  return map;
}

const officialColumns = ['u.id', 'u.username', 'u.full_name', 'u.email', 'u.phone', 'u.unit_id', 'un.full_name as unit_name', 'u.active', 'u.version', 'u.full_name_folded'] as const;

type OfficialRow = {
  id: string; username: string | null; full_name: string; email: string | null; phone: string | null;
  unit_id: string | null; unit_name: string; active: boolean; version: number; full_name_folded: string;
};

function toOfficial(r: OfficialRow, grants: NamedGrant[]): Official {
  return {
    id: r.id, username: r.username ?? '', fullName: r.full_name, email: r.email, phone: r.phone, unitId: r.unit_id ?? '',
    unitName: r.unit_name, active: r.active, grants, version: r.version,
  };
}

export async function listOfficials(db: Db, reach: Reach, query: { unitId?: string; q?: string; cursor?: string; limit: number }) {
  let qb = db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .select(officialColumns)
    .where('u.kind', '=', 'official')
    .where(unitInReach('u.unit_id', reach));
  if (query.unitId) qb = qb.where('u.unit_id', '=', query.unitId);
  if (query.q) {
    const q = `%${foldVietnamese(query.q)}%`;
    qb = qb.where((eb) => eb.or([eb('u.full_name_folded', 'like', q), eb(eb.fn('lower', ['u.username']), 'like', q)])).modifyEnd(planForValues);
  }
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  if (after) qb = qb.where(sql<boolean>`(u.full_name_folded, u.id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = (await qb.orderBy('u.full_name_folded').orderBy('u.id').limit(query.limit + 1).execute()) as OfficialRow[];
  const page = pageOf(rows, query.limit, (r) => [r.full_name_folded, r.id]);
  const grants = await grantsFor(db, page.items.map((r) => r.id));
  return { items: page.items.map((r) => toOfficial(r, grants.get(r.id) ?? [])), nextCursor: page.nextCursor };
}

export async function getOfficial(db: Db, id: string, reach: Reach): Promise<Official | null> {
  const row = (await db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .select(officialColumns)
    .where('u.id', '=', id)
    .where('u.kind', '=', 'official')
    .where(unitInReach('u.unit_id', reach))
    .executeTakeFirst()) as OfficialRow | undefined;
  if (!row) return null;
  return toOfficial(row, (await grantsFor(db, [id])).get(id) ?? []);
}

export interface NewOfficial {
  username: string;
  password: string;
  fullName: string;
  unitId: string;
  email?: string | null;
  phone?: string | null;
  grants: RoleGrant[];
}

function usernameTaken(err: unknown): never {
  if ((err as { code?: string }).code === '23505') {
    throw conflict('username_taken', 'This username is already taken.', 'Tên đăng nhập này đã được sử dụng.');
  }
  throw err;
}

export async function createOfficial(db: Kysely<Schema>, ctx: AuditContext, input: NewOfficial): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw notFound('Unit', 'Đơn vị');
    const row = await trx
      .insertInto('users')
      .values({
        kind: 'official',
        username: input.username,
        full_name: input.fullName.normalize('NFC'),
        full_name_folded: foldVietnamese(input.fullName),
        email: input.email ?? null,
        phone: input.phone ?? null,
        unit_id: input.unitId,
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch(usernameTaken);
    if (input.grants.length) {
      await trx.insertInto('role_grants').values(input.grants.map((g) => ({ user_id: row.id, role: g.role, unit_id: g.unitId }))).execute();
    }
    await audit(trx, ctx, {
      action: 'user.create', subjectType: 'user', subjectId: row.id, unitId: input.unitId,
      after: { username: input.username, fullName: input.fullName, unitId: input.unitId, grants: input.grants },
    });
    return row.id;
  });
}

export interface OfficialChanges {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  unitId?: string;
  active?: boolean;
  grants?: RoleGrant[];
  password?: string;
}

export async function changeOfficial(db: Kysely<Schema>, ctx: AuditContext, id: string, version: number, changes: OfficialChanges, now: Date): Promise<void> {
  const passwordHash = changes.password ? await hashPassword(changes.password) : null;
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select(['id', 'version', 'full_name', 'email', 'phone', 'unit_id', 'active']).where('id', '=', id).where('kind', '=', 'official').forUpdate().executeTakeFirst();
    if (!before) throw notFound('Official', 'Cán bộ');
    if (before.version !== version) throw staleVersion();
    const beforeGrants = (await grantsFor(trx, [id])).get(id) ?? [];
    const set: Record<string, unknown> = { version: before.version + 1, updated_at: now };
    if (changes.fullName !== undefined) {
      set.full_name = changes.fullName.normalize('NFC');
      set.full_name_folded = foldVietnamese(changes.fullName);
    }
    if (changes.email !== undefined) set.email = changes.email;
    if (changes.phone !== undefined) set.phone = changes.phone;
    if (changes.unitId !== undefined) set.unit_id = changes.unitId;
    if (changes.active !== undefined) set.active = changes.active;
    if (passwordHash) {
      set.password_hash = passwordHash;
      set.failed_logins = 0;
      set.locked_until = null;
    }
    await trx.updateTable('users').set(set).where('id', '=', id).execute();
    if (changes.grants) {
      await trx.deleteFrom('role_grants').where('user_id', '=', id).execute();
      if (changes.grants.length) {
        await trx.insertInto('role_grants').values(changes.grants.map((g) => ({ user_id: id, role: g.role, unit_id: g.unitId }))).execute();
      }
    }
    if (changes.active === false || passwordHash) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await audit(trx, ctx, {
      action: passwordHash ? 'user.update.password' : 'user.update', subjectType: 'user', subjectId: id, unitId: (changes.unitId ?? before.unit_id) as string,
      before: { fullName: before.full_name, email: before.email, phone: before.phone, unitId: before.unit_id, active: before.active, grants: beforeGrants },
      after: { ...changes, password: undefined, grants: changes.grants ?? beforeGrants },
    });
  });
}

export const accountLocked = () =>
  new AppError(429, 'account_locked', 'Too many failed sign-ins; the account is locked for 15 minutes.', 'Đăng nhập sai quá nhiều lần; tài khoản tạm khóa 15 phút.');
