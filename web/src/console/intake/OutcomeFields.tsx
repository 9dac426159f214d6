import { Checkbox, Radio, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { MissingItemsEditor, TextArea } from '../dossiers/formParts.tsx';
import type { IntakeOutcome } from '../dossiers/types.ts';
import { ids, missingOf, type IntakeValues } from './intakeForm.ts';

interface Props {
  values: IntakeValues;
  onChange: (values: IntakeValues) => void;
  errors: Record<string, string>;
  onTheSpot: boolean;
  shortcut: string;
}

const outcomes: IntakeOutcome[] = ['complete', 'incomplete', 'refused'];

/**
 * The result of checking the dossier at the counter. Each choice reveals what it needs right below it (GOV.UK
 * conditional radios): the list of missing documents for form 02, the reasons for form 03, "finish now" for
 * on-the-spot procedures.
 */
export function OutcomeFields({ values, onChange, errors, onTheSpot, shortcut }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof IntakeValues>(field: K, value: IntakeValues[K]) => onChange({ ...values, [field]: value });
  const defaultReason = t('intake.missingDefaultReason');

  return (
    <fieldset className="fieldset intake__section" aria-describedby="intake-outcome-hint">
      <legend className="legend legend--section">
        {t('intake.outcomeHeading')} <kbd className="shortcut" aria-hidden="true">{shortcut}</kbd>
      </legend>
      <p className="hint" id="intake-outcome-hint">{t('intake.outcomeHint')}</p>
      <div className="radios">
        {outcomes.map((outcome) => (
          <div key={outcome}>
            <Radio id={`intake-outcome-${outcome}`} name="intake-outcome" label={t(`intake.outcome.${outcome}`)}
              aria-keyshortcuts={outcome === values.outcome ? shortcut : undefined}
              checked={values.outcome === outcome} onChange={() => set('outcome', outcome)} />
            {values.outcome === outcome && outcome === 'complete' && onTheSpot && (
              <div className="conditional">
                <Checkbox id={ids.finishNow} label={t('intake.finishNow')} hint={t('intake.finishNowHint')} checked={values.finishNow}
                  onChange={(e) => set('finishNow', e.target.checked)} />
                {values.finishNow && (
                  <TextField id={ids.resultNumber} label={t('intake.resultNumber')} hint={t('common.optional')} width="half"
                    autoComplete="off" error={errors[ids.resultNumber]} value={values.resultNumber}
                    onChange={(e) => set('resultNumber', e.target.value)} />
                )}
              </div>
            )}
            {values.outcome === outcome && outcome === 'incomplete' && (
              <div className="conditional">
                <MissingItemsEditor prefix="intake-missing" legend={t('intake.missingHeading')} hint={t('intake.missingHint')}
                  items={missingOf(values, defaultReason)} onChange={(missing) => set('missing', missing)} errors={errors} />
              </div>
            )}
            {values.outcome === outcome && outcome === 'refused' && (
              <div className="conditional">
                <TextArea id={ids.reasons} label={t('intake.reasons')} hint={t('intake.reasonsHint')} error={errors[ids.reasons]}
                  value={values.reasons} onChange={(e) => set('reasons', e.target.value)} />
              </div>
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
