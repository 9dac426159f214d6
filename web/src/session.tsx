// Who is signed in. Loaded from /api/v1/me when the staff console opens; the CSRF token goes to the API client.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { api, ApiError, onUnauthorized, setCsrfToken } from './api.ts';
import type { Role, Session, User } from './api-types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'failed'; error: ApiError }
  | { status: 'signed-in'; user: User };

interface SessionApi {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  retry: () => void;
}

/**
 * Who is signed in, loaded from /api/v1/me (quietly: no session is a normal answer) and again whenever `generation`
 * changes; the CSRF token goes to the API client. The setter lets sign-in and sign-out update it directly.
 */
export function useSignedInState(generation: number): [SessionState, Dispatch<SetStateAction<SessionState>>] {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
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
  return [state, setState];
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useSignedInState(attempt);

  // A session that expires while the console is open sends the user back to the sign-in page.
  useEffect(() => onUnauthorized(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }), []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await api<Session>('POST', '/api/v1/auth/login', { body: { username, password }, quietUnauthorized: true });
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user });
    return session.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('POST', '/api/v1/auth/logout', { quietUnauthorized: true });
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in console. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser without a signed-in user');
  return state.user;
}

export function hasAnyRole(user: User, wanted: readonly Role[] | 'any'): boolean {
  if (wanted === 'any') return true;
  return user.grants.some((grant) => wanted.includes(grant.role));
}
