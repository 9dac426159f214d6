// Multipart upload of one file into a draft. api.ts speaks JSON only; this sends FormData with the draft's token
// and, when a citizen is signed in, the CSRF token from /api/v1/me.
import { ApiError } from '../api.ts';
import type { DraftFile } from './citizenTypes.ts';

let csrf: Promise<string | null> | null = null;

function csrfToken(): Promise<string | null> {
  csrf ??= fetch('/api/v1/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(async (r) => (r.ok ? ((await r.json()) as { csrfToken: string | null }).csrfToken : null))
    .catch(() => null);
  return csrf;
}

/** Forget the cached CSRF token (after signing in or out). */
export function resetUploadSession(): void {
  csrf = null;
}

export async function uploadFile(draftId: string, token: string, file: File): Promise<DraftFile & { sha256: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json', 'x-draft-token': token };
  const csrfValue = await csrfToken();
  if (csrfValue) headers['x-csrf-token'] = csrfValue;
  let response: Response;
  try {
    response = await fetch(`/api/v1/files?draftId=${encodeURIComponent(draftId)}`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.',
      'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.');
  }
  const body = await response.json().catch(() => null) as { error?: { code: string; message: string; messageVi: string } } | null;
  if (response.ok) return body as unknown as DraftFile & { sha256: string };
  const e = body?.error;
  if (e) throw new ApiError(response.status, e.code, e.message, e.messageVi);
  if (response.status === 413) {
    throw new ApiError(413, 'file_too_large', 'The file is larger than 10 MB.', 'Tệp lớn hơn 10 MB.');
  }
  throw new ApiError(response.status, 'http_error', `The server answered ${response.status}.`, `Máy chủ trả lời mã ${response.status}.`);
}
