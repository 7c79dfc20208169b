import { describe, expect, it } from 'vitest';
import { YjsEditor } from '@slate-yjs/core';
import { Transforms } from 'slate';
import type * as Y from 'yjs';
import { collectGlossaryTerms, findGlossaryHits, readSearchableBlocks, readTranscriptDoc, transcriptSchema } from '@verity/common';
import { glossaryHitRanges } from './glossary-decorations.ts';
import { applyGlossaryFix } from './use-glossary-hits.ts';
import { bindTestEditor } from '../../testing/bind-test-editor.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: {},
  speakers: [{ id: 's1', label: 'MANON VAN TIEHOVEN', displayName: 'Manon van Tienhoven' }],
  turns: [
    { id: 't1', speakerId: 's1', start: null, end: null, content: [{ type: 'text', text: 'We reached know Cus with the GAC.' }] },
    { id: 't2', speakerId: null, start: null, end: null, content: [{ type: 'text', text: 'The GAC and ' }, { type: 'uncertain', text: 'know Cus', marker: '(?)' }, { type: 'text', text: ' again.' }] },
  ],
  notes: [],
});
const lists = [{ name: 'IGF', terms: [{ id: 'g1', term: 'consensus', misrecognitions: ['know Cus'] }, { id: 'g2', term: 'GFCE', misrecognitions: ['GAC'] }] }];

const boundEditor = () => bindTestEditor(transcript);
const hitsOf = (doc: Y.Doc) => findGlossaryHits(readSearchableBlocks(doc), collectGlossaryTerms(readTranscriptDoc(doc).speakers, lists)).hits;
const texts = (doc: Y.Doc) => readSearchableBlocks(doc).map((block) => block.text);

describe('glossary fixes in the live document', () => {
  it('fix one hit, or all of a term, each as one undo step of the person, keeping an uncertain span uncertain', () => {
    const { doc, editor } = boundEditor();
    const hits = hitsOf(doc);
    expect(hits.map((hit) => hit.label)).toEqual(['know Cus → consensus', 'GAC → GFCE', 'GAC → GFCE', 'know Cus → consensus']);

    expect(applyGlossaryFix(editor, hits[0]!)).toEqual({ fixed: 1, skipped: 0 });
    expect(texts(doc)[0]).toBe('We reached consensus with the GAC.');
    const gacs = hitsOf(doc).filter((hit) => hit.fix === 'GFCE');
    expect(applyGlossaryFix(editor, gacs)).toEqual({ fixed: 2, skipped: 0 });
    expect(texts(doc)).toEqual(['We reached consensus with the GFCE.', 'The GFCE and know Cus again.']);
    expect(applyGlossaryFix(editor, hitsOf(doc))).toEqual({ fixed: 1, skipped: 0 });
    expect(readTranscriptDoc(doc).turns[1]!.content).toContainEqual({ type: 'uncertain', text: 'consensus', marker: '(?)' });
    expect(hitsOf(doc)).toEqual([]);

    editor.undo();
    expect(texts(doc)).toEqual(['We reached consensus with the GFCE.', 'The GFCE and know Cus again.']);
    editor.undo();
    expect(texts(doc)).toEqual(['We reached consensus with the GAC.', 'The GAC and know Cus again.']);
    editor.undo();
    expect(readTranscriptDoc(doc)).toEqual(transcript);
  });

  it('leaves a hit someone changed meanwhile, and marks only text that still reads as the hit', () => {
    const { doc, editor } = boundEditor();
    const [first] = hitsOf(doc);
    Transforms.insertText(editor, 'y', { at: { path: [0, 0], offset: 13 } });
    YjsEditor.flushLocalChanges(editor);
    expect(texts(doc)[0]).toBe('We reached knyow Cus with the GAC.');
    expect(applyGlossaryFix(editor, first!)).toEqual({ fixed: 0, skipped: 1 });
    expect(glossaryHitRanges(editor.children[0] as never, 0, [first!])).toEqual([]);
    const fresh = hitsOf(doc);
    expect(glossaryHitRanges(editor.children[0] as never, 0, fresh.filter((hit) => hit.turnId === 't1'))).toEqual([
      { anchor: { path: [0, 0], offset: 30 }, focus: { path: [0, 0], offset: 33 }, glossaryLabel: 'GAC → GFCE', glossaryKey: fresh.find((hit) => hit.turnId === 't1')!.key },
    ]);
  });
});
