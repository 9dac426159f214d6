import { badRequest } from '../errors.ts';

// Keyset pagination cursors: the last row's sort key, base64url JSON, opaque to clients.

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(cursor: string | undefined, length: number): T | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length) return key as T;
  } catch {
    // fall through
  }
  throw badRequest('invalid_cursor', 'The page cursor is invalid; start from the first page.', 'Con trỏ trang không hợp lệ; hãy tải lại từ trang đầu.');
}

/** Takes limit+1 rows and splits them into a page and the next cursor. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (row: R) => unknown[]): { items: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1])) };
}
