import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { Checkbox, Fieldset, Radio } from '../../components/fields.tsx';
import { useFormErrors } from '../../components/formErrors.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ApiErrorNotice, Loading, Notice } from '../../components/Notice.tsx';
import { LoadingPage } from '../../components/PageStatus.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import type { MyDossier, MyDraft, MyResult, Preferences } from '../citizenTypes.ts';
import { RatingQuestions, ratingFieldIds, type RatingDraft } from '../ratings/RatingQuestions.tsx';
import { readLocalDraft, writeLocalDraft } from '../submission/draftStore.ts';
import { journeyPath } from '../submission/journey.ts';
import { useCitizen } from './useCitizen.ts';

/** "My account": my dossiers (rate the returned ones), my drafts, my results, my notification choices. */
export function AccountPage() {
  const { t } = useI18n();
  const { state, signOut } = useCitizen();
  useEffect(() => {
    if (state.status === 'anonymous') navigate('/tai-khoan/dang-nhap?tiep=/tai-khoan', { replace: true });
  }, [state.status]);
  if (state.status === 'failed') return <><h1>{t('account.title')}</h1><ApiErrorNotice error={state.error} /></>;
  if (state.status !== 'signed-in') return <LoadingPage title={t('account.title')} />;
  if (state.user.kind !== 'citizen') {
    return <AccountFrame name={state.user.fullName}><Notice kind="info"><p>{t('account.officialHere')} <Link to="/can-bo">{t('nav.staff')}</Link></p></Notice></AccountFrame>;
  }
  return (
    <AccountFrame name={state.user.fullName}>
      <p><button type="button" className="button button--secondary button--small" onClick={() => void signOut().then(() => navigate('/'))}>{t('console.signOut')}</button></p>
      <MyDossiers />
      <MyDrafts />
      <MyResults />
      <MyPreferences />
    </AccountFrame>
  );
}

function AccountFrame({ name, children }: { name: string; children: React.ReactNode }) {
  const { t } = useI18n();
  usePageTitle(t('account.title'));
  return <><h1>{t('account.title')}</h1><p className="lead">{t('consoleHome.welcome', { name })}</p>{children}</>;
}

function MyDossiers() {
  const { t, lang, pick } = useI18n();
  const q = useQuery('me:dossiers', (signal) => api<{ items: MyDossier[] }>('GET', '/api/v1/me/dossiers', { signal }));
  const [rating, setRating] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="my-dossiers">
      <h2 id="my-dossiers">{t('account.dossiers')}</h2>
      {q.error ? <ApiErrorNotice error={q.error} /> : !q.data ? <Loading /> : !q.data.items.length ? <p>{t('account.noDossiers')}</p> : (
        <ul className="result-list">
          {q.data.items.map((d) => (
            <li key={d.id} className="result-list__item">
              <h3 className="result-list__title">{d.procedureName}</h3>
              <dl className="inline-facts">
                <div><dt>{d.code ? t('lookup.code') : t('account.reference')}</dt><dd>{d.code ?? d.reference ?? '—'}</dd></div>
                <div><dt>{t('lookup.status')}</dt><dd>{pick(d.statusLabel, d.statusLabelEn)}</dd></div>
                {d.dueAt && <div><dt>{t('lookup.dueAt')}</dt><dd>{formatDateTime(d.dueAt, lang)}</dd></div>}
              </dl>
              {d.rated && <p className="hint">{t('account.rated')}</p>}
              {d.canRate && rating !== d.id && (
                <button type="button" className="button button--secondary button--small" onClick={() => setRating(d.id)}>
                  {t('account.rate')}<span className="visually-hidden"> {d.procedureName}</span>
                </button>
              )}
              {rating === d.id && <AccountRating dossierId={d.id} onDone={() => { setRating(null); q.reload(); }} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AccountRating({ dossierId, onDone }: { dossierId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState<RatingDraft>({});
  const { errors, showProblems, showApiError } = useFormErrors(ratingFieldIds);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (showProblems(value.attitude ? [] : [[ratingFieldIds.attitude, 'rating.attitudeMissing']])) return;
    try {
      await api('POST', `/api/v1/me/dossiers/${dossierId}/rating`, { body: { ...value, comment: value.comment?.trim() || null } });
      onDone();
    } catch (cause) {
      showApiError(cause);
    }
  };
  return (
    <div className="panel">
      <ErrorSummary items={errors.summary} />
      <form onSubmit={submit} noValidate className="form">
        <RatingQuestions value={value} onChange={setValue} errors={errors.byField} />
        <button type="submit" className="button">{t('rating.submit')}</button>
      </form>
    </div>
  );
}

function MyDrafts() {
  const { t, lang } = useI18n();
  const q = useQuery('me:drafts', (signal) => api<{ items: MyDraft[] }>('GET', '/api/v1/me/drafts', { signal }));
  const resume = (d: MyDraft) => {
    if (!d.procedureCode) return;
    const local = readLocalDraft(d.procedureCode);
    // Another device's draft: this account holds it, no token needed.
    if (!local || local.id !== d.id) {
      writeLocalDraft(d.procedureCode, { id: d.id, token: '', version: 0, data: {}, dirty: false, idempotencyKey: `resume-${d.id}` });
    }
    navigate(journeyPath(d.procedureCode));
  };
  return (
    <section className="section" aria-labelledby="my-drafts">
      <h2 id="my-drafts">{t('account.drafts')}</h2>
      {q.error ? <ApiErrorNotice error={q.error} /> : !q.data ? <Loading /> : !q.data.items.length ? <p>{t('account.noDrafts')}</p> : (
        <ul className="link-list">
          {q.data.items.map((d) => (
            <li key={d.id}>
              <button type="button" className="link-button" onClick={() => resume(d)}>{t('account.resumeDraft', { code: d.procedureCode ?? '' })}</button>
              <span className="hint"> — {t('account.savedAt', { date: formatDateTime(d.updatedAt, lang) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MyResults() {
  const { t } = useI18n();
  const q = useQuery('me:results', (signal) => api<{ items: MyResult[] }>('GET', '/api/v1/me/results', { signal }));
  return (
    <section className="section" aria-labelledby="my-results">
      <h2 id="my-results">{t('account.results')}</h2>
      <p className="hint">{t('account.resultsHint')}</p>
      {q.error ? <ApiErrorNotice error={q.error} /> : !q.data ? <Loading /> : !q.data.items.length ? <p>{t('account.noResults')}</p> : (
        <ul className="link-list">
          {q.data.items.map((r) => (
            <li key={r.fileId}><a href={r.url} download={r.fileName}>{r.procedureName}{r.resultNumber ? ` — ${r.resultNumber}` : ''}</a> <span className="hint">({r.fileName})</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MyPreferences() {
  const { t } = useI18n();
  const q = useQuery('me:preferences', (signal) => api<Preferences>('GET', '/api/v1/me/preferences', { signal }));
  const [form, setForm] = useState<Preferences | null>(null);
  const [saved, setSaved] = useState(false);
  const { errors, showApiError, clear } = useFormErrors({});
  useEffect(() => { if (q.data) setForm(q.data); }, [q.data]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setSaved(false);
    try {
      setForm(await api<Preferences>('PUT', '/api/v1/me/preferences', { body: form }));
      clear();
      setSaved(true);
    } catch (cause) {
      showApiError(cause);
    }
  };
  return (
    <section className="section" aria-labelledby="my-preferences">
      <h2 id="my-preferences">{t('account.preferences')}</h2>
      {q.error ? <ApiErrorNotice error={q.error} /> : !form ? <Loading /> : (
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary items={errors.summary} />
          {saved && <Notice kind="success"><p>{t('account.preferencesSaved')}</p></Notice>}
          <Fieldset id="pref-channels" legend={t('account.channels')}>
            <Checkbox id="pref-email" label={t('account.byEmail')} checked={form.notifyEmail} onChange={(e) => setForm({ ...form, notifyEmail: e.target.checked })} />
            <Checkbox id="pref-sms" label={t('account.bySms')} checked={form.notifySms} onChange={(e) => setForm({ ...form, notifySms: e.target.checked })} />
          </Fieldset>
          <Fieldset id="pref-locale" legend={t('account.locale')}>
            <div className="radios radios--inline">
              <Radio id="pref-locale" name="locale" label="Tiếng Việt" lang="vi" checked={form.locale === 'vi'} onChange={() => setForm({ ...form, locale: 'vi' })} />
              <Radio id="pref-locale-en" name="locale" label="English" lang="en" checked={form.locale === 'en'} onChange={() => setForm({ ...form, locale: 'en' })} />
            </div>
          </Fieldset>
          <button type="submit" className="button">{t('common.save')}</button>
        </form>
      )}
    </section>
  );
}
