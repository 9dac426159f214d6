import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/fields.tsx';
import type { Problem } from '../../../components/formErrors.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { JourneyFrame } from '../JourneyFrame.tsx';
import { useStep, type Journey } from '../useJourney.ts';

const fieldIds = { 'contact.phone': 'contact-phone', 'contact.email': 'contact-email' };

function check(phone: string, email: string): Problem[] {
  const problems: Problem[] = [];
  const digits = phone.replace(/[\s.-]/g, '');
  if (!digits) problems.push([fieldIds['contact.phone'], 'journey.contact.phoneMissing']);
  else if (!/^(\+?84|0)\d{9,10}$/.test(digits)) problems.push([fieldIds['contact.phone'], 'journey.contact.phoneInvalid']);
  if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.push([fieldIds['contact.email'], 'journey.contact.emailInvalid']);
  return problems;
}

/** How to reach the applicant: the phone is also the second factor of every lookup. */
export function ContactStep({ journey }: { journey: Journey }) {
  const { t } = useI18n();
  const { errors, back, saveAndContinue } = useStep(journey, 'lien-he', fieldIds);
  const [phone, setPhone] = useState(journey.draft.data.contact?.phone ?? '');
  const [email, setEmail] = useState(journey.draft.data.contact?.email ?? '');
  const title = t('journey.contact.title');
  const record = (next: { phone: string; email: string }) => journey.change({ contact: next });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saveAndContinue({ contact: { phone: phone.trim(), email: email.trim() } }, check(phone, email), fieldIds['contact.phone']);
  };
  return (
    <JourneyFrame title={title} caption={journey.procedure.name} back={back} errors={errors.summary} offline={journey.offline}>
      <h1>{title}</h1>
      <form onSubmit={submit} noValidate className="form">
        <TextField id={fieldIds['contact.phone']} label={t('journey.contact.phone')} hint={t('journey.contact.phoneHint')}
          error={errors.byField[fieldIds['contact.phone']]} type="tel" inputMode="tel" autoComplete="tel" width="half"
          value={phone} onChange={(e) => { setPhone(e.target.value); record({ phone: e.target.value, email }); }} />
        <TextField id={fieldIds['contact.email']} label={`${t('journey.contact.email')} (${t('common.optional').toLowerCase()})`}
          hint={t('journey.contact.emailHint')} error={errors.byField[fieldIds['contact.email']]} type="email" autoComplete="email" spellCheck={false}
          value={email} onChange={(e) => { setEmail(e.target.value); record({ phone, email: e.target.value }); }} />
        <button type="submit" className="button">{t('journey.continue')}</button>
      </form>
    </JourneyFrame>
  );
}
