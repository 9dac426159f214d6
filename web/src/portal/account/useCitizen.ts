import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, setCsrfToken } from '../../api.ts';
import type { Session, User } from '../../api-types.ts';
import { resetUploadSession } from '../uploadFile.ts';

export type CitizenState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; user: User } | { status: 'failed'; error: ApiError };

/** Who is signed in on the portal (quietly: no session is the normal case here). */
export function useCitizen() {
  const [state, setState] = useState<CitizenState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    api<Session>('GET', '/api/v1/me', { quietUnauthorized: true }).then(
      (session) => {
        setCsrfToken(session.csrfToken);
        if (live) setState({ status: 'signed-in', user: session.user });
      },
      (cause: unknown) => {
        if (!live) return;
        if (cause instanceof ApiError && cause.status === 401) {
          setCsrfToken(null);
          setState({ status: 'anonymous' });
        } else if (cause instanceof ApiError) setState({ status: 'failed', error: cause });
      },
    );
    return () => { live = false; };
  }, [generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const signOut = useCallback(async () => {
    try {
      await api('POST', '/api/v1/auth/logout', { quietUnauthorized: true });
    } finally {
      setCsrfToken(null);
      resetUploadSession();
      setState({ status: 'anonymous' });
    }
  }, []);
  return { state, reload, signOut };
}

export async function citizenSignIn(login: string, password: string): Promise<User> {
  const session = await api<Session>('POST', '/api/v1/auth/login', { body: { username: login, password }, quietUnauthorized: true });
  setCsrfToken(session.csrfToken);
  resetUploadSession();
  return session.user;
}
