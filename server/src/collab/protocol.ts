import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * Wire framing of live messages: the y-websocket layout (a varUint message type, then the
 * y-protocols payload), so a stock y-protocols client can talk to the session unchanged.
 */
export const messageType = { sync: 0, awareness: 1, queryAwareness: 3 } as const;

/** One client's entry in an awareness update, as claimed by the sender. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** A message that passed structural validation; updates are complete, decodable Yjs v1 updates. */
export type ParsedMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'queryAwareness' };

/** Thrown by parseMessage for bytes that are not a well-formed message. */
export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

/** Decodes and validates a whole message, so nothing half-parsed ever reaches the document. */
export function parseMessage(message: Uint8Array): ParsedMessage {
  try {
    const decoder = decoding.createDecoder(message);
    const parsed = parseBody(decoder);
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes');
    return parsed;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // lib0 and Yjs throw plain Errors/RangeErrors on truncated or garbage input.
    throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable message');
  }
}

function parseBody(decoder: decoding.Decoder): ParsedMessage {
  const type = decoding.readVarUint(decoder);
  if (type === messageType.sync) return parseSync(decoder);
  if (type === messageType.awareness) {
    // Copy: the transport may reuse the buffer after we return.
    const update = decoding.readVarUint8Array(decoder).slice();
    return { kind: 'awareness', update, entries: parseAwarenessEntries(update) };
  }
  if (type === messageType.queryAwareness) return { kind: 'queryAwareness' };
  throw new MalformedMessageError(`unknown message type ${type}`);
}

function parseSync(decoder: decoding.Decoder): ParsedMessage {
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder).slice();
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    Y.decodeStateVector(payload);
    return { kind: 'syncStep1', stateVector: payload };
  }
  if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
    // A full decode (structs, contents, delete set) rejects garbage before it is stored or applied.
    Y.decodeUpdate(payload);
    return { kind: syncType === syncProtocol.messageYjsUpdate ? 'update' : 'syncStep2', update: payload };
  }
  throw new MalformedMessageError(`unknown sync message type ${syncType}`);
}

function parseAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes in awareness update');
  return entries;
}

/** Sync step 1: our state vector, asking the peer for what we lack. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync((encoder) => syncProtocol.writeSyncStep1(encoder, doc));
}

/** Sync step 2: everything in `doc` the peer lacks according to its state vector (all of it if omitted). */
export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return encodeSync((encoder) => syncProtocol.writeSyncStep2(encoder, doc, stateVector));
}

/** An incremental document update. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeSync((encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** Wraps an encoded awareness update (y-protocols/awareness encodeAwarenessUpdate). */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

function encodeSync(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
