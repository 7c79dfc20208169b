import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Framing of live `doc` messages, for both sides: the y-websocket layout (a varUint message type, then
 * the y-protocols payload), so a stock y-protocols client can talk to the server unchanged. Works on
 * raw bytes: callers pass state vectors and updates they encoded with Yjs. The server's
 * `collab/protocol.ts` adds what only it needs: full validation of untrusted payloads.
 */
export const frameType = { sync: 0, awareness: 1, queryAwareness: 3 } as const;
/** y-protocols sync sub-types. */
export const syncType = { step1: 0, step2: 1, update: 2 } as const;

/** A decoded frame; payloads are copies, safe to keep after the transport reuses its buffer. */
export type Frame =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

function encodeSync(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, frameType.sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: our state vector (`Y.encodeStateVector(doc)`), asking the peer for what we lack. */
export function encodeSyncStep1Frame(stateVector: Uint8Array): Uint8Array {
  return encodeSync(syncType.step1, stateVector);
}

/** Sync step 2: what the peer lacks (`Y.encodeStateAsUpdate(doc, theirStateVector)`; all of it without one). */
export function encodeSyncStep2Frame(update: Uint8Array): Uint8Array {
  return encodeSync(syncType.step2, update);
}

/** An incremental document update. */
export function encodeUpdateFrame(update: Uint8Array): Uint8Array {
  return encodeSync(syncType.update, update);
}

/** An awareness update (y-protocols/awareness `encodeAwarenessUpdate`). */
export function encodeAwarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, frameType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** Asks the peer to send every awareness state it knows. */
export function encodeQueryAwarenessFrame(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, frameType.queryAwareness);
  return encoding.toUint8Array(encoder);
}

/**
 * Splits a frame into its kind and payload. Throws on an unknown type, truncated bytes or trailing
 * bytes; it does not look inside payloads (the server validates those, the client trusts its server).
 */
export function decodeFrame(bytes: Uint8Array): Frame {
  const decoder = decoding.createDecoder(bytes);
  const frame = decodeBody(decoder);
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the frame');
  return frame;
}

function decodeBody(decoder: decoding.Decoder): Frame {
  const type = decoding.readVarUint(decoder);
  if (type === frameType.queryAwareness) return { kind: 'queryAwareness' };
  if (type === frameType.awareness) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder).slice() };
  if (type !== frameType.sync) throw new Error(`unknown frame type ${type}`);
  const sub = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder).slice();
  if (sub === syncType.step1) return { kind: 'syncStep1', stateVector: payload };
  if (sub === syncType.step2) return { kind: 'syncStep2', update: payload };
  if (sub === syncType.update) return { kind: 'update', update: payload };
  throw new Error(`unknown sync frame type ${sub}`);
}
