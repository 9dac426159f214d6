// Errors of a page with several forms (a procedure's page: its information, each case, publishing…): one error
// summary at the top, each message linked to its input. Unlike useFormErrors, an API error comes with a function
// that finds the input of each field, because the inputs of a case depend on the case and its rows.
import { useCallback, useMemo, useState } from 'react';
import { asApiError, fieldErrorText, fieldName, type ApiError } from '../../api.ts';
import type { FormErrors, Problem } from '../../components/formErrors.ts';
import type { SummaryItem } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The input id for an API field name (`cases[0].processingTime`, `documents.2.name`…), when the page shows it. */
export type Locate = (field: string) => string | undefined;

type Source =
  | { kind: 'none' }
  | { kind: 'client'; problems: Problem[] }
  | { kind: 'api'; error: ApiError; locate: Locate; generalFieldId?: string };

export interface PageProblems {
  errors: FormErrors;
  showProblems: (problems: Problem[]) => boolean;
  showApiError: (cause: unknown, locate?: Locate, generalFieldId?: string) => void;
  clear: () => void;
}

const nowhere: Locate = () => undefined;

export function usePageProblems(): PageProblems {
  const { lang, t } = useI18n();
  const [source, setSource] = useState<Source>({ kind: 'none' });
  const errors = useMemo<FormErrors>(() => {
    if (source.kind === 'none') return { byField: {}, summary: [], any: false };
    let items: SummaryItem[];
    if (source.kind === 'client') items = source.problems.map(([fieldId, key]) => ({ fieldId, text: t(key) }));
    else if (!source.error.fields.length) items = [{ fieldId: source.generalFieldId, text: source.error.text(lang) }];
    else items = source.error.fields.map((f) => ({ fieldId: source.locate(fieldName(f)), text: fieldErrorText(f, lang) }));
    const byField: Record<string, string> = {};
    for (const item of items) if (item.fieldId && !byField[item.fieldId]) byField[item.fieldId] = item.text;
    return { byField, summary: items, any: items.length > 0 };
  }, [source, lang, t]);
  const showProblems = useCallback((problems: Problem[]) => {
    setSource(problems.length ? { kind: 'client', problems } : { kind: 'none' });
    return problems.length > 0;
  }, []);
  const showApiError = useCallback((cause: unknown, locate: Locate = nowhere, generalFieldId?: string) =>
    setSource({ kind: 'api', error: asApiError(cause), locate, generalFieldId }), []);
  const clear = useCallback(() => setSource({ kind: 'none' }), []);
  return { errors, showProblems, showApiError, clear };
}

/** `cases[2].fees[1]` and `cases.2.fees.1.amountVnd` alike → ['cases', '2', 'fees', '1', 'amountVnd']. */
export function fieldPath(field: string): string[] {
  return field.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
}

export const isStale = (cause: unknown) => {
  const error = asApiError(cause);
  return error.status === 409 && error.code === 'stale_version';
};
