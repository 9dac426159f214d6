// Sends a catalogue file as the request body with its own content type (the import endpoint reads the raw file);
// api.ts speaks JSON only, so this asks /api/v1/me for the CSRF token itself.
import { ApiError, queryString, type Query } from '../../api.ts';
import type { ImportResult } from './types.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the server expects, from the file's name (browsers disagree on CSV and often omit types). */
export function importContentType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX;
  return null;
}

async function csrfToken(): Promise<string | null> {
  const response = await fetch('/api/v1/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  return response.ok ? ((await response.json()) as { csrfToken: string | null }).csrfToken : null;
}

export async function importCatalogue(file: File, query: Query): Promise<ImportResult> {
  const type = importContentType(file);
  if (!type) {
    throw new ApiError(415, 'unsupported_file', 'Choose a .json, .csv or .xlsx file.', 'Hãy chọn tệp .json, .csv hoặc .xlsx.');
  }
  let response: Response;
  try {
    const token = await csrfToken();
    response = await fetch(`/api/v1/procedures/import${queryString(query)}`, {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': type, ...(token ? { 'x-csrf-token': token } : {}) },
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.',
      'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.');
  }
  const body = await response.json().catch(() => null) as { error?: { code: string; message: string; messageVi: string; fields?: [] } } | null;
  if (response.ok) return body as unknown as ImportResult;
  if (body?.error) throw new ApiError(response.status, body.error.code, body.error.message, body.error.messageVi, body.error.fields ?? []);
  if (response.status === 413) throw new ApiError(413, 'file_too_large', 'The file is larger than 30 MB.', 'Tệp lớn hơn 30 MB.');
  throw new ApiError(response.status, 'http_error', `The server answered ${response.status}.`, `Máy chủ trả lời mã ${response.status}.`);
}
