import type { Db } from '../../access/reach.ts';
import { notifyApplicant } from '../../notifications/notify.ts';
import { isTemplateName, templateParamErrors, type TemplateName, type TemplateParams } from '../../notifications/templates.ts';
import { preferencesOf } from './accounts/preferences.ts';

// Messages the citizen side sends, written to the outbox in the same transaction as the change, on the channels
// the citizen gave and (with an account) agreed to.

export interface CitizenMessage {
  template: string;
  params: Record<string, unknown>;
  email: string | null;
  phone: string | null;
  userId: string | null;
  unitId: string;
  dedupeKey: string;
  now: Date;
}

/**
 * Enqueues the message when the template exists and accepts the params; returns false (nothing sent) otherwise.
 * The online-submission notice uses a template the notifications module may not have yet: until it does, the
 * citizen still gets the reference and secret on screen, and the dossier code by email once the desk accepts.
 */
export async function sendCitizenMessage(trx: Db, m: CitizenMessage): Promise<boolean> {
  if (!isTemplateName(m.template) || templateParamErrors(m.template, m.params).length) return false;
  const prefs = await preferencesOf(trx, m.userId);
  const template = m.template as TemplateName;
  await notifyApplicant(trx, {
    template,
    params: m.params as TemplateParams<typeof template>,
    email: prefs.notifyEmail ? m.email : null,
    phone: prefs.notifySms ? m.phone : null,
    locale: prefs.locale,
    unitId: m.unitId,
    dedupeKey: m.dedupeKey,
    now: m.now,
  });
  return true;
}
