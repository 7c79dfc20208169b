import { Editor, Element, type Node, type NodeEntry, type Path } from 'slate';
import type { EventElement, NoteElement, TurnElement } from './types.ts';

/** A fresh block id; ids are what presence, claims and history refer to, so they are never reused. */
export function newBlockId(): string {
  return crypto.randomUUID();
}

/** True for a speaker turn. */
export function isTurn(node: Node): node is TurnElement {
  return Element.isElement(node) && node.type === 'turn';
}

/** True for a stage note. */
export function isNote(node: Node): node is NoteElement {
  return Element.isElement(node) && node.type === 'note';
}

/** True for a sound-event chip. */
export function isEvent(node: Node): node is EventElement {
  return Element.isElement(node) && node.type === 'event';
}

/** A new, empty turn that asks for its speaker. */
export function createTurn(overrides: Partial<TurnElement> = {}): TurnElement {
  return { type: 'turn', id: newBlockId(), speakerId: null, start: null, end: null, children: [{ text: '' }], ...overrides };
}

/** A sound-event chip such as "[ Laughter ]". */
export function createEvent(label: string): EventElement {
  return { type: 'event', label, raw: `[ ${label} ]`, children: [{ text: '' }] };
}

/** The top-level block (turn or note) containing `path`, if any. */
export function blockEntryAt(editor: Editor, path: Path): NodeEntry<TurnElement | NoteElement> | null {
  if (path.length === 0) return null;
  const index = path[0] ?? 0;
  const block = editor.children[index];
  if (!block || !(isTurn(block) || isNote(block))) return null;
  return [block, [index]];
}

/** The block the selection's focus is in. */
export function selectedBlock(editor: Editor): NodeEntry<TurnElement | NoteElement> | null {
  return editor.selection ? blockEntryAt(editor, editor.selection.focus.path) : null;
}

/** Path of the block with `id`; a linear scan, fine for user-triggered actions. */
export function findBlockPath(editor: Editor, id: string): Path | null {
  const index = editor.children.findIndex((block) => (isTurn(block) || isNote(block)) && block.id === id);
  return index === -1 ? null : [index];
}

/** True when `point` is at the very start of the block at `blockPath`. */
export function isAtBlockStart(editor: Editor, blockPath: Path): boolean {
  return editor.selection !== null && Editor.isStart(editor, editor.selection.anchor, blockPath);
}
