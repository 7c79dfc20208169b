import { useCallback, useEffect, useState } from 'react';

type QueryState<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'success'; data: T; error: undefined }
  | { status: 'error'; data: undefined; error: unknown };

const loading = { status: 'loading', data: undefined, error: undefined } as const;

/**
 * Loads data for `key`, again whenever `key` changes and on `reload()`.
 * A response for an older key is dropped, so fast navigation never shows the wrong transcript.
 */
export function useApiQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [entry, setEntry] = useState<{ key: string; state: QueryState<T> }>({ key, state: loading });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setEntry({ key, state: { status: 'success', data, error: undefined } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setEntry({ key, state: { status: 'error', data: undefined, error } });
      },
    );
    return () => controller.abort();
    // `load` is usually an inline closure over `key`, so it is deliberately not a dependency.
  }, [key, generation]);

  /** Fetches again, keeping the current data on screen until the new data arrives. */
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  /** Replaces the data locally, e.g. with what a mutation returned. */
  const setData = useCallback((data: T) => setEntry({ key, state: { status: 'success', data, error: undefined } }), [key]);

  const state: QueryState<T> = entry.key === key ? entry.state : loading;
  return { ...state, reload, setData };
}
