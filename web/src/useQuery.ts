// Loading data for a page: the latest request wins, unmounting cancels, errors arrive as ApiError.
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from './api.ts';
import type { Page } from './api-types.ts';

const aborted = (cause: unknown) => cause instanceof DOMException && cause.name === 'AbortError';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** `key` changes when the request changes (e.g. the URL's query): then the data is fetched again. */
export function useQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => setState({ data, loading: false }),
      (cause: unknown) => { if (!aborted(cause)) setState({ error: asApiError(cause), loading: false }); },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface PagedState<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  error: ApiError | undefined;
  loadMore: () => void;
  reload: () => void;
}

/** A list read page by page through the API's `nextCursor`, with a "load more" action. */
export function usePagedList<T>(key: string, loadPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>): PagedState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const controllerRef = useRef<AbortController | null>(null);

  const fetchPage = useCallback((from: string | null, append: boolean) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    setError(undefined);
    loadRef.current(from, controller.signal).then(
      (page) => {
        setItems((previous) => (append ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (cause: unknown) => {
        if (aborted(cause)) return;
        setError(asApiError(cause));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    setItems([]);
    fetchPage(null, false);
    return () => controllerRef.current?.abort();
  }, [key, generation, fetchPage]);

  return {
    items,
    hasMore: cursor !== null,
    loading,
    error,
    loadMore: () => { if (cursor && !loading) fetchPage(cursor, true); },
    reload: () => setGeneration((n) => n + 1),
  };
}
