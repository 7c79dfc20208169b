import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io as connectSocket, type Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { contentKey, encodeUpdateFrame, frameType, readTranscriptDoc, turnPlainText, type ClientToServerEvents, type DocAck, type JoinAck, type ServerToClientEvents, type Transcript } from '@verity/common';
import { createSession } from '../accounts/sessions.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { ParsePool } from '../imports/parse-pool.ts';
import { createLogger } from '../logger.ts';
import { attachRealtime, type Realtime } from '../realtime/attach-realtime.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The HTTP app and socket.io on one port sharing one LiveSessions registry, as index.ts wires them. */
export interface LiveTestServer {
  url: string;
  app: ReturnType<typeof createApp>;
  liveSessions: LiveSessions;
  join(userId: string, transcriptId: string): Promise<LiveClient>;
  close(): Promise<void>;
}

/** `parsePool`: the caller's own (which it closes), e.g. with a short time budget. */
export async function startLiveTestServer(prisma: PrismaClient, options: { parsePool?: ParsePool } = {}): Promise<LiveTestServer> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const logger = createLogger({ level: 'silent' });
  const liveSessions = createLiveSessions(prisma);
  const app = createApp({ prisma, config, logger, liveSessions, parsePool: options.parsePool });
  const server: Server = createServer(app);
  const realtime: Realtime = attachRealtime({ httpServer: server, prisma, config, logger, liveSessions });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: LiveClient[] = [];
  return {
    url,
    app,
    liveSessions,
    async join(userId, transcriptId) {
      // An hour: open connections are closed once their session expires (revoke-connections.ts).
      const { token } = await createSession(prisma, { userId, ttlMs: 3_600_000 });
      const socket: ClientSocket = connectSocket(url, { transports: ['websocket'], extraHeaders: { cookie: `verity_session=${token}` }, reconnection: false, forceNew: true });
      const client = new LiveClient(socket, transcriptId);
      clients.push(client);
      const ack: JoinAck = await socket.emitWithAck('join', { transcriptId });
      if (!ack.ok) throw new Error(`join failed: ${ack.error.message}`);
      await until(() => client.doc.get(contentKey, Y.XmlText).length > 0, 'the handshake');
      return client;
    },
    async close() {
      for (const client of clients) client.socket.disconnect();
      await realtime.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Polls until `condition` holds (5 s at most, unless told otherwise). */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Waits until every client's frames are acknowledged and all hold the same turns (normalization, a
 * server row of its own, can follow an edit, so one round of acknowledgements is not enough).
 */
export async function settleAll(...clients: LiveClient[]): Promise<void> {
  await until(async () => {
    for (const client of clients) await client.settle();
    const texts = clients.map((client) => JSON.stringify(client.transcript.turns));
    return texts.every((text) => text === texts[0]);
  }, 'convergence');
}

/**
 * A y-protocols client over the real socket that edits its Y.Doc the way the Slate editor (through
 * @slate-yjs) does: text inside a block's Y.XmlText, attributes on the block, splits as tail deletion
 * plus a copied block. `settle()` waits until every frame it sent is acknowledged.
 */
export class LiveClient {
  readonly doc = new Y.Doc();
  /** Acks of every frame sent since the last settle(), in order. */
  readonly pending: Promise<DocAck>[] = [];
  /** `closed` events the server sent. */
  readonly closed: { transcriptId: string; reason: string; message: string }[] = [];

  constructor(
    readonly socket: ClientSocket,
    readonly transcriptId: string,
  ) {
    socket.on('doc', ({ frame }) => this.receive(new Uint8Array(frame)));
    socket.on('closed', (event) => this.closed.push(event));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') this.track(this.send(encodeUpdateFrame(update)));
    });
  }

  get transcript(): Transcript {
    return readTranscriptDoc(this.doc);
  }

  /** Every sent frame acknowledged; throws on a refused one. */
  async settle(): Promise<void> {
    const acks = await Promise.all(this.pending.splice(0));
    const failed = acks.find((ack) => !ack.ok);
    if (failed && !failed.ok) throw new Error(`frame refused: ${failed.error.message}`);
  }

  block(index: number): Y.XmlText {
    const op = (this.doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[index];
    if (!op) throw new Error(`no block ${index}`);
    return op.insert;
  }

  /** Replaces the first occurrence of `from` in block `index` with `to`. */
  replace(index: number, from: string, to: string): void {
    const block = this.block(index);
    const offset = blockText(block).indexOf(from);
    if (offset < 0) throw new Error(`"${from}" not in block ${index}: ${blockText(block)}`);
    this.doc.transact(() => {
      block.delete(offset, from.length);
      if (to) block.insert(offset, to);
    });
  }

  setSpeaker(index: number, speakerId: string | null): void {
    this.block(index).setAttribute('speakerId', speakerId as string);
  }

  /** Splits block `index` before `at` as @slate-yjs does: the tail moves into a copy inserted after it. */
  split(index: number, at: string): void {
    const block = this.block(index);
    const text = blockText(block);
    const offset = text.indexOf(at);
    if (offset < 0) throw new Error(`"${at}" not in block ${index}`);
    this.doc.transact(() => {
      block.delete(offset, text.length - offset);
      const copy = new Y.XmlText();
      this.doc.get(contentKey, Y.XmlText).insertEmbed(index + 1, copy);
      for (const [key, value] of Object.entries(block.getAttributes())) copy.setAttribute(key, value as string);
      copy.insert(0, text.slice(offset));
    });
  }

  /** Merges block `index + 1` into block `index` (joined with a space), as deleting the break does. */
  mergeWithNext(index: number): void {
    const block = this.block(index);
    const next = this.block(index + 1);
    this.doc.transact(() => {
      block.insert(block.length, ` ${blockText(next)}`);
      this.doc.get(contentKey, Y.XmlText).delete(index + 1, 1);
    });
  }

  /** Prepends text to the first block, as typing at its start would. */
  type(text: string): void {
    this.block(0).insert(0, text);
  }

  firstTurnText(): string {
    return turnPlainText(this.transcript.turns[0]!);
  }

  /** Sends a raw frame (tests send malformed ones too). */
  send(frame: Uint8Array): Promise<DocAck> {
    return this.socket.emitWithAck('doc', { transcriptId: this.transcriptId, frame: frame as Uint8Array<ArrayBuffer> });
  }

  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== frameType.sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, frameType.sync);
    syncProtocol.readSyncMessage(decoder, reply, this.doc, 'remote');
    if (encoding.length(reply) > 1) this.track(this.send(encoding.toUint8Array(reply)));
  }

  /** Keeps an ack for settle(); a socket closed before it came is reported there, not as an unhandled rejection. */
  private track(ack: Promise<DocAck>): void {
    ack.catch(() => undefined);
    this.pending.push(ack);
  }
}

/** A block's text, with event chips as nothing (their length is 1 in Yjs offsets, so avoid them here). */
function blockText(block: Y.XmlText): string {
  return (block.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '\u0000')).join('');
}
