import { useEffect } from 'react';
import { api } from '../../api.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { ErrorPage, LoadingPage } from '../../components/PageStatus.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import type { ProcedureDetail } from '../citizenTypes.ts';
import { DonePage } from './DonePage.tsx';
import { isStep, journeyPath, type StepName } from './journey.ts';
import { ApplicantStep } from './steps/ApplicantStep.tsx';
import { CaseStep } from './steps/CaseStep.tsx';
import { CheckStep } from './steps/CheckStep.tsx';
import { ContactStep } from './steps/ContactStep.tsx';
import { DocumentsStep } from './steps/DocumentsStep.tsx';
import { UnitStep } from './steps/UnitStep.tsx';
import { useDraft } from './useDraft.ts';
import type { Journey } from './useJourney.ts';

/** `/nop-truc-tuyen/:code/:step`: one question per page, answers kept in the draft. */
export function SubmissionStepPage({ params }: { params: Record<string, string> }) {
  const { code, step } = params;
  if (step === 'da-nop') return <DonePage code={code} />;
  if (!isStep(step)) return <NotFoundPage />;
  return <StepLoader code={code} step={step} />;
}

function StepLoader({ code, step }: { code: string; step: StepName }) {
  const { t } = useI18n();
  const procedure = useQuery(`procedure:${code}`, (signal) => api<ProcedureDetail>('GET', `/api/v1/procedures/${encodeURIComponent(code)}`, { signal }));
  const { state, change, save, addFile, adopt } = useDraft(code);

  useEffect(() => {
    // No draft in this browser: the journey starts on its first page.
    if (state.status === 'none') navigate(journeyPath(code), { replace: true });
  }, [state.status, code]);

  if (procedure.error) return <ErrorPage title={t('journey.title')} error={procedure.error} />;
  if (state.status === 'submitted') return <DonePage code={code} reference={state.reference} />;
  if (!procedure.data || state.status !== 'ready') return <LoadingPage title={t('journey.title')} />;
  const journey: Journey = { code, procedure: procedure.data, draft: state.draft, files: state.files, offline: state.offline, change, save, addFile, adopt };
  switch (step) {
    case 'noi-nop': return <UnitStep journey={journey} />;
    case 'truong-hop': return <CaseStep journey={journey} />;
    case 'nguoi-nop': return <ApplicantStep journey={journey} />;
    case 'lien-he': return <ContactStep journey={journey} />;
    case 'giay-to': return <DocumentsStep journey={journey} />;
    default: return <CheckStep journey={journey} />;
  }
}
