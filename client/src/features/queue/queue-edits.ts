import { Element, Text, type Path } from 'slate';
import type * as Y from 'yjs';
import { addSpeakerToDoc, mergeSpeakersInDoc, readTranscriptDoc, setTurnSpeakerInDoc, type OpenItem } from '@verity/common';
import { findBlockPath, newBlockId } from '../../editor/nodes.ts';
import { runUndoableEdit } from '../../editor/undoable-edit.ts';
import type { TranscriptEditor } from '../../editor/types.ts';
import { resolveUncertain, rewriteUncertain } from '../../editor/uncertain.ts';

/**
 * The origin of the queue's own document changes (a speaker applied, a merge). The editor's undo
 * manager tracks it besides typing, and its scope takes in the roster, so Ctrl+Z reverts a change
 * made from the queue as one step, roster included, for the person who made it only.
 */
export const queueOrigin = { name: 'review-queue' };

/** An undo-stack entry, to tell whether a queue change is still the person's latest. */
export type UndoItem = unknown;

function docOf(editor: TranscriptEditor): Y.Doc {
  const doc = editor.sharedRoot.doc;
  if (!doc) throw new Error('The editor is not bound to the live document.');
  return doc;
}

/** Runs `change` as its own undo step (not merged with typing before or after) and returns that step. */
function asOneStep(editor: TranscriptEditor, change: (doc: Y.Doc) => void): UndoItem | null {
  const doc = docOf(editor);
  return runUndoableEdit(doc, editor, queueOrigin, () => change(doc)).step;
}

/** The path of the item's uncertain leaf in the editor, or null when it has changed meanwhile. */
function uncertainLeafPath(editor: TranscriptEditor, item: OpenItem): Path | null {
  if (item.turnId === null || item.uncertainIndex === null) return null;
  const path = findBlockPath(editor, item.turnId);
  const block = path ? editor.children[path[0]!] : undefined;
  if (!path || !block || !Element.isElement(block)) return null;
  let seen = 0;
  for (let index = 0; index < block.children.length; index++) {
    const child = block.children[index]!;
    if (Text.isText(child) && child.uncertain && seen++ === item.uncertainIndex) return [...path, index];
  }
  return null;
}

/** "Confirm as written": the words stay, the marker goes (a marker-only span is removed). */
export function confirmUncertain(editor: TranscriptEditor, item: OpenItem): UndoItem | null {
  const path = uncertainLeafPath(editor, item);
  if (!path) return null;
  return asOneStep(editor, () => resolveUncertain(editor, path));
}

/** "Edit": the marker goes and the words are selected, so what the person types next replaces them. */
export function editUncertain(editor: TranscriptEditor, item: OpenItem): UndoItem | null {
  const path = uncertainLeafPath(editor, item);
  if (!path) return null;
  return asOneStep(editor, () => rewriteUncertain(editor, path));
}

/** The roster speaker already called `name` (a suggestion applied twice before the queue re-read the roster). */
function speakerNamed(doc: Y.Doc, name: string): string | null {
  const wanted = name.trim().toLocaleLowerCase();
  for (const speaker of readTranscriptDoc(doc).speakers) if (speaker.displayName.trim().toLocaleLowerCase() === wanted) return speaker.id;
  return null;
}

/** Gives a turn a roster speaker, or a new speaker called `name` (reusing one of that name), in one step. */
export function applyTurnSpeaker(editor: TranscriptEditor, turnId: string, speaker: { speakerId: string } | { name: string }): UndoItem | null {
  return asOneStep(editor, (doc) =>
    doc.transact(() => {
      const speakerId = 'speakerId' in speaker ? speaker.speakerId : (speakerNamed(doc, speaker.name) ?? addSpeakerToDoc(doc, { id: newBlockId(), displayName: speaker.name }, queueOrigin).id);
      setTurnSpeakerInDoc(doc, turnId, speakerId, queueOrigin);
    }, queueOrigin),
  );
}

/** Merges the second speaker of a probable duplicate into the first. */
export function mergeDuplicate(editor: TranscriptEditor, into: string, from: string): UndoItem | null {
  return asOneStep(editor, (doc) => void mergeSpeakersInDoc(doc, into, [from], queueOrigin));
}
