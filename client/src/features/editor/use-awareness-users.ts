import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** One person's presence, from their awareness state. */
export interface PresentUser {
  clientId: number;
  userId: string;
  name: string;
  color: string;
  turnId: string | null;
  isMe: boolean;
}

function toUser(clientId: number, state: Record<string, unknown>, localId: number): PresentUser | null {
  const data = state.data as { userId?: unknown; name?: unknown; color?: unknown } | undefined;
  if (typeof data?.name !== 'string') return null;
  return {
    clientId,
    userId: typeof data.userId === 'string' ? data.userId : String(clientId),
    name: data.name,
    color: typeof data.color === 'string' ? data.color : '#52607a',
    turnId: typeof state.turnId === 'string' ? state.turnId : null,
    isMe: clientId === localId,
  };
}

/** Everyone present in the transcript (me first), updated on every awareness change. */
export function useAwarenessUsers(awareness: Awareness): PresentUser[] {
  const store = useMemo(() => {
    let snapshot: PresentUser[] = [];
    const read = () => {
      snapshot = Array.from(awareness.getStates(), ([clientId, state]) => toUser(clientId, state, awareness.clientID))
        .filter((user): user is PresentUser => user !== null)
        .sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
    };
    read();
    return {
      subscribe(listener: () => void) {
        const handle = () => {
          read();
          listener();
        };
        awareness.on('change', handle);
        return () => awareness.off('change', handle);
      },
      getSnapshot: () => snapshot,
    };
  }, [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
