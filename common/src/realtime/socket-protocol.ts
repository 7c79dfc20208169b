import { z } from 'zod';
import type { ErrorBody } from '../errors.ts';
import { roleSchema, type Role } from '../api/roles.ts';

/**
 * The socket.io contract between the editor and the server. Document and awareness traffic travels as
 * binary y-protocols frames (y-websocket layout: varUint type 0 = sync, 1 = awareness, 3 = query
 * awareness) inside `doc` events; everything else is small JSON validated with these schemas.
 *
 * Flow: connect (the session cookie authenticates; no cookie → connect_error 'unauthenticated') →
 * `join` (role checked; refused → error ack, then `closed` with a reason and disconnect) → both sides
 * exchange `doc` frames. A client's `doc` frame is acknowledged only after its update is stored.
 * The server's handshake frames (sync step 1, step 2, awareness) are emitted before the join ack, so
 * have the Y.Doc listening before emitting `join`. A malformed `doc` frame gets a `bad_request` ack and
 * the connection stays; `store_failed` ends it (reconnect to resend).
 *
 * Access is re-checked while connected: a role change arrives as `role`, losing access (removed,
 * transcript deleted, signed out) as `closed`. Each connection has a fair share: frames beyond it get a
 * `rate_limited` ack (nothing stored; resend later), joins beyond it a `rate_limited` join ack, and a
 * connection that keeps flooding is closed `rate_limited`.
 */

/** Why the server ended a live connection. */
export const closeReasons = ['forbidden', 'not_found', 'session_closed', 'malformed_message', 'store_failed', 'server_shutdown', 'unauthenticated', 'rate_limited'] as const;
export const closeReasonSchema = z.enum(closeReasons);
export type CloseReason = z.infer<typeof closeReasonSchema>;

/**
 * A transcript id as a socket payload carries it, in canonical (lower-case) form: ids are compared as
 * strings (sessions, rooms, maps), so "ABC…" and "abc…" must not open two live sessions of one transcript.
 */
export const liveTranscriptIdSchema = z
  .string()
  .min(1)
  .max(100)
  .transform((id) => id.toLowerCase());

export const joinRequestSchema = z.object({ transcriptId: liveTranscriptIdSchema });
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/**
 * What a client may send in one frame, so one message cannot exhaust the server's memory. A client's
 * frames carry its own edits (what the server lacks), never the whole document. What the server sends
 * is not capped (serverDocFrameSchema): a first sync is as large as the largest importable transcript.
 */
export const maxFrameBytes = 8 * 1024 * 1024;

// socket.io hands binary to Node as a Buffer and to browsers as an ArrayBuffer.
const frameBytesSchema = z
  .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)])
  .transform((bytes) => (bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));

/** A `doc` event from a client (validated by the server). */
export const docFrameSchema = z.object({
  transcriptId: liveTranscriptIdSchema,
  frame: frameBytesSchema.refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= maxFrameBytes, 'frame must be 1 byte to 8 MiB'),
});
export type DocFrame = z.output<typeof docFrameSchema>;

/** A `doc` event from the server (validated by the client): any size, the server bounds what it stores. */
export const serverDocFrameSchema = z.object({
  transcriptId: liveTranscriptIdSchema,
  frame: frameBytesSchema.refine((bytes) => bytes.byteLength > 0, 'frame must not be empty'),
});

export type JoinAck = { ok: true; role: Role; userId: string } | ({ ok: false } & ErrorBody);
/** `seq` is the log position that stored the update (absent for frames that change nothing). */
export type DocAck = { ok: true; seq?: number } | ({ ok: false } & ErrorBody);

/**
 * The user's role on a joined transcript changed while connected (a member's role was edited). The
 * connection stays; from now on the server treats it with `role` (a viewer's updates are refused), and
 * the editor follows (read-only for a viewer). Losing access altogether ends the connection (`closed`).
 */
export const roleEventSchema = z.object({ transcriptId: z.string().min(1).max(100), role: roleSchema });
export type RoleEvent = z.infer<typeof roleEventSchema>;

/**
 * What the server knows about a transcript that just changed, for the panels to show within a second:
 * `review` (status, workflow log, approvals), `versions` (a version was saved), `members` (the member
 * list), `recording` (the recording was attached, replaced or detached), `comments` (a comment or reply
 * was added, edited, resolved or reopened), `glossary` (a term list attached to it, or one of its terms,
 * changed), `queue` (a queue item was resolved or dismissed), `corrections` (a correction was
 * classified). Sent to everyone joined to the transcript after the change commits; the panel then reads
 * it through the HTTP API, which checks access again, so the event itself carries no data.
 */
export const liveTopics = ['review', 'versions', 'members', 'recording', 'comments', 'glossary', 'queue', 'corrections'] as const;
export const liveTopicSchema = z.enum(liveTopics);
export type LiveTopic = z.infer<typeof liveTopicSchema>;
export const changedEventSchema = z.object({ transcriptId: z.string().min(1).max(100), topics: z.array(liveTopicSchema).min(1).max(liveTopics.length) });
export type ChangedEvent = z.infer<typeof changedEventSchema>;

/** Events the client sends. */
export interface ClientToServerEvents {
  join: (request: JoinRequest, ack: (response: JoinAck) => void) => void;
  leave: (request: JoinRequest) => void;
  doc: (frame: DocFrame, ack: (response: DocAck) => void) => void;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  doc: (frame: DocFrame) => void;
  closed: (event: { transcriptId: string; reason: CloseReason; message: string }) => void;
  role: (event: RoleEvent) => void;
  changed: (event: ChangedEvent) => void;
}
