import { Editor, Element, Node, Path, Range, Text, Transforms } from 'slate';
import { blockEntryAt, createTurn, isEvent, isNote, isTurn, newBlockId } from './nodes.ts';
import type { NoteElement, TurnElement } from './types.ts';

/**
 * Splits the block at the selection. The new block gets a fresh id; a new turn gets `speakerId:
 * null` so it asks for its speaker. At the very start of a block an empty turn goes before it, so
 * the words keep their speaker (and times). Timings: the first part keeps its start and its end
 * becomes unknown (the split point was never heard); the new part has no start (nothing is invented:
 * time it with Alt+T) and takes the old end, where its words stop — so merging back restores both.
 * Returns the id of the new block.
 */
export function splitBlock(editor: Editor): string | null {
  const { selection } = editor;
  if (!selection) return null;
  let newId: string | null = null;
  Editor.withoutNormalizing(editor, () => {
    if (Range.isExpanded(selection)) Transforms.delete(editor);
    const point = editor.selection?.anchor;
    const entry = point ? blockEntryAt(editor, point.path) : null;
    if (!point || !entry) return;
    const [block, path] = entry;
    const id = newBlockId();
    newId = id;
    if (Editor.isStart(editor, point, path) && !Editor.isEmpty(editor, block)) {
      const before = isTurn(block) ? createTurn({ id }) : ({ type: 'note', id, children: [{ text: '' }] } satisfies NoteElement);
      Transforms.insertNodes(editor, before, { at: path, select: false });
      return;
    }
    // Not splitNodes + setNodes: Slate drops properties set to null, and the contract wants
    // `speakerId: null` present. Inserting a whole new turn keeps every property as written.
    const tail = { anchor: point, focus: Editor.end(editor, path) };
    const [fragmentBlock] = Node.fragment(editor, tail);
    const children = fragmentBlock && Element.isElement(fragmentBlock) && fragmentBlock.children.length ? fragmentBlock.children : [{ text: '' }];
    Transforms.delete(editor, { at: tail });
    const nextPath = Path.next(path);
    const oldEnd = isTurn(block) ? (block.end ?? null) : null;
    const next = isTurn(block)
      ? createTurn({ id, end: oldEnd, children: children as TurnElement['children'] })
      : ({ type: 'note', id, children: children as NoteElement['children'] } satisfies NoteElement);
    if (oldEnd !== null) Transforms.unsetNodes(editor, 'end', { at: path });
    Transforms.insertNodes(editor, next, { at: nextPath, select: false });
    Transforms.select(editor, Editor.start(editor, nextPath));
  });
  return newId;
}

/**
 * Merges the block at `path` into the block before it (which keeps its id, speaker and start; its end
 * becomes the second turn's end, unknown when that one had none). Blocks of different kinds are not
 * merged: a note cannot hold a turn's events or speaker. Returns success.
 */
export function mergeWithPrevious(editor: Editor, path: Path): boolean {
  const index = path[0] ?? 0;
  if (path.length !== 1 || index === 0) return false;
  const block = editor.children[index];
  const previous = editor.children[index - 1];
  if (!block || !previous) return false;
  if (!(isTurn(block) && isTurn(previous)) && !(isNote(block) && isNote(previous))) {
    Transforms.select(editor, Editor.end(editor, [index - 1]));
    return false;
  }
  Editor.withoutNormalizing(editor, () => {
    const joinPoint = Editor.end(editor, [index - 1]);
    if (isTurn(block) && isTurn(previous)) {
      const end = block.end ?? null;
      // The merged turn ends where its last words do; an end before the kept start would be invalid.
      if (end !== null && (previous.start === null || end >= previous.start)) Transforms.setNodes(editor, { end }, { at: [index - 1] });
      else if (previous.end !== null && previous.end !== undefined) Transforms.unsetNodes(editor, 'end', { at: [index - 1] });
    }
    Transforms.mergeNodes(editor, { at: path });
    Transforms.select(editor, joinPoint);
  });
  return true;
}

/** Editors in the middle of applying other people's changes (set by the @slate-yjs hook below). */
const applyingRemote = new WeakSet<Editor>();

/** Fresh ids for pasted blocks, so a pasted turn never shares an id with the one it was copied from. */
function withFreshIds(fragment: Node[]): Node[] {
  return fragment.map((node) => (isTurn(node) || isNote(node) ? { ...node, id: newBlockId() } : node));
}

/**
 * The transcript's editing rules: events are inline voids; Enter splits a turn, Backspace at a
 * turn's start merges it into the previous one; the document stays a flat list of turns and notes.
 */
export function withTranscript<T extends Editor>(editor: T): T {
  const { isInline, isVoid, normalizeNode, deleteBackward, deleteForward, insertFragment } = editor;

  editor.isInline = (element) => element.type === 'event' || isInline(element);
  editor.isVoid = (element) => element.type === 'event' || isVoid(element);

  editor.insertBreak = () => {
    splitBlock(editor);
  };
  editor.insertSoftBreak = () => {
    // "\n" inside a turn is a paragraph break in the transcript model.
    editor.insertText('\n');
  };

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    const entry = selection && Range.isCollapsed(selection) ? blockEntryAt(editor, selection.anchor.path) : null;
    if (selection && entry && Editor.isStart(editor, selection.anchor, entry[1])) {
      mergeWithPrevious(editor, entry[1]);
      return;
    }
    deleteBackward(unit);
  };

  editor.deleteForward = (unit) => {
    const { selection } = editor;
    const entry = selection && Range.isCollapsed(selection) ? blockEntryAt(editor, selection.anchor.path) : null;
    if (selection && entry && Editor.isEnd(editor, selection.anchor, entry[1])) {
      const next = Path.next(entry[1]);
      if (Node.has(editor, next)) mergeWithPrevious(editor, next);
      return;
    }
    deleteForward(unit);
  };

  editor.insertFragment = (fragment, options) => insertFragment(withFreshIds(fragment), options);

  // Structural repairs of what other people sent belong to the server (normalize-transcript-doc.ts):
  // @slate-yjs normalizes after applying remote changes and sends the result as our own edit, so if
  // every client repaired a remote change, each repair would be made once per client.
  const live = editor as T & { applyRemoteEvents?: (...args: unknown[]) => void };
  if (typeof live.applyRemoteEvents === 'function') {
    const applyRemoteEvents = live.applyRemoteEvents;
    live.applyRemoteEvents = (...args) => {
      applyingRemote.add(editor);
      try {
        applyRemoteEvents(...args);
      } finally {
        applyingRemote.delete(editor);
      }
    };
  }

  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (applyingRemote.has(editor)) {
      normalizeNode(entry, options);
      return;
    }
    if (path.length === 0) {
      // Only turns and notes at the top: stray text or events get wrapped in a turn.
      for (const [index, child] of editor.children.entries()) {
        if (Text.isText(child) || isEvent(child)) {
          Transforms.wrapNodes(editor, createTurn({ children: [] }), { at: [index] });
          return;
        }
        if (Element.isElement(child) && !isTurn(child) && !isNote(child)) {
          // An unknown block (e.g. pasted from elsewhere) becomes a turn without a speaker (absent reads as null).
          Transforms.setNodes(editor, { type: 'turn', id: newBlockId() }, { at: [index] });
          return;
        }
      }
    } else if (Element.isElement(node) && !isEvent(node)) {
      if (path.length > 1) {
        // A block inside a block (e.g. from a paste): keep its content, drop the wrapper.
        Transforms.unwrapNodes(editor, { at: path });
        return;
      }
      if (!node.id) {
        Transforms.setNodes(editor, { id: newBlockId() }, { at: path });
        return;
      }
      if (isNote(node)) {
        // Notes hold plain text only; an event that lands in one keeps its words.
        for (const [index, child] of node.children.entries()) {
          const childNode: Node = child;
          if (isEvent(childNode)) {
            Transforms.removeNodes(editor, { at: [...path, index] });
            Transforms.insertNodes(editor, { text: childNode.raw }, { at: [...path, index] });
            return;
          }
        }
      }
    }
    normalizeNode(entry, options);
  };

  return editor;
}
