import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.ts';
import type { Schema } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { accountLocked } from './users.ts';

export const maxFailedLogins = 5;
export const lockMinutes = 15;

const wrongCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Wrong username or password.', 'Sai tên đăng nhập hoặc mật khẩu.');

interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Officials sign in with their username; citizens with their phone number or email. */
async function findAccount(db: Kysely<Schema>, login: string) {
  const lowered = login.trim().toLowerCase();
  return db
    .selectFrom('users')
    .select(['id', 'kind', 'username', 'full_name', 'password_hash', 'active', 'failed_logins', 'locked_until', 'unit_id'])
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['username']), '=', lowered),
        eb.and([eb('kind', '=', 'citizen'), eb.or([eb('phone', '=', login.trim()), eb(eb.fn('lower', ['email']), '=', lowered)])]),
      ]),
    )
    .executeTakeFirst();
}

export async function login(db: Kysely<Schema>, loginName: string, password: string, now: Date, meta: LoginMeta) {
  const account = await findAccount(db, loginName);
  if (!account) {
    await verifyPassword(await dummyPasswordHash(), password); // same cost whether or not the account exists
    throw wrongCredentials();
  }
  if (account.locked_until && account.locked_until.getTime() > now.getTime()) throw accountLocked();
  const ok = account.active && (await verifyPassword(account.password_hash, password));
  const actor = { actorId: account.id, actorLabel: account.username ?? account.full_name, requestId: meta.requestId, ip: meta.ip };
  if (!ok) {
    const failed = account.failed_logins + 1;
    const lock = failed >= maxFailedLogins;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failed, locked_until: lock ? new Date(now.getTime() + lockMinutes * 60_000) : null })
        .where('id', '=', account.id)
        .execute();
      await audit(trx, actor, { action: lock ? 'auth.locked' : 'auth.login_failed', subjectType: 'user', subjectId: account.id, unitId: account.unit_id });
    });
    throw lock ? accountLocked() : wrongCredentials();
  }
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
    const session = await createSession(trx, account.id, now, meta);
    await audit(trx, actor, { action: 'auth.login', subjectType: 'user', subjectId: account.id, unitId: account.unit_id });
    return { userId: account.id, ...session };
  });
}
