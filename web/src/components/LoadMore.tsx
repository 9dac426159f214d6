import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PagedState } from '../useQuery.ts';

/**
 * "Load more" under a paged list. It stays enabled while loading (a disabled button drops keyboard focus);
 * the list ignores repeated clicks, and the count of rows is announced when the next page arrives.
 */
export function LoadMore<T>({ list }: { list: PagedState<T> }) {
  const { t } = useI18n();
  return (
    <>
      <p className="visually-hidden" aria-live="polite">{list.items.length ? t('common.shown', { count: list.items.length }) : ''}</p>
      {list.hasMore && (
        <button type="button" className="button button--secondary" onClick={list.loadMore} aria-busy={list.loading || undefined}>
          {list.loading ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
