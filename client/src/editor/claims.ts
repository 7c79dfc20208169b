/**
 * Soft claims: before a structural change (split, merge, relabel) a user announces it in awareness,
 * and typing announces an `edit` claim. A change is refused while another user holds a conflicting
 * claim on the same turn — this avoids a split moving someone's fresh words to the wrong speaker.
 */
export const claimKinds = ['edit', 'split', 'merge', 'relabel'] as const;
export type ClaimKind = (typeof claimKinds)[number];

/** Published in awareness as `claim`. `at` only distinguishes claims; clocks are never compared. */
export interface Claim {
  turnId: string;
  kind: ClaimKind;
  at: number;
}

/** How long a claim holds after we first saw it. */
export const claimWindowMs = 4000;

/** Relabelling does not move text, so it only conflicts with other structural changes. */
export function isConflict(wanted: ClaimKind, held: ClaimKind): boolean {
  if (wanted === 'relabel') return held !== 'edit';
  return true;
}

/** Parses a claim from an untrusted awareness state. */
export function readClaim(state: unknown): Claim | null {
  if (typeof state !== 'object' || state === null) return null;
  const claim = (state as { claim?: unknown }).claim;
  if (typeof claim !== 'object' || claim === null) return null;
  const { turnId, kind, at } = claim as Record<string, unknown>;
  if (typeof turnId !== 'string' || typeof at !== 'number' || !claimKinds.includes(kind as ClaimKind)) return null;
  return { turnId, kind: kind as ClaimKind, at };
}

/** A claim held by another user, with when we first saw it (our clock). */
export interface SeenClaim {
  clientId: number;
  name: string;
  claim: Claim;
  seenAt: number;
}

/** Remembers when each peer's claim was first seen, so only our own clock measures its age. */
export class ClaimTracker {
  private readonly seen = new Map<number, SeenClaim>();

  /** Records the peers' current awareness states (ours excluded). */
  observe(states: Map<number, unknown>, localClientId: number, now: number): void {
    for (const clientId of this.seen.keys()) if (!states.has(clientId)) this.seen.delete(clientId);
    for (const [clientId, state] of states) {
      if (clientId === localClientId) continue;
      const claim = readClaim(state);
      if (!claim) {
        this.seen.delete(clientId);
        continue;
      }
      const previous = this.seen.get(clientId);
      const isSame = previous && previous.claim.at === claim.at && previous.claim.turnId === claim.turnId && previous.claim.kind === claim.kind;
      if (!isSame) this.seen.set(clientId, { clientId, name: readName(state), claim, seenAt: now });
    }
  }

  /** The live claim that blocks `kind` on any of `turnIds`, if one exists. */
  blocking(turnIds: readonly string[], kind: ClaimKind, now: number): SeenClaim | null {
    for (const seen of this.seen.values()) {
      if (now - seen.seenAt >= claimWindowMs) continue;
      if (turnIds.includes(seen.claim.turnId) && isConflict(kind, seen.claim.kind)) return seen;
    }
    return null;
  }
}

function readName(state: unknown): string {
  const data = (state as { data?: { name?: unknown } }).data;
  return typeof data?.name === 'string' ? data.name : 'Someone';
}
