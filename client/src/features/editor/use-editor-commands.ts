import { useMemo } from 'react';
import { Editor, Transforms, type Node, type Path } from 'slate';
import { ReactEditor } from 'slate-react';
import type * as Y from 'yjs';
import type { ClaimKind } from '../../editor/claims.ts';
import { createEvent, findBlockPath, isNote, isTurn, selectedBlock } from '../../editor/nodes.ts';
import type { ShortcutAction } from '../../editor/shortcuts.ts';
import { splitTurnAtPlayhead } from '../../editor/split-at-playhead.ts';
import type { TranscriptEditor } from '../../editor/types.ts';
import { addRosterToUndo } from '../../editor/undoable-edit.ts';
import { findUnattributedTurn, findUncertain, leafRange, resolveUncertain, rewriteUncertain, uncertainAtSelection } from '../../editor/uncertain.ts';
import { mergeWithPrevious, splitBlock } from '../../editor/with-transcript.ts';
import { createSpeaker } from './use-speakers.ts';

interface CommandDeps {
  editor: TranscriptEditor;
  doc: Y.Doc;
  canEdit: boolean;
  claim: (turnIds: string[], kind: ClaimKind) => string | null;
  notify: (message: string) => void;
  openRosterForSelection: () => void;
  openEventMenu: () => void;
}

/** Every editor command, each checking permission and soft claims first; shared by keys and buttons. */
export function useEditorCommands({ editor, doc, canEdit, claim, notify, openRosterForSelection, openEventMenu }: CommandDeps) {
  return useMemo(() => {
    const focus = () => ReactEditor.focus(editor);
    const refuse = (message: string | null) => {
      if (message) notify(message);
      return message !== null;
    };

    const commands = {
      split() {
        const entry = selectedBlock(editor);
        if (!canEdit || !entry || refuse(claim([entry[0].id], 'split'))) return;
        splitBlock(editor);
      },
      /** Alt+Shift+T: the words from the cursor on become a turn starting at the playhead (`seconds`, null without a recording). */
      splitAtPlayhead(seconds: number | null) {
        const entry = selectedBlock(editor);
        if (!canEdit || !entry) return;
        if (seconds === null) return notify('Attach a recording to split a turn at the playhead.');
        if (refuse(claim([entry[0].id], 'split'))) return;
        const result = splitTurnAtPlayhead(editor, seconds);
        if (!result.ok) notify(result.reason);
      },
      merge() {
        const entry = selectedBlock(editor);
        const index = entry?.[1][0] ?? 0;
        const previous = editor.children[index - 1];
        if (!canEdit || !entry || !previous || !(isTurn(previous) || isNote(previous))) return;
        if (refuse(claim([entry[0].id, previous.id], 'merge'))) return;
        if (!mergeWithPrevious(editor, entry[1])) notify('Only two turns (or two notes) can be merged.');
      },
      relabel(turnId: string, speakerId: string | null) {
        const path = findBlockPath(editor, turnId);
        if (!canEdit || !path || refuse(claim([turnId], 'relabel'))) return;
        const match = (node: Node, nodePath: Path) => nodePath.length === 1 && isTurn(node);
        // Slate drops null-valued properties, so "no speaker" is an absent speakerId (read as null).
        if (speakerId === null) Transforms.unsetNodes(editor, 'speakerId', { at: path, match });
        else Transforms.setNodes(editor, { speakerId }, { at: path, match });
      },
      createSpeakerFor(turnId: string, name: string) {
        if (!canEdit) return;
        // Under the editor's own origin, with the roster in its undo scope, the new speaker and the
        // relabel are one step of the person's undo history, like their typing.
        addRosterToUndo(doc, editor);
        commands.relabel(turnId, createSpeaker(doc, name, editor.localOrigin));
      },
      goToUncertain(direction: 'next' | 'previous') {
        const entry = findUncertain(editor, direction);
        if (!entry) return notify('No uncertain spans left.');
        Transforms.select(editor, leafRange(editor, entry[1]));
        focus();
      },
      goToUnattributed() {
        const index = findUnattributedTurn(editor);
        if (index === null) return notify('Every turn has a speaker.');
        Transforms.select(editor, Editor.start(editor, [index]));
        focus();
      },
      resolve() {
        const entry = uncertainAtSelection(editor);
        if (!canEdit || !entry) return;
        resolveUncertain(editor, entry[1]);
      },
      rewrite() {
        const entry = uncertainAtSelection(editor);
        if (!canEdit || !entry) return;
        rewriteUncertain(editor, entry[1]);
        focus();
      },
      insertEvent(label: string) {
        if (!canEdit || !editor.selection || !selectedBlock(editor) || selectedBlock(editor)?.[0].type !== 'turn') {
          return notify('Put the cursor in a turn to insert a sound event.');
        }
        Transforms.insertNodes(editor, createEvent(label));
        Transforms.move(editor);
        focus();
      },
      removeEvent(element: object) {
        if (!canEdit) return;
        const path = ReactEditor.findPath(editor, element as Parameters<typeof ReactEditor.findPath>[1]);
        Transforms.removeNodes(editor, { at: path });
      },
      setTimecode(turnId: string, field: 'start' | 'end', seconds: number | null) {
        const path = findBlockPath(editor, turnId);
        if (!canEdit || !path) return;
        const match = (node: Node, nodePath: Path) => nodePath.length === 1 && isTurn(node);
        if (seconds === null) Transforms.unsetNodes(editor, field, { at: path, match });
        else Transforms.setNodes(editor, { [field]: seconds }, { at: path, match });
      },
    };

    const run: Record<ShortcutAction, () => void> = {
      nextUncertain: () => commands.goToUncertain('next'),
      previousUncertain: () => commands.goToUncertain('previous'),
      resolveUncertain: commands.resolve,
      rewriteUncertain: commands.rewrite,
      nextUnattributed: commands.goToUnattributed,
      changeSpeaker: () => canEdit && openRosterForSelection(),
      insertEvent: () => canEdit && openEventMenu(),
      mergeTurn: commands.merge,
    };
    return { ...commands, run };
  }, [editor, doc, canEdit, claim, notify, openRosterForSelection, openEventMenu]);
}

export type EditorCommands = ReturnType<typeof useEditorCommands>;
