import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error.ts';

/** A quiet placeholder while a page's data loads. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="page-state" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/** A load failure with the server's message and a way to try again. */
export function ErrorState({ error, onRetry, children }: { error: unknown; onRetry?: () => void; children?: ReactNode }) {
  return (
    <div className="page-state page-state-error" role="alert">
      <p>{errorMessage(error)}</p>
      {children}
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
