import type { Unit, UnitKind } from '../../api-types.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';

export const kindKey = (kind: UnitKind) => `unitKind.${kind}` as const;

/** "01/07/2025 – nay" / "from 01/07/2025"; empty when the unit has no dates. */
export function validityText(unit: Pick<Unit, 'validFrom' | 'validTo'>, t: Translate): string {
  if (!unit.validFrom && !unit.validTo) return '';
  const from = unit.validFrom ? formatDate(unit.validFrom) : '…';
  return unit.validTo ? `${from} – ${formatDate(unit.validTo)}` : t('units.validSince', { from });
}
