import { YjsEditor } from '@slate-yjs/core';
import { Editor, Element, Node, Text, type Path } from 'slate';

/**
 * Can normalization change this top-level node? Blocks as the server stores them (a turn or note with
 * an id, holding only text) cannot: Slate's own rules concern inlines (an event chip needs text on
 * both sides), empty elements and nesting, and @slate-yjs never yields an empty element.
 */
function mayNeedNormalizing(node: Node): boolean {
  if (!Element.isElement(node) || (node.type !== 'turn' && node.type !== 'note') || !node.id) return true;
  return node.children.length === 0 || node.children.some((child) => !Text.isText(child));
}

/**
 * Binds the editor to its shared document (YjsEditor.connect) and normalizes only the blocks that can
 * need it, with the same rules and in the same order as Slate's forced pass. That pass (which connect
 * runs) visits every node of the document, a third of the binding's time for a 4-hour transcript.
 */
export function connectEditor(editor: Editor): void {
  Editor.withoutNormalizing(editor, () => {
    // While not normalizing, connect's forced pass returns at once; what our calls below change is
    // marked dirty and normalized to the end when withoutNormalizing finishes, as Slate would.
    YjsEditor.connect(editor as YjsEditor);
    for (let index = editor.children.length - 1; index >= 0; index--) {
      const block = editor.children[index];
      if (!block || !mayNeedNormalizing(block)) continue;
      // Slate's pass takes paths from the end of the document order: a block's descendants before it.
      const paths: Path[] = Array.from(Node.nodes(block), ([, path]) => [index, ...path]).reverse();
      for (const path of paths) {
        if (Node.has(editor, path)) editor.normalizeNode([Node.get(editor, path), path], { force: true });
      }
    }
    editor.normalizeNode([editor, []], { force: true });
  });
}
