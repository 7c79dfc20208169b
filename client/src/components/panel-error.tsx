import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error.ts';

interface PanelErrorProps {
  /** What failed: a load (`useApiQuery().error`) or an action (`useAsyncAction().error`); nothing shows while undefined/null. */
  error: unknown;
  /** Offered for a failed load: fetch again. */
  onRetry?: () => void;
  /** Offered for a failed action: hide the message (e.g. `useAsyncAction().reset`). */
  onDismiss?: () => void;
  children?: ReactNode;
}

/**
 * The one way a side panel shows a failure: the server's message, announced to screen readers as it
 * appears, with "Try again" for loads and "Dismiss" for actions. Pair it with `useAsyncAction`.
 */
export function PanelError({ error, onRetry, onDismiss, children }: PanelErrorProps) {
  if (error === undefined || error === null) return null;
  return (
    <div className="panel-error" role="alert" data-testid="panel-error">
      <p>{errorMessage(error)}</p>
      {children}
      {onRetry || onDismiss ? (
        <div className="panel-error-actions">
          {onRetry ? (
            <button type="button" className="button button-secondary button-small" onClick={onRetry}>
              Try again
            </button>
          ) : null}
          {onDismiss ? (
            <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
              Dismiss
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
