import { hashPassword, randomPassword } from '../access/passwords.ts';
import type { Role } from '../access/roles.ts';
import { audit, systemActor } from '../audit/audit.ts';
import type { Database } from '../platform/db/engine.ts';
import { foldVietnamese } from '../platform/text.ts';
import { demoSuccessions, demoUnits } from './units.ts';
import { demoCitizen, demoUsers } from './users.ts';
import type { Transaction } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';

export interface DemoAccount {
  username: string;
  password: string;
  fullName: string;
  roles: Role[];
  unit: string;
}

export interface DemoContext {
  trx: Transaction<Schema>;
  unitIds: Map<string, string>;
  userIds: Map<string, string>;
  now: Date;
}

/** Later modules add their demo data (procedures, dossiers, questions…) through these hooks, in order. */
export type DemoSeeder = (ctx: DemoContext) => Promise<void>;

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** Seeds the demo province when the database has no units; returns the accounts with their one-time passwords. */
export async function seedDemo(
  database: Database,
  options: { password?: string; now?: Date; seeders?: DemoSeeder[] } = {},
): Promise<DemoAccount[] | null> {
  if (!(await isDatabaseEmpty(database))) return null;
  const now = options.now ?? new Date();
  const passwords = new Map(demoUsers.map((u) => [u.username, options.password ?? randomPassword()]));
  const citizenPassword = options.password ?? randomPassword();
  const hashes = new Map<string, string>();
  for (const [username, password] of passwords) hashes.set(username, await hashPassword(password));
  const citizenHash = await hashPassword(citizenPassword);
  const actor = systemActor('seed-demo');

  await database.db.transaction().execute(async (trx) => {
    const unitIds = new Map<string, string>();
    for (const u of demoUnits) {
      const row = await trx
        .insertInto('units')
        .values({
          code: u.code ?? null, agency_code: u.agencyCode ?? null, kind: u.kind, name: u.name, full_name: u.fullName,
          name_folded: foldVietnamese(u.name), parent_id: u.parent ? unitIds.get(u.parent)! : null,
          valid_from: u.validFrom ?? null, valid_to: u.validTo ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(u.key, row.id);
      await audit(trx, actor, { action: 'unit.create', subjectType: 'unit', subjectId: row.id, unitId: row.id, after: u });
    }
    for (const s of demoSuccessions) {
      await trx.insertInto('unit_successions').values({
        predecessor_id: unitIds.get(s.from)!, successor_id: unitIds.get(s.to)!, effective_on: s.on, note: 'Nghị quyết 1658/NQ-UBTVQH15',
      }).execute();
      await audit(trx, actor, { action: 'unit.succession', subjectType: 'unit', subjectId: unitIds.get(s.from)!, after: s });
    }
    const userIds = new Map<string, string>();
    for (const u of demoUsers) {
      const row = await trx
        .insertInto('users')
        .values({
          kind: 'official', username: u.username, full_name: u.fullName, full_name_folded: foldVietnamese(u.fullName),
          unit_id: unitIds.get(u.unit)!, password_hash: hashes.get(u.username)!,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(u.username, row.id);
      await trx.insertInto('role_grants').values(u.grants.map((g) => ({ user_id: row.id, role: g.role, unit_id: unitIds.get(g.unit)! }))).execute();
      await audit(trx, actor, { action: 'user.create', subjectType: 'user', subjectId: row.id, unitId: unitIds.get(u.unit)!, after: { username: u.username, grants: u.grants } });
    }
    const citizen = await trx
      .insertInto('users')
      .values({
        kind: 'citizen', full_name: demoCitizen.fullName, full_name_folded: foldVietnamese(demoCitizen.fullName),
        phone: demoCitizen.phone, email: demoCitizen.email, password_hash: citizenHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    userIds.set(demoCitizen.phone, citizen.id);
    await audit(trx, actor, { action: 'user.create', subjectType: 'user', subjectId: citizen.id, after: { phone: demoCitizen.phone } });
    for (const seeder of options.seeders ?? []) await seeder({ trx, unitIds, userIds, now });
  });

  const unitName = new Map(demoUnits.map((u) => [u.key, u.fullName]));
  return [
    ...demoUsers.map((u) => ({
      username: u.username, password: passwords.get(u.username)!, fullName: u.fullName,
      roles: u.grants.map((g) => g.role), unit: unitName.get(u.unit)!,
    })),
    { username: demoCitizen.phone, password: citizenPassword, fullName: demoCitizen.fullName, roles: [], unit: 'Công dân / citizen' },
  ];
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const rows = accounts.map((a) => [a.username, a.password, a.roles.join(', ') || 'citizen', a.unit]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
  const line = (r: string[]) => `  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`;
  return [
    'Demo accounts (passwords are shown only once) / Tài khoản demo (mật khẩu chỉ hiển thị một lần):',
    line(['username', 'password', 'roles', 'unit']),
    ...rows.map(line),
  ].join('\n');
}
