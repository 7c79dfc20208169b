import * as Y from 'yjs';
import { encodeSyncStep1Frame, encodeSyncStep2Frame } from '@verity/common';
import { checkUpdateIntegrity } from './check-update-layout.ts';
import { ClientOwners } from './client-owners.ts';
import { CoalescedBroadcast } from './coalesced-broadcast.ts';
import type { Connection, ConnectionGroup, DisconnectReason } from './connection.ts';
import { DecodedUpdate } from './decoded-update.ts';
import { GroupedAppends } from './grouped-appends.ts';
import { encodeStateVectorFor, isKnownUpdate } from './known-update.ts';
import { loadCurrentDoc, type CurrentDoc } from './load-current-doc.ts';
import type {
  CheckUpdate,
  LiveSessionEvents,
  LiveSessionOptions,
  NormalizeDoc,
  ReceiveResult,
  RejectReason,
} from './live-session-types.ts';
import { MalformedMessageError, parseMessage, type ParsedMessage } from './protocol.ts';
import { SessionAwareness } from './session-awareness.ts';
import { systemUserId } from './system-user.ts';
import { TypedEmitter } from './typed-emitter.ts';
import type { UpdateStore } from './update-store.ts';

interface LoadedState extends CurrentDoc {
  owners: Map<number, string>;
}

const normalizeOrigin = Symbol('normalize');

/** What handling a message gives: its result, or (an update being stored) the promise of it. */
type Outcome = ReceiveResult | { stored: Promise<ReceiveResult> };

/**
 * The live, transport-agnostic state of one open transcript: the server's Y.Doc, awareness and the
 * joined connections. Every received message runs through one per-session queue, so acks come back
 * in order and no two store appends race; an update is stored before it is broadcast or
 * acknowledged.
 */
export class LiveSession {
  /** Subscribe here for domain events (history, metrics); the transport needs none of them. */
  readonly events = new TypedEmitter<LiveSessionEvents>();
  readonly transcriptId: string;
  /** The authoritative document; read it freely, but change it only through receive() so it is stored first. */
  readonly doc: Y.Doc;
  /** Awareness with per-connection ownership of client ids. */
  readonly presence: SessionAwareness;

  private readonly store: UpdateStore;
  /** Why the log failed, once a failure was seen (see failStore). */
  private storeFailure: Promise<'store_failed' | 'transcript_gone'> | null = null;
  private readonly checkpointEvery: number;
  private readonly normalize: NormalizeDoc | undefined;
  private readonly checkUpdate: CheckUpdate;
  /** Who may write under which Yjs client id (the server's own doc has one of its own). */
  private readonly owners: ClientOwners;
  private readonly members = new Map<string, Connection>();
  /** Accepted updates on their way out, merged over a short window when many connections are joined. */
  private readonly outgoing = new CoalescedBroadcast((message, except) => this.broadcast(message, except), () => this.members.size);
  /** Members reached through a transport fan-out, by group key (see broadcast). */
  private readonly groups = new Map<string, { group: ConnectionGroup; members: Set<Connection> }>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The last result handed out; results resolve in receive order (see inOrder). */
  private results: Promise<unknown> = Promise.resolve();
  /** The log with group commit: updates received while one group is stored go in the next. */
  private readonly log: GroupedAppends;
  private isCheckpointQueued = false;
  private checkpoints: Promise<void> = Promise.resolve();
  private headSeq: number;
  /** Highest seq a checkpoint was started for; compared with headSeq to decide when to write one. */
  private checkpointStartedSeq: number;
  private isClosing = false;
  private closing: Promise<void> | undefined;
  /** The whole document encoded for joins (sync step 2), until the next transaction; null when stale. */
  private fullState: Uint8Array | null = null;

  /** Builds the document with the shared loader (latest checkpoint plus later rows) and loads client-id owners. */
  static async load(options: LiveSessionOptions): Promise<LiveSession> {
    const owners = await options.store.loadClientOwners(options.transcriptId);
    const current = await loadCurrentDoc(options.store, options.transcriptId);
    const session = new LiveSession(options, { ...current, owners });
    if (options.repairOnLoad) await session.repairStoredDoc(options.repairOnLoad);
    return session;
  }

  private constructor(options: LiveSessionOptions, loaded: LoadedState) {
    this.transcriptId = options.transcriptId;
    this.store = options.store;
    this.log = new GroupedAppends(options.store);
    this.checkpointEvery = options.checkpointEvery ?? 200;
    this.normalize = options.normalize;
    this.checkUpdate = options.checkUpdate ?? checkUpdateIntegrity;
    this.doc = loaded.doc;
    // Presence is created below; the callback runs only once messages arrive.
    this.owners = new ClientOwners(this.doc, loaded.owners, (client) => this.presence.userOf(client));
    // The server writes (normalization) under a client id of its own that nobody else may use.
    this.doc.clientID = this.owners.issue(systemUserId);
    this.headSeq = loaded.lastSeq;
    this.checkpointStartedSeq = loaded.checkpointSeq;
    this.presence = new SessionAwareness(this.doc, (message, except) => this.broadcast(message, except), (client) => this.owners.ownerOf(client));
    // A freshly loaded checkpoint is the whole document already encoded (a first join sends it as it
    // is); any transaction that adds or deletes content makes it stale (afterTransaction costs nothing;
    // an 'update' listener would make Yjs encode every transaction for it), as does content left pending.
    this.fullState = loaded.encoded ?? null;
    this.doc.on('afterTransaction', (transaction) => {
      const isChanged = transaction.deleteSet.clients.size > 0 || [...transaction.afterState].some(([client, clock]) => transaction.beforeState.get(client) !== clock);
      if (isChanged || this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) this.fullState = null;
    });
  }

  /** Seq of the newest stored update the document contains (0 for a never-edited transcript). */
  get lastSeq(): number {
    return this.headSeq;
  }

  /** True when every applied update is stored, so a full state sent now holds only stored edits. */
  get isStored(): boolean {
    return this.log.isIdle;
  }

  /** Resolves once the updates applied so far are stored (or their group failed). */
  whenStored(): Promise<void> {
    return this.log.settled();
  }

  /** Number of joined connections. */
  get connectionCount(): number {
    return this.members.size;
  }

  /** True once close() started; a closed session accepts no joins or messages. */
  get isClosed(): boolean {
    return this.isClosing;
  }

  /** Adds a connection and sends it sync step 1, the full state (step 2) and current awareness. */
  join(connection: Connection): void {
    if (this.isClosed) {
      connection.close('session_closed');
      return;
    }
    if (this.members.has(connection.id)) return;
    this.members.set(connection.id, connection);
    this.addToGroup(connection);
    safeSend(connection, encodeSyncStep1Frame(Y.encodeStateVector(this.doc)));
    // Encoded once for every join until the document changes: a room opening a 4-hour transcript at
    // the start of a meeting, or one person reloading, pays for it once.
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    safeSend(connection, encodeSyncStep2Frame(this.fullState));
    const presence = this.presence.encodeAll();
    if (presence) safeSend(connection, presence);
    this.events.emit('connectionJoined', this.describe(connection));
  }

  /** Removes a connection and its awareness states; the last one out triggers a checkpoint. */
  leave(connection: Connection): void {
    if (!this.members.delete(connection.id)) return;
    this.removeFromGroup(connection);
    // Origin is the leaving connection, which is no longer a member, so everyone else hears it.
    this.presence.removeConnection(connection.id, connection);
    this.events.emit('connectionLeft', this.describe(connection));
    if (this.members.size === 0 && !this.isClosed) {
      // Queued so the checkpoint includes updates still being stored for the departed connection.
      void this.enqueue(async () => {
        await this.saveCheckpoint();
        if (this.members.size === 0 && !this.isClosed) this.events.emit('idle', { transcriptId: this.transcriptId });
      });
    }
  }

  /** Handles one framed message; never throws, whatever the bytes. Results resolve in receive order. */
  receive(connection: Connection, message: Uint8Array): Promise<ReceiveResult> {
    if (this.isClosed) return Promise.resolve(reject('session_closed', 'the session is closed'));
    if (!this.members.has(connection.id)) return Promise.resolve(reject('not_joined', 'join before sending'));
    const outcome = this.enqueue(async (): Promise<Outcome> => {
      try {
        return await this.handle(connection, message);
      } catch (error) {
        // Unexpected (a bug or a Yjs edge case); one bad message must not take the session down.
        return reject('internal', error instanceof Error ? error.message : 'unexpected error');
      }
    });
    // The queue moves on once an update is applied; its result waits for its group to be stored.
    return this.inOrder(outcome.then((result) => ('stored' in result ? result.stored : result)));
  }

  /**
   * A change the server makes on someone's behalf (renaming or merging speakers): computed on a copy,
   * then stored, applied and broadcast exactly like a client's update, stamped with `userId`. Queued
   * with the messages, so it sees every earlier update. Resolves with the seq it is stored at (null
   * when the change changed nothing); rejects when the store fails, leaving no trace.
   */
  applyChange(userId: string, change: (doc: Y.Doc) => void): Promise<number | null> {
    if (this.isClosed) return Promise.reject(new Error('the session is closed'));
    return this.enqueue(async () => {
      const draft = new Y.Doc();
      try {
        Y.applyUpdate(draft, Y.encodeStateAsUpdate(this.doc));
        // A client id of the user's own: blame credits the change to them, as the log row does.
        draft.clientID = this.owners.issue(userId);
        const before = Y.encodeStateVector(draft);
        draft.transact(() => change(draft));
        const outcome = await this.acceptUpdate(userId, Y.encodeStateAsUpdate(draft, before), null);
        const result = 'stored' in outcome ? await outcome.stored : outcome;
        if (result.kind === 'rejected') throw new Error(`the change could not be saved: ${result.message}`);
        return result.kind === 'accepted' && !result.isDuplicate ? result.seq : null;
      } finally {
        draft.destroy();
      }
    });
  }

  /** Writes a checkpoint now if anything was stored since the last one (after queued messages). */
  checkpoint(): Promise<void> {
    return this.enqueue(() => this.saveCheckpoint());
  }

  /** Disconnects everyone with `reason`, finishes in-flight writes, checkpoints and frees the doc. */
  close(reason: DisconnectReason): Promise<void> {
    // The flag goes up before shutDown runs, so the leaves it triggers schedule no idle checkpoint.
    this.isClosing = true;
    this.closing ??= this.shutDown(reason);
    return this.closing;
  }

  private async shutDown(reason: DisconnectReason): Promise<void> {
    this.outgoing.flush();
    for (const connection of [...this.members.values()]) {
      connection.close(reason);
      this.leave(connection);
    }
    await this.queue;
    await this.saveCheckpoint();
    this.presence.destroy();
    this.doc.destroy();
  }

  private async handle(connection: Connection, message: Uint8Array): Promise<Outcome> {
    // Messages queued before close() began are dropped rather than applied to a doc being torn down.
    if (this.isClosed) return reject('session_closed', 'the session is closed');
    let parsed: ParsedMessage;
    try {
      parsed = parseMessage(message);
    } catch (error) {
      if (error instanceof MalformedMessageError) return reject('malformed_message', error.message);
      throw error;
    }
    switch (parsed.kind) {
      case 'syncStep1':
        // Answered from stored state only (the queue waits meanwhile): an update applied but not yet
        // stored must not reach another client, which would hold it under its author's client id
        // if the server died before storing it, and be refused as a forger when it resent it.
        await this.log.settled();
        if (this.log.hasFailed) return this.failStore();
        safeSend(connection, encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc, parsed.stateVector)));
        return { kind: 'handled' };
      case 'syncStep2':
      case 'update':
        return this.handleUpdate(connection, parsed.update);
      case 'awareness':
        // Left while this message was queued: re-adding its presence would leave a ghost cursor.
        if (!this.members.has(connection.id)) return reject('not_joined', 'the connection has left');
        {
          const refusal = this.presence.apply(connection, parsed.entries);
          if (refusal) return reject('forbidden', refusal);
        }
        return { kind: 'handled' };
      case 'queryAwareness': {
        const presence = this.presence.encodeAll();
        if (presence) safeSend(connection, presence);
        return { kind: 'handled' };
      }
    }
  }

  /** The load-time repair (LiveSessionOptions.repairOnLoad), stored as the server's change; nobody has joined yet. */
  private async repairStoredDoc(repair: (doc: Y.Doc) => boolean): Promise<void> {
    const changes: Uint8Array[] = [];
    const capture = (update: Uint8Array) => changes.push(update);
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => repair(this.doc), normalizeOrigin);
    } finally {
      this.doc.off('update', capture);
    }
    if (changes.length === 0) return;
    const claim = this.owners.check(systemUserId, [this.doc.clientID]);
    const claims = claim.ok ? claim.claims : [];
    // A failed store fails the load: the next join loads (and repairs) afresh.
    if ((await this.append(systemUserId, Y.mergeUpdates(changes), claims)) === null) throw new Error('the repaired document could not be saved');
    this.owners.commit(systemUserId, claims);
  }

  private handleUpdate(connection: Connection, update: Uint8Array): Promise<Outcome> {
    return this.acceptUpdate(connection.userId, update, connection);
  }

  /**
   * The one way content enters the document, for clients and the server's own changes alike:
   * 1. the update's client ids must be the sender's (a repeat of another user's clocks is refused,
   *    never acknowledged as a duplicate); 2. nothing new → duplicate; 3. a viewer may not write;
   * 4. the new part must keep the transcript layout (checked on the update, not the document);
   * 5. it is applied and stored with the client ids it claims (group commit, see storeApplied), and
   *    6. once stored, broadcast and acknowledged; a duplicate is acknowledged once what is being
   *    stored is stored.
   * Refusals that leave the sender's copy diverged ask the transport to close it (`close`).
   */
  private async acceptUpdate(userId: string, update: Uint8Array, origin: Connection | null): Promise<Outcome> {
    const claim = this.owners.check(userId, Y.parseUpdateMeta(update).to.keys());
    if (!claim.ok) return reject('foreign_client', claim.message, 'malformed_message');
    // Checked before permissions: every client answers our sync step 1 with a step 2, which for a
    // viewer is empty; rejecting it would turn each viewer handshake into an error.
    if (isKnownUpdate(this.doc, update)) return { stored: this.afterStored(() => ({ kind: 'accepted', seq: this.headSeq, isDuplicate: true })) };
    if (origin && !origin.canWrite) return reject('forbidden', 'this connection may not edit the transcript');
    // Store only what is new to us: a reconnecting client's step 2 repeats much we already have.
    const diff = Y.diffUpdate(update, encodeStateVectorFor(this.doc, Y.parseUpdateMeta(update).from.keys()));
    const problem = this.checkUpdate(this.doc, new DecodedUpdate(diff));
    if (problem) return reject('invalid_update', problem, 'malformed_message');
    return { stored: this.storeApplied(userId, diff, claim.claims, origin) };
  }

  /**
   * Group commit for an update that passed every check: applied now, so the next message is checked
   * against it while its group is being written, then handed to the log; only once it is stored is it
   * broadcast, announced and acknowledged. If its group fails the session closes (failStore): the
   * document, which holds what the store lacks, is dropped, and every client resyncs with a fresh load.
   */
  private storeApplied(userId: string, update: Uint8Array, claims: readonly number[], origin: Connection | null): Promise<ReceiveResult> {
    this.owners.commit(userId, claims);
    const cleanup = this.applyCollectingCleanup(update, origin ?? 'server');
    const stored = this.log.append({ transcriptId: this.transcriptId, userId, update, claims });
    // Its repairs go in the same group, right after it.
    if (cleanup) this.appendServerChange(cleanup);
    this.runNormalize();
    return stored.then(
      (seq) => {
        this.headSeq = Math.max(this.headSeq, seq);
        this.outgoing.push(update, origin);
        this.events.emit('updateAccepted', { transcriptId: this.transcriptId, userId, seq, byteLength: update.byteLength });
        this.maybeCheckpoint();
        return { kind: 'accepted', seq, isDuplicate: false } as const;
      },
      () => this.failStore(),
    );
  }

  /** `result()` once every row handed to the log so far is stored; store_failed if one could not be. */
  private async afterStored(result: () => ReceiveResult): Promise<ReceiveResult> {
    await this.log.settled();
    return this.log.hasFailed ? this.failStore() : result();
  }

  /**
   * A group could not be stored: the document holds updates the log lacks, so the session ends with
   * store_failed. Unless the transcript was deleted meanwhile (why its appends now fail): then the
   * update is refused without a close, and the deletion's revocation (its domain event, or the
   * periodic revalidation when another process deleted it) tells everyone the true reason, which a
   * store_failed close racing it would hide. Asked once per session.
   */
  private async failStore(): Promise<ReceiveResult> {
    this.storeFailure ??= this.store.hasTranscript ? this.store.hasTranscript(this.transcriptId).then((exists) => (exists ? 'store_failed' : 'transcript_gone'), () => 'store_failed' as const) : Promise.resolve('store_failed' as const);
    if ((await this.storeFailure) === 'transcript_gone') return reject('store_failed', 'the transcript was deleted');
    if (!this.isClosing) void this.close('store_failed');
    return reject('store_failed', 'the update could not be saved', 'store_failed');
  }

  /** Results resolve in receive order, though an update's waits for its group and a later awareness frame's does not. */
  private inOrder<T>(result: Promise<T>): Promise<T> {
    const ordered = Promise.all([this.results, result]).then(([, value]) => value);
    this.results = ordered.catch(() => undefined);
    return ordered;
  }

  /** Appends one row outside the group commit (the load-time repair); null when the store failed. */
  private async append(userId: string, update: Uint8Array, claims: readonly number[]): Promise<number | null> {
    try {
      const { seq } = await this.store.append({ transcriptId: this.transcriptId, userId, update, claims });
      this.headSeq = Math.max(this.headSeq, seq);
      return seq;
    } catch {
      return null;
    }
  }

  private runNormalize(): void {
    if (!this.normalize) return;
    const normalize = this.normalize;
    // Even an empty transaction copies the state vector twice (O(clients)); skip it when nothing is due.
    if (normalize.hasWork?.(this.doc) === false) return;
    const changes: Uint8Array[] = [];
    const capture = (update: Uint8Array) => changes.push(update);
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => normalize(this.doc), normalizeOrigin);
    } catch (error) {
      this.events.emit('normalizeFailed', { transcriptId: this.transcriptId, error });
    } finally {
      this.doc.off('update', capture);
    }
    if (changes.length === 0) return;
    // Applied like every update before it is stored; it joins the group of the update it repairs, and a
    // failure there closes the session (storeApplied), so the document never keeps an unstored repair.
    this.appendServerChange(Y.mergeUpdates(changes));
  }

  /**
   * Applies an accepted update and returns what the server's own document did in reaction, if
   * anything: Yjs cleans up redundant formatting after every remote transaction in a transaction of
   * its own (deleting format markers). Unless that is stored and broadcast like any server change,
   * the server's document drifts from the log and from every client (the convergence fuzz found it).
   */
  private applyCollectingCleanup(update: Uint8Array, origin: unknown): Uint8Array | null {
    const reactions: Uint8Array[] = [];
    const capture = (change: Uint8Array, changeOrigin: unknown) => changeOrigin !== origin && reactions.push(change);
    this.doc.on('update', capture);
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.doc.off('update', capture);
    }
    return reactions.length === 0 ? null : Y.mergeUpdates(reactions);
  }

  /** A change the server already made to its document (repairs, cleanup): stored as the server's, then broadcast to all. */
  private appendServerChange(update: Uint8Array): void {
    const claim = this.owners.check(systemUserId, [this.doc.clientID]);
    const claims = claim.ok ? claim.claims : [];
    this.owners.commit(systemUserId, claims);
    this.log.append({ transcriptId: this.transcriptId, userId: systemUserId, update, claims }).then(
      (seq) => {
        this.headSeq = Math.max(this.headSeq, seq);
        this.outgoing.push(update, null);
        this.events.emit('updateAccepted', { transcriptId: this.transcriptId, userId: systemUserId, seq, byteLength: update.byteLength });
      },
      (error: unknown) => this.events.emit('normalizeFailed', { transcriptId: this.transcriptId, error }),
    );
  }

  /** Due after `checkpointEvery` stored updates; taken in the queue, once the log has caught up with the document. */
  private maybeCheckpoint(): void {
    if (this.isCheckpointQueued || this.headSeq - this.checkpointStartedSeq < this.checkpointEvery) return;
    this.isCheckpointQueued = true;
    void this.enqueue(async () => {
      this.isCheckpointQueued = false;
      await this.log.settled();
      this.startCheckpoint();
    });
  }

  /** Every stored update so far in a checkpoint, written before this resolves. */
  private async saveCheckpoint(): Promise<void> {
    await this.log.settled();
    return this.startCheckpoint();
  }

  /**
   * Snapshots the doc synchronously (so state and uptoSeq match) and chains the save, so saves finish
   * in order without holding up the message queue. A failed save is retried at the next trigger.
   */
  private startCheckpoint(): Promise<void> {
    // A failed group leaves the document ahead of the log: such a state must never become a checkpoint.
    if (this.headSeq > this.checkpointStartedSeq && !this.log.hasFailed) {
      const uptoSeq = this.headSeq;
      const state = Y.encodeStateAsUpdate(this.doc);
      const previousSeq = this.checkpointStartedSeq;
      this.checkpointStartedSeq = uptoSeq;
      this.checkpoints = this.checkpoints.then(async () => {
        try {
          await this.store.saveCheckpoint(this.transcriptId, state, uptoSeq);
          this.events.emit('checkpointSaved', { transcriptId: this.transcriptId, uptoSeq });
        } catch (error) {
          this.checkpointStartedSeq = Math.min(this.checkpointStartedSeq, previousSeq);
          this.events.emit('checkpointFailed', { transcriptId: this.transcriptId, uptoSeq, error });
        }
      });
    }
    return this.checkpoints;
  }

  /**
   * Sends to every member but `except`: once per transport group (one encoding for the whole room),
   * directly to members without one, and member by member for a group that cannot carry the message.
   */
  private broadcast(message: Uint8Array, except: unknown): void {
    const skipped = this.members.get((except as Connection | null)?.id ?? '') === except ? (except as Connection) : null;
    for (const { group, members } of this.groups.values()) {
      if (safeSendGroup(group, message, skipped)) continue;
      for (const connection of members) if (connection !== skipped) safeSend(connection, message);
    }
    for (const connection of this.members.values()) {
      if (!connection.group && connection !== skipped) safeSend(connection, message);
    }
  }

  private addToGroup(connection: Connection): void {
    const { group } = connection;
    if (!group) return;
    const entry = this.groups.get(group.key) ?? { group, members: new Set<Connection>() };
    this.groups.set(group.key, entry);
    entry.members.add(connection);
    group.enter();
  }

  private removeFromGroup(connection: Connection): void {
    const { group } = connection;
    const entry = group && this.groups.get(group.key);
    if (!group || !entry) return;
    group.exit();
    entry.members.delete(connection);
    const next = entry.members.values().next();
    if (next.done) this.groups.delete(group.key);
    else if (entry.group === group) entry.group = next.value.group!;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private describe(connection: Connection) {
    return { transcriptId: this.transcriptId, connectionId: connection.id, userId: connection.userId };
  }
}

function reject(reason: RejectReason, message: string, close?: DisconnectReason): ReceiveResult {
  return close ? { kind: 'rejected', reason, message, close } : { kind: 'rejected', reason, message };
}

function safeSendGroup(group: ConnectionGroup, message: Uint8Array, except: Connection | null): boolean {
  try {
    return group.send(message, except);
  } catch {
    return false;
  }
}

function safeSend(connection: Connection, message: Uint8Array): void {
  try {
    connection.send(message);
  } catch {
    // A dead socket is the transport's to clean up (it will call leave); others must still get the message.
  }
}
