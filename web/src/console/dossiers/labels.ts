// Words for the codes the dossier API returns (states, actions, roles, queues), in the interface language, and a
// few formatting helpers shared by the intake, queue and dossier pages.
import type { Translate } from '../../i18n/I18nProvider.tsx';
import type { Lang } from '../../i18n/lang.ts';
import { localeOf } from '../../i18n/lang.ts';
import { isMessageKey, type MessageKey } from '../../i18n/vi.ts';
import type { DossierDetail, QueueName } from './types.ts';

/** `prefix + code` when the dictionary has it, otherwise `fallback` (a code the page does not know yet). */
function known(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export function stateText(t: Translate, state: string | null): string {
  return state ? known(t, `dossiers.state.${state}`, state) : '—';
}

/** Actions of the timeline include intake outcomes (`intake.complete`…); the server's Vietnamese label is the fallback. */
export function actionText(t: Translate, action: string, serverLabel?: string): string {
  return known(t, `dossiers.action.${action}`, serverLabel ?? action);
}

export function roleText(t: Translate, role: string | null): string {
  return role ? known(t, `dossiers.role.${role}`, role) : '—';
}

export function queueText(t: Translate, queue: QueueName): string {
  return t(`dossiers.queue.${queue}` as MessageKey);
}

export function channelText(t: Translate, channel: string): string {
  return known(t, `dossiers.channel.${channel}`, channel);
}

export function classificationText(t: Translate, classification: string | null): string | null {
  return classification ? known(t, `dossiers.classification.${classification}`, classification) : null;
}

export function copyTypeText(t: Translate, copyType: string | null): string {
  return copyType ? known(t, `dossiers.copyType.${copyType}`, copyType) : '—';
}

export function formatVnd(amount: number, lang: Lang): string {
  return `${new Intl.NumberFormat(localeOf(lang)).format(amount)} đ`;
}

/** A `datetime-local` value (read as Vietnam's time, whatever the browser's zone) as RFC 3339. */
export function vietnamInstant(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+07:00`;
}

/** An instant as a `datetime-local` value in Vietnam's time. */
export function vietnamLocalValue(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

export interface PrintableForm {
  number: '01' | '02' | '03' | '04' | '05';
  key: MessageKey;
}

/** The one-stop forms that make sense for this dossier (each is a PDF the server renders from the data). */
export function formsFor(d: Pick<DossierDetail, 'code' | 'state' | 'receivedAt' | 'supplementRounds' | 'apologyCount'>): PrintableForm[] {
  const forms: PrintableForm[] = [];
  if (d.code) forms.push({ number: '01', key: 'dossiers.form.01' });
  if (d.state === 'intake_incomplete' || d.supplementRounds.length > 0) forms.push({ number: '02', key: 'dossiers.form.02' });
  if (d.state === 'intake_refused' || d.state === 'refused') forms.push({ number: '03', key: 'dossiers.form.03' });
  if (d.apologyCount > 0) forms.push({ number: '04', key: 'dossiers.form.04' });
  if (d.receivedAt) forms.push({ number: '05', key: 'dossiers.form.05' });
  return forms;
}

export function formUrl(dossierId: string, number: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(dossierId)}/forms/${number}.pdf`;
}

export const dossierRoles = ['desk_officer', 'specialist', 'leader', 'unit_admin', 'system_admin', 'report_viewer'] as const;
