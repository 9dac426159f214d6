import { sql } from 'kysely';
import { Type } from 'typebox';
import { reachOf } from '../../access/policy.ts';
import { unitInReach, type Db, type Reach } from '../../access/reach.ts';
import { planForValues } from '../../platform/db/prepared.ts';
import { forbidden } from '../../platform/errors.ts';
import { requireCaller, type App, type AppContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { errors, Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { foldVietnamese } from '../../platform/text.ts';
import { catalogPolicy } from './policy.ts';

// The administrators' list: every procedure they may manage, drafts and abolished ones included, each with its
// newest version's name and whether a draft is open. National procedures are listed to every catalogue manager
// (only system administrators may change them); a unit's own procedures to those whose reach includes the owner.

const statuses = ['draft', 'published', 'abolished', 'all'] as const;

const AdminItem = Type.Object({
  id: Uuid, code: Type.String(), name: Type.String(), field: Nullable(Type.String()), status: Type.String(),
  hasDraft: Type.Boolean(), ownerUnitId: Nullable(Uuid), latestVersion: Type.Integer(), updatedAt: Type.String(),
});

async function listForAdmins(db: Db, reach: Reach, query: { status: (typeof statuses)[number]; q?: string; cursor?: string; limit: number }) {
  let qb = db.selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', (join) => join.onRef('v.procedure_id', '=', 'p.id')
      .on('v.number', '=', sql<number>`(select max(number) from procedure_versions where procedure_id = p.id)`))
    .select(['p.id', 'p.code', 'p.status', 'p.owner_unit_id', 'p.updated_at', 'v.name', 'v.name_folded', 'v.field', 'v.number',
      sql<boolean>`exists (select 1 from procedure_versions d where d.procedure_id = p.id and d.status = 'draft')`.as('has_draft')])
    .where((eb) => eb.or([eb('p.owner_unit_id', 'is', null), unitInReach('p.owner_unit_id', reach)]));
  if (query.status !== 'all') qb = qb.where('p.status', '=', query.status);
  if (query.q) {
    const folded = `%${foldVietnamese(query.q)}%`;
    qb = qb.where((eb) => eb.or([eb('v.name_folded', 'like', folded), eb('p.code', 'like', `${query.q!.trim()}%`)])).modifyEnd(planForValues);
  }
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  if (after) qb = qb.where(sql<boolean>`(v.name_folded, p.id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await qb.orderBy('v.name_folded').orderBy('p.id').limit(query.limit + 1).execute();
  const page = pageOf(rows, query.limit, (r) => [r.name_folded, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id, code: r.code, name: r.name, field: r.field, status: r.status, hasDraft: r.has_draft, ownerUnitId: r.owner_unit_id,
      latestVersion: r.number, updatedAt: r.updated_at.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

export function catalogAdminListRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/procedures/admin-list', {
    schema: {
      tags: ['catalogue'],
      summary: 'Procedures for administrators, drafts and abolished included / Danh sách thủ tục cho quản trị',
      querystring: Type.Object({ status: Type.Optional(StringEnum(statuses)), q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), ...PageQuery }),
      response: { 200: Page(AdminItem), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, catalogPolicy.manage);
    if (reach !== 'all' && !reach.length) throw forbidden();
    const q = request.query;
    return listForAdmins(ctx.database.db, reach, { status: q.status ?? 'all', q: q.q, cursor: q.cursor, limit: q.limit ?? 50 });
  });
}
