import type { Db } from '../../../access/reach.ts';

// A citizen account's notification choices. Without a row, everything is on and Vietnamese.

export interface Preferences {
  notifyEmail: boolean;
  notifySms: boolean;
  locale: 'vi' | 'en';
  version: number;
}

export const defaultPreferences: Preferences = { notifyEmail: true, notifySms: true, locale: 'vi', version: 0 };

export async function preferencesOf(db: Db, userId: string | null | undefined): Promise<Preferences> {
  if (!userId) return defaultPreferences;
  const row = await db.selectFrom('citizen_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row ? { notifyEmail: row.notify_email, notifySms: row.notify_sms, locale: row.locale, version: row.version } : defaultPreferences;
}

export async function lockPreferences(db: Db, userId: string): Promise<Preferences> {
  const row = await db.selectFrom('citizen_preferences').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();
  return row ? { notifyEmail: row.notify_email, notifySms: row.notify_sms, locale: row.locale, version: row.version } : defaultPreferences;
}

export async function writePreferences(db: Db, userId: string, p: Omit<Preferences, 'version'>, version: number, now: Date): Promise<Preferences> {
  const values = { notify_email: p.notifyEmail, notify_sms: p.notifySms, locale: p.locale, version: version + 1, updated_at: now };
  const row = await db.insertInto('citizen_preferences').values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values)).returningAll().executeTakeFirstOrThrow();
  return { notifyEmail: row.notify_email, notifySms: row.notify_sms, locale: row.locale, version: row.version };
}
