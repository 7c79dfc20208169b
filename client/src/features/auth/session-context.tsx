import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiRoutes, type ChangePasswordRequest, type LoginRequest, type SetupRequest, type SetupStatus, type SignupRequest, type User } from '@verity/common';
import * as authApi from '../../api/auth.api.ts';
import { onUnauthenticated } from '../../api/api-client.ts';
import { takeEarly } from '../../boot/start-early.ts';

type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; user: User | null; setup: SetupStatus; hasLoggedOut?: boolean };

/** What every screen knows about who is signed in, and the actions that change it. */
export interface Session {
  state: SessionState;
  /** The signed-in user; only meaningful inside routes guarded by RequireSession. */
  user: User | null;
  setup: SetupStatus | null;
  /** True after an explicit log out, so the login page does not offer to return to where they left. */
  hasLoggedOut: boolean;
  retry: () => void;
  login: (body: LoginRequest) => Promise<User>;
  signup: (body: SignupRequest) => Promise<User>;
  completeSetup: (body: SetupRequest) => Promise<User>;
  logout: () => Promise<void>;
  changePassword: (body: ChangePasswordRequest) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Requests that answer 401 as part of their normal job, rather than because the session ended. */
const expectedUnauthenticated = new Set<string>([apiRoutes.me, apiRoutes.login, apiRoutes.password, apiRoutes.setup, apiRoutes.signup]);

/** Loads the setup status and current user once, then keeps them current as people log in and out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    // Both at once (every page waits for them). /api/setup also sets the CSRF cookie that later POSTs
    // need; /api/auth/me is a GET and needs none. Before set-up there is no user to ask about.
    // The first time, main.tsx has already asked (startEarly).
    const fetchUser = () => authApi.fetchCurrentUser(controller.signal);
    const fetchSetup = () => authApi.fetchSetupStatus(controller.signal);
    const user = (attempt === 0 ? takeEarly('me', fetchUser) : undefined) ?? fetchUser();
    user.catch(() => undefined);
    ((attempt === 0 ? takeEarly('setup', fetchSetup) : undefined) ?? fetchSetup())
      .then(async (setup) => ({ setup, user: setup.needsSetup ? null : await user }))
      .then(
        ({ setup, user }) => {
          if (!controller.signal.aborted) setState({ status: 'ready', setup, user });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'error', error });
        },
      );
    return () => controller.abort();
  }, [attempt]);

  const setUser = useCallback((user: User | null, hasLoggedOut = false) => {
    setState((previous) =>
      previous.status === 'ready' ? { status: 'ready', user, hasLoggedOut, setup: { ...previous.setup, needsSetup: previous.setup.needsSetup && !user } } : previous,
    );
  }, []);

  useEffect(() => {
    onUnauthenticated((path) => {
      if (expectedUnauthenticated.has(path)) return;
      // Confirm before signing out locally: one 401 from an odd endpoint should not throw away someone's place.
      authApi.fetchCurrentUser().then((user) => {
        if (!user) setUser(null);
      }, () => undefined);
    });
    return () => onUnauthenticated(null);
  }, [setUser]);

  const session = useMemo<Session>(() => {
    const ready = state.status === 'ready' ? state : null;
    return {
      state,
      user: ready?.user ?? null,
      setup: ready?.setup ?? null,
      hasLoggedOut: ready?.hasLoggedOut ?? false,
      retry: () => {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
      login: async (body) => {
        const user = await authApi.login(body);
        setUser(user);
        return user;
      },
      signup: async (body) => {
        const user = await authApi.signup(body);
        setUser(user);
        return user;
      },
      completeSetup: async (body) => {
        const user = await authApi.completeSetup(body);
        setUser(user);
        return user;
      },
      logout: async () => {
        await authApi.logout();
        setUser(null, true);
      },
      changePassword: async (body) => {
        await authApi.changePassword(body);
      },
    };
  }, [state, setUser]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The current session; must be used below SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user, for screens that RequireSession already guards. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser needs a signed-in user; wrap the route in <RequireSession>');
  return user;
}
