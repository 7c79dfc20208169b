import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc, transcriptSchema } from '@verity/common';
import { createSnapshotStore } from './use-live-snapshot.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: {},
  speakers: [],
  turns: [{ id: 't1', speakerId: null, start: null, end: null, content: [{ type: 'text', text: 'Hello' }] }],
  notes: [],
});
const firstBlock = (doc: Y.Doc) => (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[0]!.insert;

afterEach(() => vi.useRealTimers());

describe('the live snapshot store', () => {
  it('re-reads once for a burst of edits, then tells every panel; stops listening when nobody watches', () => {
    vi.useFakeTimers();
    const doc = createTranscriptDoc(transcript);
    const store = createSnapshotStore(doc);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    const heard = vi.fn();
    const stop = store.subscribe(heard);
    for (const letter of 'abc') firstBlock(doc).insert(5, letter);
    expect(heard).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().turns[0]!.content).toEqual([{ type: 'text', text: 'Hellocba' }]);
    stop();
    firstBlock(doc).insert(0, 'x');
    vi.advanceTimersByTime(1000);
    expect(heard).toHaveBeenCalledTimes(1);
    // Read afresh for the next panel, not the stale copy.
    expect(store.getSnapshot().turns[0]!.content).toEqual([{ type: 'text', text: 'xHellocba' }]);
  });
});
