import { useState, type ChangeEvent, type FormEvent } from 'react';
import { api, ApiError } from '../../../api.ts';
import type { Problem } from '../../../components/formErrors.ts';
import { Notice } from '../../../components/Notice.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { Link } from '../../../router.tsx';
import { useQuery } from '../../../useQuery.ts';
import type { CatalogueDocument, Draft, DraftData, MyResult } from '../../citizenTypes.ts';
import { fileSize } from '../../format.ts';
import { uploadFile } from '../../uploadFile.ts';
import { JourneyFrame } from '../JourneyFrame.tsx';
import { chosenCase, journeyPath } from '../journey.ts';
import { useStep, type Journey } from '../useJourney.ts';

const maxBytes = 10 * 1024 * 1024;
const accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const docId = (index: number) => `doc-${index}`;

/** The case's papers, uploaded one by one as soon as they are chosen (PDF, JPEG or PNG, checked by the server). */
export function DocumentsStep({ journey }: { journey: Journey }) {
  const { t } = useI18n();
  const chosen = chosenCase(journey.procedure, journey.draft.data.caseKey);
  const documents = (chosen?.documents ?? []).filter((d) => !d.presentOnly);
  const fieldIds = Object.fromEntries(documents.map((_, i) => [`documents.${i}`, docId(i)]));
  const { errors, back, saveAndContinue, showProblems, showApiError, clear } = useStep(journey, 'giay-to', fieldIds);
  const [uploading, setUploading] = useState<ReadonlySet<number>>(() => new Set());
  const mark = (index: number, on: boolean) => setUploading((s) => {
    const next = new Set(s);
    if (on) next.add(index); else next.delete(index);
    return next;
  });
  const [announce, setAnnounce] = useState('');
  const title = t('journey.documents.title');
  const current = journey.draft.data.documents ?? [];
  const fileOf = (name: string) => current.find((d) => d.name === name)?.fileId ?? null;
  const results = useMyResults();

  // From the latest answers, not this render's: two uploads may finish in either order.
  const setDocument = (name: string, fileId: string | null) => (data: DraftData): Partial<DraftData> =>
    ({ documents: [...(data.documents ?? []).filter((d) => d.name !== name), ...(fileId ? [{ name, fileId }] : [])] });

  const choose = async (index: number, doc: CatalogueDocument, event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > maxBytes) {
      showProblems([[docId(index), 'journey.documents.tooLarge']]);
      input.value = '';
      return;
    }
    mark(index, true);
    setAnnounce(t('journey.documents.uploading', { name: file.name }));
    try {
      const uploaded = await uploadFile(journey.draft.id, journey.draft.token, file);
      journey.addFile(uploaded);
      journey.change(setDocument(doc.name, uploaded.id));
      clear();
      setAnnounce(t('journey.documents.uploaded', { name: uploaded.name }));
      journey.save({}).catch(() => undefined); // the next "Continue" saves again if this one fails
    } catch (cause) {
      const error = cause instanceof ApiError ? new ApiError(cause.status, cause.code, cause.message, cause.messageVi) : cause;
      showApiError(error, docId(index));
      setAnnounce('');
    } finally {
      mark(index, false);
      input.value = '';
    }
  };

  const remove = (doc: CatalogueDocument) => {
    journey.change(setDocument(doc.name, null));
    setAnnounce(t('journey.documents.removed', { name: doc.name }));
  };

  const attach = async (index: number, doc: CatalogueDocument, fileId: string) => {
    mark(index, true);
    try {
      await journey.save({});
      const server = await api<Draft>('POST', `/api/v1/public/drafts/${journey.draft.id}/attach-result`, {
        headers: { 'x-draft-token': journey.draft.token }, body: { version: journey.draft.version, documentName: doc.name, fileId },
      }).catch(async (cause) => {
        if (cause instanceof ApiError && cause.code === 'stale_version') {
          const latest = await api<Draft>('GET', `/api/v1/public/drafts/${journey.draft.id}`, { headers: { 'x-draft-token': journey.draft.token } });
          return api<Draft>('POST', `/api/v1/public/drafts/${journey.draft.id}/attach-result`, {
            headers: { 'x-draft-token': journey.draft.token }, body: { version: latest.version, documentName: doc.name, fileId },
          });
        }
        throw cause;
      });
      journey.adopt(server);
      clear();
    } catch (cause) {
      showApiError(cause, docId(index));
    } finally {
      mark(index, false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = documents.flatMap((d, i) => (d.required && !fileOf(d.name) ? [[docId(i), 'journey.documents.missing'] as Problem] : []));
    void saveAndContinue({}, problems, docId(0));
  };

  if (!chosen) {
    return (
      <JourneyFrame title={title} caption={journey.procedure.name} back={back} errors={[]}>
        <h1>{title}</h1>
        <Notice kind="info"><p><Link to={journeyPath(journey.code, 'truong-hop')}>{t('journey.documents.chooseCase')}</Link></p></Notice>
      </JourneyFrame>
    );
  }

  return (
    <JourneyFrame title={title} caption={journey.procedure.name} back={back} errors={errors.summary} offline={journey.offline}>
      <h1>{title}</h1>
      <p>{t('journey.documents.lead')}</p>
      <p className="visually-hidden" aria-live="polite">{announce}</p>
      <form onSubmit={submit} noValidate className="form">
        {documents.map((doc, index) => {
          const fileId = fileOf(doc.name);
          const file = journey.files.find((f) => f.id === fileId);
          const error = errors.byField[docId(index)];
          const hintId = `${docId(index)}-hint`;
          const errorId = `${docId(index)}-error`;
          return (
            <div key={doc.name} className={`form-group upload${error ? ' form-group--error' : ''}`}>
              <label className="label" htmlFor={docId(index)}>{doc.name}</label>
              <div className="hint" id={hintId}>
                {doc.required ? t('journey.documents.required') : t('journey.documents.optional')} · {t('journey.documents.formats')}
              </div>
              {error && <p className="error-message" id={errorId}><span className="visually-hidden">{t('common.errorPrefix')}</span>{error}</p>}
              {fileId && (
                <p className="upload__file">
                  <span className="tag tag--success">{t('journey.documents.attached')}</span>{' '}
                  {file ? <a href={file.url} target="_blank" rel="noreferrer">{file.name}</a> : t('journey.documents.previousResult')}
                  {file && <span className="hint"> ({fileSize(file.size, 'vi')})</span>}{' '}
                  <button type="button" className="link-button" onClick={() => remove(doc)}>
                    {t('journey.documents.remove')}<span className="visually-hidden"> {doc.name}</span>
                  </button>
                </p>
              )}
              <input id={docId(index)} type="file" className="file-input" accept={accept} aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
                aria-invalid={error ? true : undefined} onChange={(e) => void choose(index, doc, e)} />
              {uploading.has(index) && <p className="hint" role="status">{t('journey.documents.working')}</p>}
              {results.length > 0 && (
                <div className="upload__reuse">
                  <label className="label label--small" htmlFor={`${docId(index)}-reuse`}>{t('journey.documents.reuse')}</label>
                  <select id={`${docId(index)}-reuse`} className="select" defaultValue=""
                    onChange={(e) => { if (e.target.value) void attach(index, doc, e.target.value); }}>
                    <option value="">{t('journey.documents.reuseNone')}</option>
                    {results.map((r) => <option key={r.fileId} value={r.fileId}>{`${r.procedureName}${r.resultNumber ? ` — ${r.resultNumber}` : ''}`}</option>)}
                  </select>
                </div>
              )}
            </div>
          );
        })}
        <button type="submit" className="button">{t('journey.continue')}</button>
      </form>
    </JourneyFrame>
  );
}

/** A signed-in citizen's earlier results; nothing for everyone else. */
function useMyResults(): MyResult[] {
  const q = useQuery('me:results', (signal) => api<{ items: MyResult[] }>('GET', '/api/v1/me/results', { signal, quietUnauthorized: true }).catch(() => ({ items: [] })));
  return q.data?.items ?? [];
}
