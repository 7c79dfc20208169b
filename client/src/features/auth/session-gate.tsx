import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../components/page-state.tsx';
import { useSession } from './session-context.tsx';

/** Holds every route back until we know whether someone is signed in, so guards never redirect on a guess. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  if (state.status === 'loading') {
    return (
      <main className="auth-page">
        <LoadingState />
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main className="auth-page">
        <div className="auth-card">
          <h1 className="auth-title">Verity is not reachable</h1>
          <ErrorState error={state.error} onRetry={retry} />
        </div>
      </main>
    );
  }
  return <>{children}</>;
}
