import type { ReactNode } from 'react';
import type { PagedState } from '../useQuery.ts';
import { LoadMore } from './LoadMore.tsx';
import { ApiErrorNotice, Loading } from './Notice.tsx';

// A keyset-paged list shown as a compact table: the error, the first load, the empty text, the rows, then "load more".

export function PagedTable<T>({ list, labelledBy, empty, headers, row }: {
  list: PagedState<T>;
  /** The id of the heading that names the table. */
  labelledBy: string;
  empty: string;
  headers: string[];
  row: (item: T) => ReactNode;
}) {
  if (list.error) return <ApiErrorNotice error={list.error} />;
  const body = list.loading && !list.items.length ? <Loading /> : !list.items.length ? <p>{empty}</p> : (
    <div className="table-wrap">
      <table className="table table--compact" aria-labelledby={labelledBy}>
        <thead>
          <tr>{headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>{list.items.map(row)}</tbody>
      </table>
    </div>
  );
  // "Load more" and its live region stay rendered while the first page loads, so the row count is announced.
  return <>{body}<LoadMore list={list} /></>;
}
