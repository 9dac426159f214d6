import { useState, type FormEvent } from 'react';
import { api } from '../../../api.ts';
import { Fieldset, Radio, SelectField } from '../../../components/fields.tsx';
import { ApiErrorNotice, Loading } from '../../../components/Notice.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useQuery } from '../../../useQuery.ts';
import type { ReceivingUnit } from '../../citizenTypes.ts';
import { JourneyFrame } from '../JourneyFrame.tsx';
import { useStep, type Journey } from '../useJourney.ts';

const fieldIds = { unitId: 'unit' };

/** Where to submit: the communes and wards that receive the procedure (radios when few, a list when many). */
export function UnitStep({ journey }: { journey: Journey }) {
  const { t } = useI18n();
  const { errors, back, saveAndContinue } = useStep(journey, 'noi-nop', fieldIds);
  const [unitId, setUnitId] = useState(journey.draft.data.unitId ?? '');
  const units = useQuery(`receiving:${journey.code}`, (signal) =>
    api<{ items: ReceivingUnit[] }>('GET', `/api/v1/public/procedures/${encodeURIComponent(journey.code)}/receiving-units`, { signal }));
  const items = units.data?.items ?? [];
  const title = t('journey.unit.title');

  const pick = (id: string) => {
    setUnitId(id);
    journey.change({ unitId: id || null });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saveAndContinue({ unitId: unitId || null }, unitId ? [] : [[fieldIds.unitId, 'journey.unit.missing']], fieldIds.unitId);
  };

  return (
    <JourneyFrame title={title} caption={journey.procedure.name} back={back} errors={errors.summary} offline={journey.offline}>
      <form onSubmit={submit} noValidate className="form">
        {units.error ? <ApiErrorNotice error={units.error} /> : !units.data ? <Loading /> : items.length <= 12 ? (
          <Fieldset id={fieldIds.unitId} legend={<h1 className="legend-heading">{title}</h1>} hint={t('journey.unit.hint')} error={errors.byField[fieldIds.unitId]}>
            <div className="radios">
              {items.map((u, i) => (
                <Radio key={u.id} id={i === 0 ? fieldIds.unitId : `unit-${u.id}`} name="unit" value={u.id} label={u.fullName}
                  checked={unitId === u.id} onChange={() => pick(u.id)} />
              ))}
            </div>
          </Fieldset>
        ) : (
          <>
            <h1>{title}</h1>
            <SelectField id={fieldIds.unitId} label={t('journey.unit.label')} hint={t('journey.unit.hint')} error={errors.byField[fieldIds.unitId]}
              value={unitId} onChange={(e) => pick(e.target.value)}
              options={[{ value: '', label: t('journey.unit.choose') }, ...items.map((u) => ({ value: u.id, label: u.fullName }))]} />
          </>
        )}
        <button type="submit" className="button">{t('journey.continue')}</button>
      </form>
    </JourneyFrame>
  );
}
