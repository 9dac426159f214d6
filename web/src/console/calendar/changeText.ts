import type { Translate } from '../../i18n/I18nProvider.tsx';
import type { ChangeAnswer } from './types.ts';

/**
 * What a calendar change did to open items: "Đã tính lại hạn của 3 hồ sơ đang giải quyết; 1 hồ sơ đổi ngày hẹn
 * trả." The server reports per module (dossiers, later petitions); modules other than dossiers are named as given.
 */
export function recomputedText(answer: ChangeAnswer, t: Translate): string {
  const parts = Object.entries(answer.recomputed).map(([module, { touched, changed }]) =>
    module === 'dossiers'
      ? t('calendar.recomputedDossiers', { touched, changed })
      : t('calendar.recomputedOther', { module, touched, changed }));
  return parts.length ? parts.join(' ') : t('calendar.recomputedNone');
}
