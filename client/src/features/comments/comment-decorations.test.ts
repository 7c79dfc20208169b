import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorBytesToBase64, contentKey, createCommentAnchor, createTranscriptDoc, readTranscriptBlocks, transcriptSchema, type CommentThread } from '@verity/common';
import { commentRanges, groupOpenThreads } from './comment-decorations.ts';

const doc = createTranscriptDoc(
  transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: { title: 'x' },
    speakers: [],
    turns: [
      { id: 't1', speakerId: null, content: [{ type: 'text', text: 'Ask ' }, { type: 'uncertain', text: 'GAC', marker: '(?)' }, { type: 'text', text: ' now.' }] },
      { id: 't2', speakerId: null, content: [{ type: 'text', text: 'Other.' }] },
    ],
    notes: [],
  }),
);

function thread(id: string, blockId: string, start: number, end: number, resolvedAt: string | null = null): CommentThread {
  const anchor = createCommentAnchor(doc, { blockId, start, end })!;
  return { id, anchor: { start: anchorBytesToBase64(anchor.start), end: anchorBytesToBase64(anchor.end) }, resolvedAt } as CommentThread;
}

describe('the comments overlay', () => {
  it('marks the open threads’ words across leaves, and follows edits made before them', () => {
    const threads = [thread('c1', 't1', 2, 8), thread('c2', 't1', 0, 1, '2026-12-01T00:00:00Z'), thread('c3', 't2', 0, 5)];
    const byBlock = groupOpenThreads(doc, threads);
    expect([...byBlock.keys()].sort()).toEqual(['t1', 't2']);
    expect(byBlock.get('t1')!.map((entry) => entry.id)).toEqual(['c1']);
    let [block] = readTranscriptBlocks(doc);
    expect(commentRanges(doc, block!, 0, byBlock.get('t1')!)).toEqual([
      { anchor: { path: [0, 0], offset: 2 }, focus: { path: [0, 0], offset: 4 }, commentId: 'c1' },
      { anchor: { path: [0, 1], offset: 0 }, focus: { path: [0, 1], offset: 3 }, commentId: 'c1' },
      { anchor: { path: [0, 2], offset: 0 }, focus: { path: [0, 2], offset: 1 }, commentId: 'c1' },
    ]);
    const turn = (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[0]!.insert;
    turn.insert(0, 'Please ');
    [block] = readTranscriptBlocks(doc);
    expect(commentRanges(doc, block!, 0, byBlock.get('t1')!)[0]).toEqual({ anchor: { path: [0, 0], offset: 9 }, focus: { path: [0, 0], offset: 11 }, commentId: 'c1' });
  });
});
