import type { Point} from 'slate';
import { Editor, Node, Path, Text, Transforms, type BaseRange, type NodeEntry } from 'slate';
import type { TranscriptText } from './types.ts';
import { isTurn } from './nodes.ts';

/** True for a leaf the captioner marked as uncertain. */
export function isUncertain(node: Node): node is TranscriptText & { uncertain: string } {
  return Text.isText(node) && typeof node.uncertain === 'string';
}

/** The uncertain leaf at the selection's focus, if any. */
export function uncertainAtSelection(editor: Editor): NodeEntry<TranscriptText> | null {
  if (!editor.selection) return null;
  const path = editor.selection.focus.path;
  if (!Node.has(editor, path)) return null;
  const node = Node.get(editor, path);
  return isUncertain(node) ? [node, path] : null;
}

/**
 * The next (or previous) uncertain leaf after the selection, wrapping around the document. A linear
 * walk over leaves: cheap next to rendering, and only run on a shortcut.
 */
export function findUncertain(editor: Editor, direction: 'next' | 'previous'): NodeEntry<TranscriptText> | null {
  const entries = Array.from(Editor.nodes(editor, { at: [], match: isUncertain })) as NodeEntry<TranscriptText>[];
  if (entries.length === 0) return null;
  const from = editor.selection?.focus;
  if (!from) return direction === 'next' ? (entries[0] ?? null) : (entries.at(-1) ?? null);
  if (direction === 'next') {
    return entries.find(([, path]) => Path.isAfter(path, from.path)) ?? entries[0] ?? null;
  }
  return [...entries].reverse().find(([, path]) => Path.isBefore(path, from.path)) ?? entries.at(-1) ?? null;
}

/** The first unattributed turn after the selection's block, wrapping around. */
export function findUnattributedTurn(editor: Editor): number | null {
  const count = editor.children.length;
  const start = editor.selection ? (editor.selection.focus.path[0] ?? -1) : -1;
  for (let step = 1; step <= count; step++) {
    const index = (start + step + count) % count;
    const block = editor.children[index];
    if (block && isTurn(block) && block.speakerId == null) return index;
  }
  return null;
}

/** Range covering a whole leaf. */
export function leafRange(editor: Editor, path: Path): BaseRange {
  return { anchor: Editor.start(editor, path), focus: Editor.end(editor, path) };
}

/**
 * Resolves an uncertain span: the words stay, the marker goes. A marker-only leaf ("[inaudible]"
 * with no words) has nothing to keep, so it is removed.
 */
export function resolveUncertain(editor: Editor, path: Path): void {
  const node = Node.get(editor, path);
  if (!isUncertain(node)) return;
  if (node.isMarkerOnly) {
    Transforms.delete(editor, { at: leafRange(editor, path) });
    return;
  }
  Transforms.unsetNodes(editor, ['uncertain', 'isMarkerOnly'], { at: path });
}

/** Selects an uncertain span with its marker dropped, so whatever is typed next replaces it. */
export function rewriteUncertain(editor: Editor, path: Path): void {
  const node = Node.get(editor, path);
  if (!isUncertain(node)) return;
  const ref = Editor.rangeRef(editor, leafRange(editor, path));
  Transforms.unsetNodes(editor, ['uncertain', 'isMarkerOnly'], { at: path });
  const range = ref.unref();
  if (range) Transforms.select(editor, range);
}

/** True when `point` lies inside the leaf at `path`. */
export function isPointInLeaf(point: Point, path: Path): boolean {
  return Path.equals(point.path, path);
}
