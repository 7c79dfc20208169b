import { randomUUID } from 'node:crypto';
import { withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor, Element, Text, Transforms, type BaseEditor, type Descendant, type Path } from 'slate';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc, encodeUpdateFrame, readTranscriptDoc, transcriptSchema } from '@verity/common';
import { checkUpdateLayout } from './check-update-layout.ts';
import { FakeConnectionBuilder } from './fake-connection.ts';
import { LiveSession } from './live-session.ts';
import type { ReceiveResult } from './live-session-types.ts';
import { MemoryUpdateStore } from './memory-update-store.ts';
import { normalizeTouchedBlocks } from './normalize-transcript-doc.ts';
import { repairTranscriptLayout } from './repair-transcript-layout.ts';

// Real @slate-yjs editors making random concurrent edits through one session with the production
// checks: whatever honest Slate operations produce, interleaved however, must pass the layout check
// (no refusal) and every replica must converge on a valid transcript.

const transcriptId = 'transcript-1';
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

const seed = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: { title: 'Fuzz' },
  speakers: [
    { id: 's1', label: 'ALICE', displayName: 'Alice' },
    { id: 's2', label: 'BOB', displayName: 'Bob' },
  ],
  turns: [
    { id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'The first turn has some words.' }] },
    { id: 't2', speakerId: 's2', content: [{ type: 'text', text: 'A second one ' }, { type: 'event', label: 'Laughter', raw: '[Laughter]' }, { type: 'text', text: ' goes on.' }] },
    { id: 't3', speakerId: null, content: [{ type: 'uncertain', text: 'unsure', marker: '(?)' }, { type: 'text', text: ' and the end.' }] },
  ],
  notes: [{ id: 'n1', afterTurnId: 't3', text: 'Adjourned.' }],
});

/**
 * Event chips are inline voids, and an event that lands in a note (a deletion across a turn and a
 * note merges them) becomes its words, as the editor's own normalization does (client/src/editor/with-transcript.ts).
 */
function withEvents<T extends BaseEditor>(editor: T): T {
  const { isInline, isVoid, normalizeNode } = editor;
  editor.isInline = (element) => (element as { type?: string }).type === 'event' || isInline(element);
  editor.isVoid = (element) => (element as { type?: string }).type === 'event' || isVoid(element);
  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node) && (node as { type?: string }).type === 'note' && path.length === 1) {
      for (const [index, child] of node.children.entries()) {
        if (Element.isElement(child) && (child as { type?: string }).type === 'event') {
          Transforms.removeNodes(editor, { at: [...path, index] });
          Transforms.insertNodes(editor, { text: (child as unknown as { raw: string }).raw }, { at: [...path, index] });
          return;
        }
      }
    }
    normalizeNode(entry, options);
  };
  return editor;
}

function random(seedValue: number): () => number {
  let state = seedValue;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

type Block = { type: string; id: string; children: Descendant[] };

/** One random edit of the kinds the transcript editor makes. */
function randomSlateEdit(editor: Editor, next: () => number): void {
  const texts = [...Editor.nodes(editor, { at: [], match: (node, path) => Text.isText(node) && path.length === 2 })] as [Text, Path][];
  if (texts.length === 0) return;
  const [text, path] = texts[Math.floor(next() * texts.length)]!;
  const point = { path, offset: Math.floor(next() * (text.text.length + 1)) };
  const blockIndex = path[0]!;
  const block = editor.children[blockIndex] as Block;
  const kind = next();
  if (kind < 0.35) Transforms.insertText(editor, next() < 0.5 ? 'word ' : 'x', { at: point });
  else if (kind < 0.5) {
    const [otherText, otherPath] = texts[Math.floor(next() * texts.length)]!;
    const other = { path: otherPath, offset: Math.floor(next() * (otherText.text.length + 1)) };
    Transforms.delete(editor, { at: { anchor: point, focus: other } });
  } else if (kind < 0.62) {
    Transforms.splitNodes(editor, { at: point, match: (node, nodePath) => Element.isElement(node) && nodePath.length === 1, always: true });
    // The editor gives the new block a fresh id (a copy would repeat it; the server repairs that too).
    if (next() < 0.5) Transforms.setNodes(editor, { id: randomUUID() } as never, { at: [blockIndex + 1] });
  } else if (kind < 0.7 && blockIndex > 0 && (editor.children[blockIndex - 1] as Block).type === block.type) {
    Transforms.mergeNodes(editor, { at: [blockIndex] });
  } else if (kind < 0.78 && block.type === 'turn') {
    const speakerId = [null, 's1', 's2'][Math.floor(next() * 3)];
    if (speakerId === null) Transforms.unsetNodes(editor, 'speakerId', { at: [blockIndex] });
    else Transforms.setNodes(editor, { speakerId } as never, { at: [blockIndex] });
  } else if (kind < 0.84 && block.type === 'turn') {
    Transforms.insertNodes(editor, { type: 'event', label: 'Applause', raw: '[Applause]', children: [{ text: '' }] } as never, { at: point });
  } else if (kind < 0.92 && text.text.length > 1) {
    const focus = { path, offset: Math.min(text.text.length, point.offset + 1 + Math.floor(next() * 5)) };
    const anchor = { path, offset: Math.min(point.offset, focus.offset - 1) };
    Transforms.setNodes(editor, (next() < 0.7 ? { uncertain: '(?)' } : { uncertain: null }) as never, { at: { anchor, focus }, match: Text.isText, split: true });
  } else {
    Transforms.insertNodes(editor, { type: 'note', id: randomUUID(), children: [{ text: 'A note.' }] } as never, { at: [blockIndex + 1] });
  }
}

async function open() {
  const store = new MemoryUpdateStore();
  await store.saveCheckpoint(transcriptId, Y.encodeStateAsUpdate(createTranscriptDoc(seed)), 0);
  const session = await LiveSession.load({ transcriptId, store, normalize: normalizeTouchedBlocks, checkUpdate: checkUpdateLayout, repairOnLoad: repairTranscriptLayout });
  cleanup.push(() => session.close('server_shutdown'));
  const connect = (userId: string) => {
    const client = new FakeConnectionBuilder(session).withUser(userId).join();
    const editor = withEvents(withYjs(createEditor(), client.doc.get(contentKey, Y.XmlText)));
    YjsEditor.connect(editor);
    cleanup.push(() => {
      YjsEditor.disconnect(editor);
      client.awareness.destroy();
    });
    // Everything this replica does on its own goes out, as the provider sends it: its edits, and the
    // formatting cleanup Yjs makes after applying others' changes (that is a local transaction too).
    const queue: Uint8Array[] = [];
    client.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'server' && queue.push(update));
    return { client, editor, queue };
  };
  return { session, connect };
}

/** Applies a Slate change to the replica now; its update waits in the replica's queue (so tests interleave). */
function local(editor: Editor, change: () => void): void {
  change();
  YjsEditor.flushLocalChanges(editor as YjsEditor & Editor);
}

describe('real Slate editors editing at once through the production checks', { timeout: 60_000 }, () => {
  it.each(process.env.SLATE_FUZZ_SEEDS ? Array.from({ length: Number(process.env.SLATE_FUZZ_SEEDS) }, (_, k) => 100 + k) : [11, 12, 13, 14, 15])('seed %i: no honest edit refused, every replica converges on a valid transcript', async (seedValue) => {
    const next = random(seedValue);
    const { session, connect } = await open();
    const editors = ['alice', 'bob', 'carol'].map(connect);
    const refused: ReceiveResult[] = [];
    const sendQueued = async (entry: (typeof editors)[number]) => {
      for (const update of entry.queue.splice(0)) {
        const result = await entry.client.send(encodeUpdateFrame(update));
        if (result.kind === 'rejected') refused.push(result);
      }
      for (const result of await entry.client.flush()) if (result.kind === 'rejected') refused.push(result);
    };
    for (let step = 0; step < 60; step++) {
      const entry = editors[Math.floor(next() * editors.length)]!;
      local(entry.editor, () => randomSlateEdit(entry.editor, next));
      // Edits pile up locally and go out in bursts, so others' changes cross them in flight.
      if (next() < 0.4) await sendQueued(editors[Math.floor(next() * editors.length)]!);
    }
    for (let round = 0; round < 3; round++) for (const entry of editors) await sendQueued(entry);

    expect(refused).toEqual([]);
    expect(session.lastSeq).toBeGreaterThan(20);
    const result = readTranscriptDoc(session.doc);
    expect(transcriptSchema.safeParse(result).success).toBe(true);
    for (const { client, editor } of editors) {
      expect(readTranscriptDoc(client.doc)).toEqual(result);
      expect(editor.children.length).toBe(session.doc.get(contentKey, Y.XmlText).toDelta().length);
    }
  });
});
