import * as Y from 'yjs';

/**
 * True when applying `update` to `doc` would change nothing: every struct and every deletion it
 * carries is already in the document. Such updates are acknowledged without being stored again.
 *
 * Why not a scratch doc: applying to a copy costs a full document clone per message. Instead the
 * cheap check comes first (does the update reach past our state vector?) and only updates that
 * add no structs pay for Y.snapshot, an O(document) walk to compare delete sets — typically a
 * reconnecting client's sync step 2, not keystrokes. Structs the server holds as pending (their
 * dependencies are missing) are not in the state vector, so resending them counts as new; storing
 * them twice is harmless because applying an update is idempotent.
 */
export function isKnownUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const stateVector = Y.decodeStateVector(Y.encodeStateVector(doc));
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of to) {
    if ((stateVector.get(client) ?? 0) < clock) return false;
  }
  return Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}
