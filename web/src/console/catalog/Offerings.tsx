import { useState, type FormEvent } from 'react';
import { Checkbox } from '../../components/fields.tsx';
import type { Problem } from '../../components/formErrors.ts';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { actionIds } from './ids.ts';
import { SavedStatus } from './SavedStatus.tsx';
import type { Offering } from './types.ts';

export interface OfferingCommands {
  offer: (unitId: string, includeDescendants: boolean, regardlessOfBoundary: boolean) => Promise<boolean>;
  withdraw: (unitId: string) => Promise<boolean>;
}

/** Which units receive the procedure: one unit, or every commune and ward below it; optionally "phi địa giới". */
export function Offerings({ offerings, errors, check, commands }: {
  offerings: Offering[]; errors: Record<string, string>; check: (problems: Problem[]) => boolean; commands: OfferingCommands;
}) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [below, setBelow] = useState(true);
  const [anywhere, setAnywhere] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ count: number; text: string }>({ count: 0, text: '' });
  const pickerId = actionIds.offerUnit;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || check(unit ? [] : [[`${pickerId}-search`, 'catalog.offerUnitMissing']])) return;
    setBusy(true);
    const ok = await commands.offer(unit!.id, below, anywhere);
    setBusy(false);
    if (ok) {
      setDone((d) => ({ count: d.count + 1, text: t('catalog.offered', { unit: unit!.fullName }) }));
      setUnit(null);
    }
  };
  const withdraw = async (offering: Offering) => {
    if (await commands.withdraw(offering.unitId)) setDone((d) => ({ count: d.count + 1, text: t('catalog.withdrawn', { unit: offering.unitName }) }));
  };

  return (
    <>
      {offerings.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('catalog.offerings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.offerUnit')}</th>
                <th scope="col">{t('catalog.offerBelow')}</th>
                <th scope="col">{t('catalog.offerAnywhere')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {offerings.map((o) => (
                <tr key={o.unitId}>
                  <td>{o.unitName}</td>
                  <td>{o.includeDescendants ? t('catalog.yes') : t('catalog.no')}</td>
                  <td>{o.regardlessOfBoundary ? t('catalog.yes') : t('catalog.no')}</td>
                  <td>
                    <button type="button" className="button button--warning button--small" onClick={() => void withdraw(o)}>
                      {t('catalog.withdraw', { unit: o.unitName })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>{t('catalog.noOfferings')}</p>}
      <form onSubmit={submit} noValidate className="form">
        <UnitPicker id={pickerId} legend={t('catalog.offerAdd')} hint={t('catalog.offerHint')} error={errors[`${pickerId}-search`]}
          value={unit} onChange={setUnit} />
        <Checkbox id="offer-below" label={t('catalog.offerBelowLabel')} checked={below} onChange={(e) => setBelow(e.target.checked)} />
        <Checkbox id="offer-anywhere" label={t('catalog.offerAnywhereLabel')} hint={t('catalog.offerAnywhereHint')} checked={anywhere}
          onChange={(e) => setAnywhere(e.target.checked)} />
        <button type="submit" className="button button--secondary">{busy ? t('common.working') : t('catalog.offerSubmit')}</button>
        <SavedStatus count={done.count} text={done.text} />
      </form>
    </>
  );
}
