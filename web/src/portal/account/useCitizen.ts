import { useCallback, useState } from 'react';
import { api, setCsrfToken } from '../../api.ts';
import type { Session, User } from '../../api-types.ts';
import { useSignedInState, type SessionState } from '../../session.tsx';
import { resetUploadSession } from '../uploadFile.ts';

export type CitizenState = SessionState;

/** Who is signed in on the portal (quietly: no session is the normal case here). */
export function useCitizen() {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useSignedInState(generation);
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
