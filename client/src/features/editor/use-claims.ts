import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { ClaimTracker, type ClaimKind } from '../../editor/claims.ts';

const verbs: Record<ClaimKind, string> = { edit: 'typing in', split: 'splitting', merge: 'merging', relabel: 'changing the speaker of' };
/** Typing claims are refreshed at most this often, to keep awareness traffic low. */
const editClaimEveryMs = 1500;

/**
 * Soft claims over awareness. `claim` announces a structural change and returns a refusal message
 * when someone else holds a conflicting claim on one of the turns; `claimEdit` marks typing.
 */
export function useClaims(awareness: Awareness) {
  const tracker = useMemo(() => new ClaimTracker(), []);
  const lastEdit = useRef<{ turnId: string; at: number } | null>(null);

  useEffect(() => {
    const observe = () => tracker.observe(awareness.getStates(), awareness.clientID, Date.now());
    observe();
    awareness.on('change', observe);
    return () => awareness.off('change', observe);
  }, [awareness, tracker]);

  const claim = useCallback(
    (turnIds: string[], kind: ClaimKind): string | null => {
      const now = Date.now();
      const blocking = tracker.blocking(turnIds, kind, now);
      if (blocking) return `${blocking.name} is ${verbs[blocking.claim.kind]} this turn. Try again in a moment.`;
      const turnId = turnIds[0];
      if (turnId) awareness.setLocalStateField('claim', { turnId, kind, at: now });
      lastEdit.current = null;
      return null;
    },
    [awareness, tracker],
  );

  const claimEdit = useCallback(
    (turnId: string) => {
      const now = Date.now();
      const last = lastEdit.current;
      if (last && last.turnId === turnId && now - last.at < editClaimEveryMs) return;
      lastEdit.current = { turnId, at: now };
      awareness.setLocalStateField('claim', { turnId, kind: 'edit', at: now });
    },
    [awareness],
  );

  return { claim, claimEdit };
}
