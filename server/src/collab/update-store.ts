/** A full document state (Y.encodeStateAsUpdate) that already contains every log row up to `uptoSeq`. */
export interface Checkpoint {
  state: Uint8Array;
  uptoSeq: number;
}

/** One row of the append-only update log. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** What the session appends: the user comes from the connection, never from the payload. */
export interface AppendUpdate {
  transcriptId: string;
  /** The author; `systemUserId` for the server's own changes. */
  userId: string;
  update: Uint8Array;
  /** Yjs client ids this row is the first to use: recorded as `userId`'s, atomically with the row. */
  claims?: readonly number[];
}

/**
 * Durable storage behind a live session: an append-only log of Yjs updates plus periodic checkpoints.
 *
 * Contract for implementations (the Postgres one included):
 * - `append` resolves only once the row and its client-id claims are durable, or fails with neither
 *   (a claim for a client id that already has an owner fails the append); `seq` is strictly increasing per transcript
 *   (gaps allowed). The session applies and acknowledges an update only after `append` resolves,
 *   and never calls `append` twice concurrently for one transcript.
 * - Rows are never pruned by checkpoints: history/versioning reads them, and a checkpoint is only a
 *   shortcut for loading. `loadUpdatesAfter` returns rows with `seq > afterSeq` in ascending order.
 * - `saveCheckpoint` may be called with an `uptoSeq` lower than the stored one when two saves race;
 *   `loadLatest` must return the checkpoint with the highest `uptoSeq`.
 * - Bytes handed in may be views into larger buffers; copy them if you keep them.
 */
export interface UpdateStore {
  /** Durably appends one accepted update and returns its sequence number. */
  append(row: AppendUpdate): Promise<{ seq: number }>;
  /**
   * Group commit: appends `rows` (one transcript's, in order) all or none, in one commit, returning
   * their seqs in order. Optional: without it the session appends row by row.
   */
  appendMany?(rows: readonly AppendUpdate[]): Promise<{ seq: number }[]>;
  /** The checkpoint with the highest `uptoSeq`, or null when none was ever saved. */
  loadLatest(transcriptId: string): Promise<Checkpoint | null>;
  /** Log rows after `afterSeq`, ascending by seq. */
  loadUpdatesAfter(transcriptId: string, afterSeq: number): Promise<StoredUpdate[]>;
  /**
   * Who owns each Yjs client id recorded for the transcript (userId, or systemUserId for the server).
   * Client ids in the document without an entry are the seed's: reserved, nobody writes under them.
   */
  loadClientOwners(transcriptId: string): Promise<Map<number, string>>;
  /** Stores a full state that contains every row up to and including `uptoSeq`. */
  saveCheckpoint(transcriptId: string, state: Uint8Array, uptoSeq: number): Promise<void>;
  /**
   * False once the transcript is gone (deleted while its session was open): why an append failed.
   * Optional: without it a failed append is always a store failure.
   */
  hasTranscript?(transcriptId: string): Promise<boolean>;
}
