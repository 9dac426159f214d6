import type { Db } from '../../access/reach.ts';
import { formatLocal } from '../../calendar/index.ts';
import { notifyApplicant } from '../../notifications/notify.ts';
import type { WriteBatch } from '../../platform/db/batch.ts';
import { preferencesOf } from '../citizen/accounts/preferences.ts';
import type { DossierRow } from './tables.ts';

// Applicant notifications for dossier events, written to the outbox in the dossier's transaction.

type Template = 'dossier.received' | 'dossier.supplement_requested' | 'dossier.new_appointment' | 'dossier.result_ready' | 'dossier.returned';

export async function notifyDossierEvent(
  trx: Db, row: DossierRow, template: Template, unitName: string, now: Date, extra: Record<string, unknown> = {}, batch?: WriteBatch,
): Promise<void> {
  if (!row.applicant_email && !row.applicant_phone) return;
  const base = { code: row.code ?? '(chưa cấp mã)', procedure: row.procedure_name, applicantName: row.applicant_name, unitName };
  const params: Record<string, unknown> = { ...base, ...extra };
  if (template === 'dossier.received') {
    params.dueAt = row.appointment_at ? formatLocal(row.appointment_at) : null;
    params.secret = row.lookup_secret ?? undefined;
  }
  if (template === 'dossier.returned') params.returnedAt = formatLocal(row.returned_at ?? now);
  // A citizen account's notification choices apply to dossiers submitted from it.
  const prefs = await preferencesOf(trx, row.applicant_user_id);
  await notifyApplicant(trx, {
    template,
    params: params as never,
    locale: prefs.locale,
    email: prefs.notifyEmail ? row.applicant_email : null,
    phone: prefs.notifySms ? row.applicant_phone : null,
    unitId: row.unit_id,
    dedupeKey: `dossier:${row.id}:${template}:${row.version}`,
    now,
  }, batch);
}
