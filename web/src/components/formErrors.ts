// Errors of one form: a message per field (shown beside it) and the same messages in the summary at the top.
// The state keeps what went wrong (message keys, the API error), not text, so switching language re-renders it.
import { useCallback, useMemo, useState } from 'react';
import { asApiError, fieldErrorText, fieldName, type ApiError } from '../api.ts';
import { useI18n, type Translate } from '../i18n/I18nProvider.tsx';
import type { Lang } from '../i18n/lang.ts';
import type { MessageKey } from '../i18n/vi.ts';
import type { SummaryItem } from './ErrorSummary.tsx';

export interface FormErrors {
  byField: Record<string, string>;
  summary: SummaryItem[];
  any: boolean;
}

/** A client-side problem: the input's id and the message key. */
export type Problem = [fieldId: string, key: MessageKey];

type Source = { kind: 'none' } | { kind: 'client'; problems: Problem[] } | { kind: 'api'; error: ApiError; fieldId?: string };

export interface FormErrorState {
  errors: FormErrors;
  /** Shows the problems; returns true when there were any (so a submit handler can stop). */
  showProblems: (problems: Problem[]) => boolean;
  /** `fieldId`: the input that an error without field details is about (e.g. wrong credentials → username). */
  showApiError: (cause: unknown, fieldId?: string) => void;
  clear: () => void;
}

/** `fieldIds` maps the API's field names to this form's input ids. */
export function useFormErrors(fieldIds: Record<string, string>): FormErrorState {
  const { lang, t } = useI18n();
  const [source, setSource] = useState<Source>({ kind: 'none' });
  const errors = useMemo(() => render(source, fieldIds, lang, t), [source, fieldIds, lang, t]);
  const showProblems = useCallback((problems: Problem[]) => {
    setSource(problems.length ? { kind: 'client', problems } : { kind: 'none' });
    return problems.length > 0;
  }, []);
  const showApiError = useCallback((cause: unknown, fieldId?: string) =>
    setSource({ kind: 'api', error: asApiError(cause), fieldId }), []);
  const clear = useCallback(() => setSource({ kind: 'none' }), []);
  return { errors, showProblems, showApiError, clear };
}

function render(source: Source, fieldIds: Record<string, string>, lang: Lang, t: Translate): FormErrors {
  if (source.kind === 'none') return { byField: {}, summary: [], any: false };
  const items: SummaryItem[] = source.kind === 'client'
    ? source.problems.map(([fieldId, key]) => ({ fieldId, text: t(key) }))
    : apiItems(source.error, fieldIds, lang, source.fieldId);
  const byField: Record<string, string> = {};
  for (const item of items) if (item.fieldId && !byField[item.fieldId]) byField[item.fieldId] = item.text;
  return { byField, summary: items, any: items.length > 0 };
}

/** A field the form does not show is still listed in the summary, without a link. */
function apiItems(error: ApiError, fieldIds: Record<string, string>, lang: Lang, generalFieldId?: string): SummaryItem[] {
  if (!error.fields.length) return [{ fieldId: generalFieldId, text: error.text(lang) }];
  return error.fields.map((field) => ({ fieldId: fieldIds[fieldName(field)], text: fieldErrorText(field, lang) }));
}
