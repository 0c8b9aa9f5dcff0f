import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiProblem, del, get, whenSignedOut } from './api';
import type { Me } from './types';

type State = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me } | { status: 'failed'; error: unknown };

interface Session {
  state: State;
  /** Reads /api/portal/me again (after sign-in, or when the menu may have changed). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'signed-in', me: await get<Me>('/api/portal/me') });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) setState({ status: 'signed-out' });
      else setState({ status: 'failed', error });
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await del('/api/portal/session');
    } catch {
      // Signed out either way: the page forgets the user.
    }
    setState({ status: 'signed-out' });
  }, []);

  useEffect(() => {
    whenSignedOut(() => setState({ status: 'signed-out' }));
    void refresh();
  }, [refresh]);

  return <SessionContext.Provider value={{ state, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages drawn inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('not signed in');
  return state.me;
}
