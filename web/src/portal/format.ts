// Small display helpers of the citizen pages.
import type { Lang } from '../i18n/lang.ts';
import type { Translate } from '../i18n/I18nProvider.tsx';
import type { CatalogueFee } from './citizenTypes.ts';

export function formatMoney(amountVnd: number, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(amountVnd)} ${lang === 'vi' ? 'đồng' : 'VND'}`;
}

export function feeText(fee: CatalogueFee, t: Translate, lang: Lang): string {
  if (fee.free || fee.status === 'free' || fee.amountVnd === 0) return t('citizen.fee.free');
  if (fee.amountVnd !== null) {
    const amount = formatMoney(fee.amountVnd, lang);
    const per = fee.per ? ` / ${fee.per}` : '';
    const online = fee.onlineDiscountPercent ? ` (${t('citizen.fee.onlineDiscount', { percent: fee.onlineDiscountPercent })})` : '';
    return `${fee.name ? `${fee.name}: ` : ''}${amount}${per}${online}`;
  }
  return fee.feeText ?? t('citizen.fee.unknown');
}

export function fileSize(bytes: number, lang: Lang): string {
  const fmt = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt.format(bytes / 1024 / 1024)} MB`;
  return `${fmt.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
