import { io as connectSocket } from 'socket.io-client';
import * as Y from 'yjs';
import { contentKey, readTranscriptDoc, transcriptSchema, type DocAck } from '@verity/common';
import { createSession } from '../accounts/sessions.ts';
import { createUpdateStore } from '../collab/create-live-sessions.ts';
import { isKnownUpdate } from '../collab/known-update.ts';
import { loadCurrentDoc } from '../collab/load-current-doc.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { buildTranscript, buildUser } from './factories.ts';
import { LiveClient, until, type LiveTestServer } from './live-test-server.ts';

/** How big one fuzz session is. */
export interface FuzzOptions {
  clients: number;
  /** Edits per client. */
  steps: number;
  /** Chance per step that a client drops its connection (typing on offline) and reconnects later. */
  disconnectRate: number;
}

/** What one session found; `problems` is empty when everything converged and nothing was lost. */
export interface FuzzReport {
  seed: number;
  edits: number;
  acknowledged: number;
  refused: number;
  reconnects: number;
  problems: string[];
}

/** A small seeded PRNG (mulberry32), so a failing seed can be replayed exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Editor {
  token: string;
  client: LiveClient;
  /** Every local update with the server's answer (null: never answered, e.g. the socket died). */
  sent: { update: Uint8Array; ack: Promise<DocAck | null> }[];
  offlineUntil: number;
}

/**
 * One convergence run over the real socket path: `clients` editors make random concurrent edits of
 * the kinds the editor makes (typing, deleting, splitting and merging turns, relabelling, deleting
 * across turns, uncertain marks) with random disconnects, then settle. Checks: no honest edit was
 * refused, every acknowledged update is in a fresh load from the database, every editor's document
 * equals that load, and the load is a valid transcript.
 */
export async function runConvergenceFuzz(prisma: PrismaClient, server: LiveTestServer, seed: number, options: FuzzOptions): Promise<FuzzReport> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const users = await Promise.all(Array.from({ length: options.clients }, () => buildUser(prisma)));
  const transcript = await buildTranscript(prisma, { ownerId: users[0]!.id, members: users.slice(1).map((user) => ({ userId: user.id, role: 'editor' as const })) });
  const speakers = ['s1', 's2', null] as const;
  const report: FuzzReport = { seed, edits: 0, acknowledged: 0, refused: 0, reconnects: 0, problems: [] };

  const connect = async (token: string, from?: Y.Doc): Promise<LiveClient> => {
    const socket = connectSocket(server.url, { transports: ['websocket'], extraHeaders: { cookie: `verity_session=${token}` }, reconnection: false, forceNew: true });
    const client = new LiveClient(socket, transcript.id);
    if (from) Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(from), 'remote');
    const ack = await socket.emitWithAck('join', { transcriptId: transcript.id });
    if (!ack.ok) throw new Error(`join failed: ${ack.error.message}`);
    await until(() => client.doc.get(contentKey, Y.XmlText).length > 0, 'the handshake');
    return client;
  };
  const editors: Editor[] = [];
  for (const user of users) {
    const { token } = await createSession(prisma, { userId: user.id, ttlMs: 600_000 });
    editors.push({ token, client: await connect(token), sent: [], offlineUntil: -1 });
  }
  // The roster the relabels use, set once through the server like a speaker rename would be.
  await server.liveSessions.applyChange(transcript.id, users[0]!.id, (doc) => {
    for (const id of ['s1', 's2']) doc.getMap('speakers').set(id, { id, label: id.toUpperCase(), displayName: id, role: null, affiliation: null, isGeneric: false });
  });
  await until(() => editors.every((editor) => editor.client.doc.getMap('speakers').size === 2), 'the roster');

  for (let step = 0; step < options.steps; step++) {
    for (const [index, editor] of editors.entries()) {
      if (editor.offlineUntil === step) {
        editor.client = await connect(editor.token, editor.client.doc);
        editor.offlineUntil = -1;
        report.reconnects++;
      } else if (editor.offlineUntil < 0 && next() < options.disconnectRate) {
        editor.client.socket.disconnect();
        editor.offlineUntil = step + 1 + Math.floor(next() * 4);
      }
      const { doc } = editor.client;
      const updates: Uint8Array[] = [];
      const capture = (update: Uint8Array, origin: unknown) => origin !== 'remote' && updates.push(update);
      doc.on('update', capture);
      doc.transact(() => randomEdit(doc, next, pick, `c${index}s${step}`, speakers));
      doc.off('update', capture);
      if (updates.length === 0) continue;
      report.edits++;
      const answered = editor.client.socket.connected ? editor.client.pending.at(-1) : undefined;
      editor.sent.push({ update: Y.mergeUpdates(updates), ack: answered ? withinTime(answered) : Promise.resolve(null) });
      if (next() < 0.3) await new Promise((resolve) => setTimeout(resolve, next() * 8));
    }
  }
  for (const editor of editors) if (!editor.client.socket.connected) editor.client = await connect(editor.token, editor.client.doc);

  // Settle: every editor's frames answered, then everyone holds what the server holds.
  for (const editor of editors) await Promise.all(editor.client.pending.map(withinTime));
  const store = createUpdateStore(prisma);
  const fresh = await loadCurrentDoc(store, transcript.id);
  try {
    const expected = fresh.doc.get(contentKey, Y.XmlText).toString();
    // Generous: on a loaded machine the last echoes can take a while; a real divergence never ends.
    const deadline = Date.now() + 20_000;
    while (!editors.every((editor) => editor.client.doc.get(contentKey, Y.XmlText).toString() === expected)) {
      if (Date.now() > deadline) {
        report.problems.push('an editor’s document differs from a fresh load of the database');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const editor of editors) {
      for (const { update, ack } of editor.sent) {
        const result = await ack;
        if (result?.ok) {
          report.acknowledged++;
          if (!isKnownUpdate(fresh.doc, update)) report.problems.push('an acknowledged update is missing from the database');
        } else if (result && !result.ok) {
          report.refused++;
          report.problems.push(`an honest edit was refused: ${result.error.message}`);
        }
      }
      const theirs = JSON.stringify(readTranscriptDoc(editor.client.doc));
      if (theirs !== JSON.stringify(readTranscriptDoc(fresh.doc))) report.problems.push('an editor reads a different transcript');
    }
    const parsed = transcriptSchema.safeParse(readTranscriptDoc(fresh.doc));
    if (!parsed.success) report.problems.push(`the stored document is not a valid transcript: ${parsed.error.issues[0]?.message}`);
  } finally {
    fresh.doc.destroy();
    for (const editor of editors) editor.client.socket.disconnect();
  }
  return report;
}

type Pick = <T>(items: readonly T[]) => T;

/** The ack, or null when none comes (a dead socket's frames are never answered). */
function withinTime(ack: Promise<DocAck>): Promise<DocAck | null> {
  return Promise.race([ack.catch(() => null), new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000).unref())]);
}

/** One edit as the Slate editor (through @slate-yjs) would make it, on a random block. */
function randomEdit(doc: Y.Doc, next: () => number, pick: Pick, word: string, speakers: readonly (string | null)[]): void {
  const root = doc.get(contentKey, Y.XmlText);
  const blocks = (root.toDelta() as { insert: unknown }[]).map((op) => op.insert).filter((insert): insert is Y.XmlText => insert instanceof Y.XmlText);
  if (blocks.length === 0) return;
  const index = Math.floor(next() * blocks.length);
  const block = blocks[index]!;
  const isTurn = block.getAttribute('type') === 'turn';
  // Offsets as Yjs counts them (an event chip is one), words without the chips.
  const text = blockText(block);
  const words = (from: number, to?: number) => text.slice(from, to).replaceAll(chip, '');
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.4) {
    block.insert(at, `${word} `, next() < 0.1 ? { uncertain: '(?)' } : {});
  } else if (kind < 0.52 && text.length > 0) {
    const from = Math.min(at, text.length - 1);
    block.delete(from, 1 + Math.floor(next() * Math.min(6, text.length - from)));
  } else if (kind < 0.62) {
    // Split: the tail moves into a copy of the block inserted after it (the copy keeps the id; the server renames it).
    const copy = new Y.XmlText();
    block.delete(at, text.length - at);
    root.insertEmbed(index + 1, copy);
    for (const [key, value] of Object.entries(block.getAttributes())) copy.setAttribute(key, value as string);
    copy.insert(0, words(at));
  } else if (kind < 0.69 && index + 1 < blocks.length) {
    // Merge the next block into this one.
    block.insert(block.length, blockText(blocks[index + 1]!).replaceAll(chip, ''));
    root.delete(index + 1, 1);
  } else if (kind < 0.77) {
    if (isTurn) block.setAttribute('speakerId', pick(speakers) as string);
  } else if (kind < 0.83 && index + 1 < blocks.length) {
    // Delete across turns: this block's tail, the next block's head, the two joined.
    const rest = blockText(blocks[index + 1]!);
    const cut = Math.floor(next() * (rest.length + 1));
    block.delete(at, text.length - at);
    block.insert(at, rest.slice(cut).replaceAll(chip, ''));
    root.delete(index + 1, 1);
  } else if (kind < 0.88 && isTurn) {
    const event = new Y.XmlText();
    block.insertEmbed(at, event);
    for (const [key, value] of Object.entries({ type: 'event', label: 'Laughter', raw: '[Laughter]' })) event.setAttribute(key, value);
  } else if (kind < 0.94 && text.length > 0) {
    const from = Math.min(at, text.length - 1);
    block.format(from, 1 + Math.floor(next() * Math.min(8, text.length - from)), { uncertain: next() < 0.6 ? '(?)' : null });
  } else {
    const note = new Y.XmlText();
    root.insertEmbed(index + 1, note);
    note.setAttribute('type', 'note');
    note.setAttribute('id', `n-${word}`);
    note.insert(0, `Note ${word}.`);
  }
}

const chip = '\u0000';

function blockText(block: Y.XmlText): string {
  return (block.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : chip)).join('');
}
