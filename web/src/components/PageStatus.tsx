// Whole-page states while a page's main record loads or fails: still one h1 and a page title.
import type { ApiError } from '../api.ts';
import { ApiErrorNotice, Loading } from './Notice.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function LoadingPage({ title }: { title: string }) {
  usePageTitle(title);
  return <><h1>{title}</h1><Loading /></>;
}

export function ErrorPage({ title, error }: { title: string; error: ApiError }) {
  usePageTitle(title, true);
  return <><h1>{title}</h1><ApiErrorNotice error={error} /></>;
}
