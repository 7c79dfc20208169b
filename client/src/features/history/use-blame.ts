import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Person, TurnBlame } from '@verity/common';
import { fetchBlame } from '../../api/history.api.ts';

/** The authors overlay: whether it is shown, and the blame from its last fetch. */
export interface BlameState {
  isShown: boolean;
  status: 'idle' | 'loading' | 'success' | 'error';
  error: unknown;
  /** Turn id → who last changed it and who introduced each word, as of the last fetch. */
  turns: ReadonlyMap<string, TurnBlame>;
  /** Author id → person. */
  people: ReadonlyMap<string, Person>;
  setShown: (isShown: boolean) => void;
  refresh: () => void;
}

const emptyTurns: ReadonlyMap<string, TurnBlame> = new Map();
const emptyPeople: ReadonlyMap<string, Person> = new Map();

export const BlameContext = createContext<BlameState>({
  isShown: false,
  status: 'idle',
  error: undefined,
  turns: emptyTurns,
  people: emptyPeople,
  setShown: () => undefined,
  refresh: () => undefined,
});

/** The overlay's state for the editor and the History panel; changes only on toggle and fetch, never per keystroke. */
export const useBlame = () => useContext(BlameContext);

/**
 * Owns the overlay: blame is fetched when it is turned on and again on `refresh()` only. Replaying the
 * log is the server's heaviest read, so edits never trigger it; the data is a snapshot until refreshed.
 */
export function useBlameSource(transcriptId: string): BlameState {
  const [isShown, setShown] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<{ status: BlameState['status']; error: unknown; turns: ReadonlyMap<string, TurnBlame>; people: ReadonlyMap<string, Person> }>({
    status: 'idle',
    error: undefined,
    turns: emptyTurns,
    people: emptyPeople,
  });

  useEffect(() => {
    if (!isShown) return;
    const controller = new AbortController();
    // Keep the previous snapshot on screen while the new one loads.
    setResult((previous) => ({ ...previous, status: 'loading', error: undefined }));
    fetchBlame(transcriptId, controller.signal).then(
      (blame) => {
        if (controller.signal.aborted) return;
        const turns = new Map(blame.turns.map((turn) => [turn.turnId, turn]));
        const people = new Map(blame.people.map((person) => [person.id, person]));
        setResult({ status: 'success', error: undefined, turns, people });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult((previous) => ({ ...previous, status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [transcriptId, isShown, generation]);

  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  return useMemo(() => ({ ...result, isShown, setShown, refresh }), [result, isShown, refresh]);
}
