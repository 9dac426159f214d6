import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { compiledOnce } from '../platform/db/compiled.ts';
import type { Db } from './reach.ts';
import { isRole, type Caller, type RoleGrant } from './roles.ts';

// Sessions and API tokens are random secrets; only their SHA-256 hashes are stored.

export const sessionIdleMs = 12 * 60 * 60 * 1000;
const touchEveryMs = 5 * 60 * 1000;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

export async function createSession(db: Db, userId: string, now: Date, meta: { ip: string | null; userAgent: string | null }) {
  const token = secret();
  const csrfToken = secret();
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + sessionIdleMs),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function grantsOf(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom('role_grants').select(['role', 'unit_id']).where('user_id', '=', userId).execute();
  return rows.filter((r) => isRole(r.role)).map((r) => ({ role: r.role as RoleGrant['role'], unitId: r.unit_id }));
}

export async function callerFromSession(db: Db, token: string, now: Date): Promise<Caller | null> {
  const hash = sha256(token);
  const [row] = await sessionByHash(db, hash);
  if (!row || !row.active || row.expires_at.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.last_seen_at.getTime() > touchEveryMs) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + sessionIdleMs) })
      .where('token_hash', '=', hash)
      .execute();
  }
  return callerOf(row, { csrfToken: row.csrf_token, via: 'session', sessionHash: hash });
}

type AccountRow = { id: string; kind: 'official' | 'citizen'; username: string | null; full_name: string; unit_id: string | null; grants: { role: string; unitId: string }[] | null };

/** The user's grants read with the session or token row itself: every authenticated request costs one round trip. */
const grantsColumn = sql<{ role: string; unitId: string }[] | null>`(select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id))
  from role_grants g where g.user_id = u.id)`.as('grants');

// Read on every authenticated request: compiled once (see compiled.ts).
const sessionByHash = compiledOnce((db, hash: string) => db
  .selectFrom('sessions as s')
  .innerJoin('users as u', 'u.id', 's.user_id')
  .select(['u.id', 'u.kind', 'u.username', 'u.full_name', 'u.unit_id', 'u.active', 's.csrf_token', 's.expires_at', 's.last_seen_at', grantsColumn])
  .where('s.token_hash', '=', hash), ['session-hash']);

const apiTokenByHash = compiledOnce((db, hash: string) => db
  .selectFrom('api_tokens as t')
  .innerJoin('users as u', 'u.id', 't.user_id')
  .select(['t.id as token_id', 'u.id', 'u.kind', 'u.username', 'u.full_name', 'u.unit_id', 'u.active', 't.expires_at', 't.revoked_at', grantsColumn])
  .where('t.token_hash', '=', hash), ['token-hash']);

function callerOf(row: AccountRow, how: Pick<Caller, 'csrfToken' | 'via' | 'sessionHash'>): Caller {
  const grants = row.kind === 'official' ? (row.grants ?? []).filter((g) => isRole(g.role)) as RoleGrant[] : [];
  return { kind: row.kind, userId: row.id, username: row.username, fullName: row.full_name, unitId: row.unit_id, grants, ...how };
}

export async function createApiToken(db: Db, userId: string, name: string, expiresAt: Date | null) {
  const token = `gd_${secret()}`;
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: sha256(token), expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function callerFromApiToken(db: Db, token: string, now: Date): Promise<Caller | null> {
  const [row] = await apiTokenByHash(db, sha256(token));
  if (!row || !row.active || row.revoked_at || (row.expires_at && row.expires_at.getTime() <= now.getTime())) return null;
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
  return callerOf(row, { csrfToken: null, via: 'token', sessionHash: null });
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
