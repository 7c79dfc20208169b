import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs an async action and tracks whether it is pending and how it last failed, so forms can disable submit
 * and show the server's message. The one busy/error hook of the side panels: show `error` with `PanelError`
 * (`onDismiss={reset}`); for several different actions pass a thunk runner, `useAsyncAction((change: () => Promise<unknown>) => change())`.
 */
export function useAsyncAction<Args extends unknown[], R>(action: (...args: Args) => Promise<R>) {
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const actionRef = useRef(action);
  useEffect(() => {
    actionRef.current = action;
  });
  const pendingRef = useRef(false);

  const run = useCallback(async (...args: Args): Promise<{ ok: true; value: R } | { ok: false }> => {
    // Guards against a double submit before React has re-rendered the disabled button.
    if (pendingRef.current) return { ok: false };
    pendingRef.current = true;
    setIsPending(true);
    setError(undefined);
    try {
      return { ok: true, value: await actionRef.current(...args) };
    } catch (caught) {
      setError(caught);
      return { ok: false };
    } finally {
      pendingRef.current = false;
      setIsPending(false);
    }
  }, []);

  const reset = useCallback(() => setError(undefined), []);

  return { run, isPending, error, reset };
}
