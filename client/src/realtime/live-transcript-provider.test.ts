import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { contentKey, decodeFrame, liveTopics, encodeSyncStep1Frame, encodeSyncStep2Frame, type DocAck, type JoinAck } from '@verity/common';
import { LiveTranscriptProvider, type LiveTranscriptProviderOptions } from './live-transcript-provider.ts';
import { saveStatusLabel } from './save-status.ts';

type LiveSocket = ReturnType<NonNullable<LiveTranscriptProviderOptions['createSocket']>>;
type Handler = (...args: unknown[]) => void;
type DocPayload = { transcriptId: string; frame: Uint8Array };

const transcriptId = 'transcript-1';

/**
 * Just enough of a socket.io client for the provider, with a server played by the test: `connect`
 * fires 'connect' at once, `join` and `doc` calls are queued until the test answers them.
 */
class FakeSocket {
  connected = false;
  readonly joins: ((ack: JoinAck) => void)[] = [];
  readonly docs: { frame: Uint8Array; ack: (ack: DocAck) => void }[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler): this {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler);
    this.handlers.set(event, set);
    return this;
  }

  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }

  connect(): this {
    if (this.connected) return this;
    this.connected = true;
    this.fire('connect');
    return this;
  }

  disconnect(reason = 'io client disconnect'): this {
    if (!this.connected) return this;
    this.connected = false;
    this.fire('disconnect', reason);
    return this;
  }

  timeout(): { emit: (event: string, payload: DocPayload, callback: (error: Error | null, ack: DocAck) => void) => void } {
    return { emit: (event, payload, callback) => this.emit(event, payload, (ack: DocAck) => callback(null, ack)) };
  }

  emit(event: string, payload: unknown, ack?: (response: never) => void): this {
    if (event === 'join') this.joins.push(ack as (ack: JoinAck) => void);
    if (event === 'doc') this.docs.push({ frame: (payload as DocPayload).frame, ack: ack as (ack: DocAck) => void });
    return this;
  }

  /** The server sends a `doc` frame. */
  serverSends(frame: Uint8Array): void {
    this.fire('doc', { transcriptId, frame });
  }

  /** Fires a server event (also used by tests for `role`). */
  fire(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

/** The server's side: its own Y.Doc, the handshake it sends on join, and storing what clients send. */
class FakeServer {
  readonly doc = new Y.Doc();
  seq = 0;

  constructor(readonly socket: FakeSocket) {
    this.doc.getText('body').insert(0, 'server text');
  }

  /** Handshake frames (step 1, step 2) before the join ack, as the real server does. */
  acceptJoin(): void {
    this.socket.serverSends(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)));
    this.socket.serverSends(encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc)));
    this.socket.joins.shift()?.({ ok: true, role: 'editor', userId: 'user-1' });
  }

  /** Stores and acknowledges every queued document frame; returns their kinds. */
  ackAll(): string[] {
    const kinds: string[] = [];
    for (const { frame, ack } of this.socket.docs.splice(0)) {
      const decoded = decodeFrame(frame);
      kinds.push(decoded.kind);
      if (decoded.kind === 'update' || decoded.kind === 'syncStep2') {
        const before = Y.encodeStateVector(this.doc);
        Y.applyUpdate(this.doc, decoded.update);
        const changed = !equalBytes(before, Y.encodeStateVector(this.doc));
        ack(changed ? { ok: true, seq: ++this.seq } : { ok: true });
      } else {
        ack({ ok: true });
      }
    }
    return kinds;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

const providers: LiveTranscriptProvider[] = [];
afterEach(() => providers.splice(0).forEach((provider) => provider.destroy()));

function open() {
  const socket = new FakeSocket();
  const server = new FakeServer(socket);
  const provider = new LiveTranscriptProvider(transcriptId, { createSocket: () => socket as unknown as LiveSocket });
  providers.push(provider);
  return { socket, server, provider, text: () => provider.doc.getText('body').toString(), label: () => saveStatusLabel(provider.getState().save) };
}

describe('LiveTranscriptProvider', () => {
  it('reports a first sync the editor could not bind (a Y.Map where a turn belongs) instead of handing it over', () => {
    const { socket, server, provider } = open();
    server.doc.get(contentKey, Y.XmlText).insertEmbed(0, new Y.Map());
    server.acceptJoin();
    expect(provider.getState().isSynced).toBe(false);
    expect(provider.getState().closed).toMatchObject({ reason: 'internal', message: expect.stringContaining('cannot show') });
    expect(socket.connected).toBe(false);
  });

  it('joins, takes the server’s state and becomes live', () => {
    const { socket, server, provider, text } = open();
    expect(socket.joins).toHaveLength(1);
    expect(provider.getState()).toMatchObject({ connection: 'connecting', isSynced: false });

    server.acceptJoin();

    expect(provider.getState()).toMatchObject({ connection: 'live', role: 'editor', userId: 'user-1', isSynced: true });
    expect(text()).toBe('server text');
    // Answer to the server's step 1, then our own step 1, our presence and a query for everyone's.
    expect(server.ackAll()).toEqual(['syncStep2', 'syncStep1', 'awareness', 'queryAwareness']);
  });

  it('shows a local edit as saved only once the server acknowledges it', () => {
    const { server, provider, text, label } = open();
    server.acceptJoin();
    server.ackAll();
    expect(label()).toBe('All changes saved');

    provider.doc.getText('body').insert(0, 'typed ');
    expect(label()).toBe('Saving…');
    provider.doc.getText('body').insert(0, 'more ');
    expect(server.socket.docs).toHaveLength(2);
    const [first] = server.socket.docs.splice(0, 1);
    first?.ack({ ok: true, seq: 1 });
    expect(label()).toBe('Saving…');
    expect(server.ackAll()).toEqual(['update']);
    expect(label()).toBe('All changes saved');
    expect(text()).toBe('more typed server text');
  });

  it('keeps edits made offline as unsent and delivers them with the step 2 after reconnecting', () => {
    const { socket, server, provider, label } = open();
    server.acceptJoin();
    server.ackAll();

    socket.disconnect('transport close');
    expect(provider.getState().connection).toBe('offline');
    provider.doc.getText('body').insert(0, 'offline ');
    expect(socket.docs).toHaveLength(0);
    expect(label()).toBe('Offline — changes kept');
    expect(provider.getState().save.hasUnsent).toBe(true);
    // Meanwhile someone else edits on the server.
    server.doc.getText('body').insert(server.doc.getText('body').length, ' online');

    socket.connect();
    expect(socket.joins).toHaveLength(1);
    expect(label()).toBe('Offline — changes kept');
    server.acceptJoin();
    expect(label()).toBe('Saving…');
    const kinds = server.ackAll();
    expect(kinds[0]).toBe('syncStep2');
    expect(server.doc.getText('body').toString()).toBe('offline server text online');
    expect(provider.doc.getText('body').toString()).toBe('offline server text online');
    expect(label()).toBe('All changes saved');
  });

  it('treats a refused save as an error and an ack from a dropped connection as nothing', () => {
    const { socket, server, provider, label } = open();
    server.acceptJoin();
    server.ackAll();

    provider.doc.getText('body').insert(0, 'x');
    const [lost] = socket.docs.splice(0);
    socket.disconnect('transport close');
    lost?.ack({ ok: true, seq: 1 });
    expect(label()).toBe('Offline — changes kept');

    socket.connect();
    server.acceptJoin();
    server.ackAll();
    expect(label()).toBe('All changes saved');
    expect(server.doc.getText('body').toString()).toBe('xserver text');

    provider.doc.getText('body').insert(0, 'y');
    socket.docs.splice(0)[0]?.ack({ ok: false, error: { code: 'forbidden', message: 'You may only read this transcript.' } });
    expect(label()).toBe('Not saved: You may only read this transcript.');
  });

  it('follows a role change pushed while connected, with a notice, and stays connected', () => {
    const { socket, server, provider } = open();
    server.acceptJoin();
    socket.fire('role', { transcriptId, role: 'viewer' });
    expect(provider.getState()).toMatchObject({ connection: 'live', role: 'viewer', roleNotice: 'You can now only view this transcript.' });
    socket.fire('role', { transcriptId: 'another', role: 'owner' });
    socket.fire('role', { transcriptId, role: 'no such role' });
    expect(provider.getState().role).toBe('viewer');
    socket.fire('role', { transcriptId, role: 'editor' });
    expect(provider.getState()).toMatchObject({ role: 'editor', roleNotice: 'You can now edit this transcript.' });
  });

  it('passes on what the server says changed, for this transcript only, and everything after a reconnect', () => {
    const { socket, server, provider } = open();
    server.acceptJoin();
    const heard: (readonly string[])[] = [];
    const stop = provider.onChanged((topics) => heard.push(topics));
    socket.fire('changed', { transcriptId, topics: ['review', 'versions'] });
    socket.fire('changed', { transcriptId: 'another', topics: ['members'] });
    socket.fire('changed', { transcriptId, topics: ['gossip'] });
    socket.fire('changed', { transcriptId, topics: [] });
    expect(heard).toEqual([['review', 'versions']]);
    socket.disconnect('transport close');
    socket.connect();
    server.acceptJoin();
    expect(heard.at(-1)).toEqual(liveTopics);
    stop();
    socket.fire('changed', { transcriptId, topics: ['members'] });
    expect(heard).toHaveLength(2);
  });

  it('applies a first sync larger than a client may send, and stops with an error on a frame it cannot read', () => {
    const { socket, server, provider, text } = open();
    server.doc.getText('body').insert(0, 'x'.repeat(9 * 1024 * 1024));
    server.acceptJoin();
    expect(provider.getState().isSynced).toBe(true);
    expect(text().length).toBe(9 * 1024 * 1024 + 'server text'.length);

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    socket.serverSends(Uint8Array.of(0, 9, 9));
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    expect(provider.getState()).toMatchObject({ connection: 'closed', closed: { reason: 'internal', message: expect.stringContaining('could not be read') } });
  });
});
