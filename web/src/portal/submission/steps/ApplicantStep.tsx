import { useState, type FormEvent } from 'react';
import { Fieldset, Radio, TextField } from '../../../components/fields.tsx';
import type { Problem } from '../../../components/formErrors.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { DraftData } from '../../citizenTypes.ts';
import { JourneyFrame } from '../JourneyFrame.tsx';
import { useStep, type Journey } from '../useJourney.ts';

type Applicant = NonNullable<DraftData['applicant']>;
const fieldIds = {
  'applicant.kind': 'applicant-kind', 'applicant.fullName': 'applicant-name', 'applicant.idNumber': 'applicant-id',
  'applicant.birthYear': 'applicant-birth-year', 'applicant.address': 'applicant-address',
};

function check(a: Applicant, birthYear: string): Problem[] {
  const problems: Problem[] = [];
  const person = (a.kind ?? 'person') === 'person';
  if (!a.fullName?.trim()) problems.push([fieldIds['applicant.fullName'], person ? 'journey.applicant.nameMissing' : 'journey.applicant.orgNameMissing']);
  if (person && !a.idNumber?.trim()) problems.push([fieldIds['applicant.idNumber'], 'journey.applicant.idMissing']);
  else if (person && !/^\d{12}$/.test(a.idNumber!.trim())) problems.push([fieldIds['applicant.idNumber'], 'journey.applicant.idInvalid']);
  if (birthYear.trim() && !/^(19|20)\d{2}$/.test(birthYear.trim())) problems.push([fieldIds['applicant.birthYear'], 'journey.applicant.birthYearInvalid']);
  return problems;
}

/** Who submits: name, citizen ID (checked against the birth year), address. */
export function ApplicantStep({ journey }: { journey: Journey }) {
  const { t } = useI18n();
  const { errors, back, saveAndContinue } = useStep(journey, 'nguoi-nop', fieldIds);
  const [a, setA] = useState<Applicant>({ kind: 'person', ...journey.draft.data.applicant });
  const [birthYear, setBirthYear] = useState(a.birthYear ? String(a.birthYear) : '');
  const title = t('journey.applicant.title');
  const person = (a.kind ?? 'person') === 'person';

  const update = (patch: Partial<Applicant>) => {
    const next = { ...a, ...patch };
    setA(next);
    journey.change({ applicant: next });
  };
  const changeYear = (value: string) => {
    setBirthYear(value);
    update({ birthYear: /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : null });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const applicant = { ...a, fullName: a.fullName?.trim(), idNumber: a.idNumber?.replace(/\s+/g, '') };
    void saveAndContinue({ applicant }, check(applicant, birthYear), fieldIds['applicant.fullName']);
  };

  return (
    <JourneyFrame title={title} caption={journey.procedure.name} back={back} errors={errors.summary} offline={journey.offline}>
      <h1>{title}</h1>
      <form onSubmit={submit} noValidate className="form">
        <Fieldset id={fieldIds['applicant.kind']} legend={t('journey.applicant.kind')}>
          <div className="radios radios--inline">
            <Radio id={fieldIds['applicant.kind']} name="kind" label={t('journey.applicant.person')} checked={person} onChange={() => update({ kind: 'person' })} />
            <Radio id="applicant-kind-organisation" name="kind" label={t('journey.applicant.organisation')} checked={!person} onChange={() => update({ kind: 'organisation' })} />
          </div>
        </Fieldset>
        <TextField id={fieldIds['applicant.fullName']} label={person ? t('journey.applicant.name') : t('journey.applicant.orgName')}
          error={errors.byField[fieldIds['applicant.fullName']]} autoComplete={person ? 'name' : 'organization'} spellCheck={false}
          value={a.fullName ?? ''} onChange={(e) => update({ fullName: e.target.value })} />
        {person && (
          <>
            <TextField id={fieldIds['applicant.idNumber']} label={t('journey.applicant.id')} hint={t('journey.applicant.idHint')}
              error={errors.byField[fieldIds['applicant.idNumber']]} inputMode="numeric" autoComplete="off" spellCheck={false} width="half"
              value={a.idNumber ?? ''} onChange={(e) => update({ idNumber: e.target.value })} />
            <TextField id={fieldIds['applicant.birthYear']} label={`${t('journey.applicant.birthYear')} (${t('common.optional').toLowerCase()})`}
              hint={t('journey.applicant.birthYearHint')} error={errors.byField[fieldIds['applicant.birthYear']]} inputMode="numeric" width="short"
              autoComplete="bday-year" value={birthYear} onChange={(e) => changeYear(e.target.value)} />
          </>
        )}
        <TextField id={fieldIds['applicant.address']} label={`${t('journey.applicant.address')} (${t('common.optional').toLowerCase()})`}
          hint={t('journey.applicant.addressHint')} autoComplete="street-address" value={a.address ?? ''} onChange={(e) => update({ address: e.target.value })} />
        <button type="submit" className="button">{t('journey.continue')}</button>
      </form>
    </JourneyFrame>
  );
}
