import { Editor, Transforms, type Node, type Path } from 'slate';
import { findBlockPath, isTurn, selectedBlock } from './nodes.ts';
import { splitBlock } from './with-transcript.ts';

const isTopTurn = (node: Node, path: Path) => path.length === 1 && isTurn(node);

/**
 * Splits the turn at the cursor so that the words from the cursor on become a turn starting at
 * `seconds` (the playhead): how a reviewer times a CART turn that holds two speakers. The first part
 * then ends there (when it ended later), the new turn keeps the old end. At a turn's very start
 * nothing is split: that turn itself starts at the playhead. A selection is not deleted: the split
 * is at its start. Returns the id of the turn that now starts at the playhead, or why nothing changed.
 */
export function splitTurnAtPlayhead(editor: Editor, seconds: number): { ok: true; turnId: string } | { ok: false; reason: string } {
  const entry = selectedBlock(editor);
  if (!entry || !isTurn(entry[0]) || !editor.selection) return { ok: false, reason: 'Put the cursor in a turn to split it at the playhead.' };
  const [turn, path] = entry;
  if (turn.start !== null && seconds < turn.start) return { ok: false, reason: 'The playhead is before this turn starts: the new turn cannot start before the words ahead of it.' };
  Transforms.collapse(editor, { edge: 'start' });
  const laterEnd = turn.end !== null && turn.end > seconds ? turn.end : null;
  if (Editor.isStart(editor, editor.selection.anchor, path)) {
    Transforms.setNodes(editor, { start: seconds }, { at: path, match: isTopTurn });
    if (turn.end !== null && laterEnd === null) Transforms.unsetNodes(editor, 'end', { at: path, match: isTopTurn });
    return { ok: true, turnId: turn.id };
  }
  let turnId: string | null = null;
  Editor.withoutNormalizing(editor, () => {
    turnId = splitBlock(editor);
    const tail = turnId ? findBlockPath(editor, turnId) : null;
    if (!tail) return;
    // splitBlock leaves the new turn without a start and moves the end to it; the times are set in the same change.
    if (laterEnd === null) {
      Transforms.setNodes(editor, { start: seconds }, { at: tail, match: isTopTurn });
      if (turn.end !== null) {
        // An end at or before the playhead stays with the first part, never on the new turn (it would precede its start).
        Transforms.unsetNodes(editor, 'end', { at: tail, match: isTopTurn });
        Transforms.setNodes(editor, { end: turn.end }, { at: path, match: isTopTurn });
      }
    } else {
      Transforms.setNodes(editor, { start: seconds, end: laterEnd }, { at: tail, match: isTopTurn });
      Transforms.setNodes(editor, { end: seconds }, { at: path, match: isTopTurn });
    }
  });
  return turnId ? { ok: true, turnId } : { ok: false, reason: 'Put the cursor in a turn to split it at the playhead.' };
}
