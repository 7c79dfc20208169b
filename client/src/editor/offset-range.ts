import { Element, Text, type BaseRange, type Editor, type Point } from 'slate';
import { findBlockPath } from './nodes.ts';

/**
 * The Slate range of [start, end) in a block's Yjs offsets (text characters, and one for each event
 * chip, as common/src/collab/replace-in-doc.ts counts them); null when the block is gone or shorter.
 */
export function blockOffsetRange(editor: Editor, blockId: string, start: number, end: number): BaseRange | null {
  const path = findBlockPath(editor, blockId);
  const block = path ? editor.children[path[0]!] : undefined;
  if (!path || !block || !Element.isElement(block)) return null;
  const pointAt = (offset: number): Point | null => {
    let seen = 0;
    for (let index = 0; index < block.children.length; index++) {
      const child = block.children[index]!;
      if (!Text.isText(child)) {
        seen += 1;
        continue;
      }
      if (offset <= seen + child.text.length) return { path: [...path, index], offset: offset - seen };
      seen += child.text.length;
    }
    return null;
  };
  const anchor = pointAt(start);
  const focus = pointAt(end);
  return anchor && focus ? { anchor, focus } : null;
}
