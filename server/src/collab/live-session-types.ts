import type * as Y from 'yjs';
import type { DisconnectReason } from './connection.ts';
import type { DecodedUpdate } from './decoded-update.ts';
import type { UpdateStore } from './update-store.ts';

/** Why a message was refused; the transport turns it into a failed ack (and may disconnect). */
export type RejectReason =
  | 'forbidden'
  | 'malformed_message'
  /** The update would leave the transcript layout (check-update-layout.ts); nothing stored. */
  | 'invalid_update'
  /** The update carries structs under a Yjs client id that belongs to someone else; nothing stored. */
  | 'foreign_client'
  | 'store_failed'
  | 'not_joined'
  | 'session_closed'
  | 'internal';

/**
 * Outcome of one received message, resolved in the order messages were received.
 * `accepted.seq` is the log position the update is durable at; for a duplicate (nothing new,
 * nothing stored) it is the current head, which already contains the update.
 * `rejected.close`, when set, is how the transport must end the connection after acknowledging: on
 * `store_failed` the sender holds edits the server lacks (the reconnect handshake resends them); on
 * `malformed_message` its copy holds content the server refused, so it must start over from the
 * server's document (the editor reloads).
 */
export type ReceiveResult =
  | { kind: 'accepted'; seq: number; isDuplicate: boolean }
  | { kind: 'handled' }
  | { kind: 'rejected'; reason: RejectReason; message: string; close?: DisconnectReason };

/**
 * Server-side structure normalization, the only place the document shape is repaired (clients never
 * normalize, so two clients can't fight over a fix). Runs after every accepted, non-duplicate update,
 * inside one transaction. It must be deterministic and idempotent (a second run changes nothing).
 * Its changes are stored as `systemUserId` (system-user.ts), then broadcast to every connection including the sender.
 * It does not run on load: the log already holds every earlier normalization.
 */
export type NormalizeDoc = ((doc: Y.Doc) => void) & {
  /** Optional: false when a call would change nothing now, so the session opens no transaction for it. */
  hasWork?: (doc: Y.Doc) => boolean;
};

/**
 * Why an update's new part (decoded) may not be applied to `doc`, or null when it may. Runs before the
 * update is stored, so it must cost O(update), not O(document). Production checks the transcript layout
 * (checkUpdateLayout); the default checks only integrity (no gaps, no references to missing content).
 */
export type CheckUpdate = (doc: Y.Doc, update: DecodedUpdate) => string | null;

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
  /** The check every update passes before it is stored (default: checkUpdateIntegrity). */
  checkUpdate?: CheckUpdate;
  /**
   * Run once when the session loads, inside one transaction: brings a document stored before updates
   * were checked back into shape (production: repairTranscriptLayout); returns whether it changed
   * anything. What it changes is stored as the server's before anyone joins. Default: none.
   */
  repairOnLoad?: (doc: Y.Doc) => boolean;
}
