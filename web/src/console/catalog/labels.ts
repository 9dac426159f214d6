// Message keys of the catalogue's enumerations, shared by the portal's catalogue and the console.
import type { Translate } from '../../i18n/I18nProvider.tsx';
import type { CopyType, DurationKind, OnlineLevel, ProcedureLevel, ProcessingTime, WorkflowAction } from './types.ts';

export const levelKey = (level: ProcedureLevel) => `catalog.level.${level}` as const;
export const onlineKey = (online: OnlineLevel) => `catalog.online.${online}` as const;
export const durationKey = (kind: DurationKind) => `catalog.duration.${kind}` as const;
export const copyTypeKey = (copyType: CopyType) => `catalog.copyType.${copyType}` as const;
export const actionKey = (action: WorkflowAction) => `catalog.action.${action}` as const;
export const statusKey = (status: 'draft' | 'published' | 'abolished') => `catalog.status.${status}` as const;

/** "20 ngày làm việc" / "20 working days" / "trong ngày". */
export function durationText(time: ProcessingTime, t: Translate): string {
  if (time.kind === 'same_day') return t('catalog.durationAmount.same_day');
  return t(`catalog.durationAmount.${time.kind}`, { amount: String(time.amount).replace('.', t('catalog.decimalSeparator')) });
}

