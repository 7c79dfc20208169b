import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { decodeFrame, type Frame } from '@verity/common';

/**
 * Validation of incoming live messages. The framing itself (constants, encoders, splitting a frame)
 * lives in `common/src/realtime/frames.ts`, shared with the client; this adds what only the server
 * needs before trusting bytes: payloads must decode completely, awareness entries are read out.
 */

/** One client's entry in an awareness update, as claimed by the sender. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** A message that passed structural validation; updates are complete, decodable Yjs v1 updates. */
export type ParsedMessage = Exclude<Frame, { kind: 'awareness' }> | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] };

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
    return validate(decodeFrame(message));
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // lib0 and Yjs throw plain Errors/RangeErrors on truncated or garbage input.
    throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable message');
  }
}

function validate(frame: Frame): ParsedMessage {
  switch (frame.kind) {
    case 'syncStep1':
      Y.decodeStateVector(frame.stateVector);
      return frame;
    case 'syncStep2':
    case 'update':
      // A full decode (structs, contents, delete set) rejects garbage before it is stored or applied.
      Y.decodeUpdate(frame.update);
      return frame;
    case 'awareness':
      return { ...frame, entries: parseAwarenessEntries(frame.update) };
    case 'queryAwareness':
      return frame;
  }
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
