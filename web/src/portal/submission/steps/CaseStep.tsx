import { useState, type FormEvent } from 'react';
import { Fieldset, Radio } from '../../../components/fields.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { JourneyFrame } from '../JourneyFrame.tsx';
import { useStep, type Journey } from '../useJourney.ts';

const fieldIds = { caseKey: 'case' };

/** The case (trường hợp) that applies: its time, documents and fees differ. */
export function CaseStep({ journey }: { journey: Journey }) {
  const { t } = useI18n();
  const { errors, back, saveAndContinue } = useStep(journey, 'truong-hop', fieldIds);
  const [caseKey, setCaseKey] = useState(journey.draft.data.caseKey ?? '');
  const title = t('journey.case.title');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saveAndContinue({ caseKey: caseKey || null }, caseKey ? [] : [[fieldIds.caseKey, 'journey.case.missing']], fieldIds.caseKey);
  };
  return (
    <JourneyFrame title={title} caption={journey.procedure.name} back={back} errors={errors.summary} offline={journey.offline}>
      <form onSubmit={submit} noValidate className="form">
        <Fieldset id={fieldIds.caseKey} legend={<h1 className="legend-heading">{title}</h1>} error={errors.byField[fieldIds.caseKey]}>
          <div className="radios">
            {journey.procedure.cases.map((c, i) => (
              <Radio key={c.key} id={i === 0 ? fieldIds.caseKey : `case-${c.key}`} name="case" value={c.key}
                label={<>{c.name ?? String(i + 1)}{c.processingTime && <span className="hint"> — {c.processingTime.label}</span>}</>}
                checked={caseKey === c.key} onChange={() => { setCaseKey(c.key); journey.change({ caseKey: c.key }); }} />
            ))}
          </div>
        </Fieldset>
        <button type="submit" className="button">{t('journey.continue')}</button>
      </form>
    </JourneyFrame>
  );
}
