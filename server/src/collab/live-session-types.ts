import type * as Y from 'yjs';
import type { UpdateStore } from './update-store.ts';

/** Why a message was refused; the transport turns it into a failed ack (and may disconnect). */
export type RejectReason =
  | 'forbidden'
  | 'malformed_message'
  | 'store_failed'
  | 'not_joined'
  | 'session_closed'
  | 'internal';

/**
 * Outcome of one received message, resolved in the order messages were received.
 * `accepted.seq` is the log position the update is durable at; for a duplicate (nothing new,
 * nothing stored) it is the current head, which already contains the update.
 * On `store_failed` the sender holds edits the server lacks: the transport should make it resync
 * (e.g. disconnect with 'store_failed'; the reconnect handshake resends them).
 */
export type ReceiveResult =
  | { kind: 'accepted'; seq: number; isDuplicate: boolean }
  | { kind: 'handled' }
  | { kind: 'rejected'; reason: RejectReason; message: string };

/**
 * Server-side structure normalization, the only place the document shape is repaired (clients never
 * normalize, so two clients can't fight over a fix). Runs after every accepted, non-duplicate update,
 * inside one transaction. It must be deterministic and idempotent (a second run changes nothing).
 * Its changes are stored as `systemUserId`, then broadcast to every connection including the sender.
 * It does not run on load: the log already holds every earlier normalization.
 */
export type NormalizeDoc = (doc: Y.Doc) => void;

/** Events for subscribers such as history/versioning; emitted after the store has accepted the write. */
export interface LiveSessionEvents {
  updateAccepted: { transcriptId: string; userId: string; seq: number; byteLength: number };
  connectionJoined: { transcriptId: string; connectionId: string; userId: string };
  connectionLeft: { transcriptId: string; connectionId: string; userId: string };
  checkpointSaved: { transcriptId: string; uptoSeq: number };
  checkpointFailed: { transcriptId: string; uptoSeq: number; error: unknown };
  normalizeFailed: { transcriptId: string; error: unknown };
  /** The last connection left and the closing checkpoint is written; the registry may dispose. */
  idle: { transcriptId: string };
}

/** How a session is loaded and behaves; everything but transcriptId and store has a default. */
export interface LiveSessionOptions {
  transcriptId: string;
  store: UpdateStore;
  /** Accepted updates between automatic checkpoints (default 200). */
  checkpointEvery?: number;
  /** Structure normalization hook (default: none). */
  normalize?: NormalizeDoc;
  /** The user normalization changes are stored as (default 'system'). */
  systemUserId?: string;
}
