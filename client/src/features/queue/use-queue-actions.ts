import { useEffect, useMemo, useRef, useState } from 'react';
import { isDismissalAction, type GlossaryHit, type OpenItem, type QueueAction, type QueueResolution } from '@verity/common';
import { resolveComment } from '../../api/comments.api.ts';
import { recordResolution } from '../../api/queue.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import type { TranscriptEditor } from '../../editor/types.ts';
import { applyGlossaryFix } from '../glossary/use-glossary-hits.ts';
import { applyTurnSpeaker, confirmUncertain, editUncertain, mergeDuplicate, type UndoItem } from './queue-edits.ts';
import type { QueueRowActions } from './queue-row.tsx';

const labelChars = 200;

function recordLabel(item: OpenItem, detail?: string): string {
  const where = item.turnNumber === null ? '' : `Turn ${item.turnNumber}: `;
  return `${where}${item.label}${detail ? ` → ${detail}` : ''}`.slice(0, labelChars);
}

/**
 * The queue's actions. Each changes the live document as this person's edit (one undo step), or the
 * server (a comment resolved, a pair dismissed), then records how the item was resolved, so everyone's
 * "Resolved" section shows who did what. `lastChange` offers undo while it is the person's latest step.
 */
export function useQueueActions({ transcriptId, editor, glossaryHits }: { transcriptId: string; editor: TranscriptEditor | null; glossaryHits: readonly GlossaryHit[] }) {
  const action = useAsyncAction((change: () => Promise<unknown>) => change());
  const [lastChange, setLastChange] = useState<{ step: UndoItem | null; message: string } | null>(null);
  const run = action.run;
  // Read when a fix is clicked: the hits change with every edit, the actions (and the rows) need not.
  const hits = useRef(glossaryHits);
  useEffect(() => {
    hits.current = glossaryHits;
  });

  const actions = useMemo<Omit<QueueRowActions, 'onJump'>>(() => {
    const record = (item: OpenItem, how: QueueAction, label: string) =>
      recordResolution(transcriptId, { itemKey: (isDismissalAction(how) ? item.dismissKey : undefined) ?? item.key, kind: item.kind, action: how, label });
    /** A document change from the queue: nothing is recorded when it found nothing to change (someone was faster). */
    const changeDoc = (item: OpenItem, how: QueueAction, change: (editor: TranscriptEditor) => UndoItem | null, detail?: string) =>
      void run(async () => {
        if (!editor) return;
        const step = change(editor);
        if (step === null) {
          setLastChange({ step: null, message: 'That item changed meanwhile; nothing was done.' });
          return;
        }
        setLastChange({ step, message: `Done: ${recordLabel(item, detail)}` });
        await record(item, how, recordLabel(item, detail));
      });
    return {
      onConfirm: (item) => changeDoc(item, 'confirmed', (target) => confirmUncertain(target, item), 'confirmed as written'),
      onEdit: (item) => changeDoc(item, 'edited', (target) => editUncertain(target, item), 'edited'),
      onApplySpeaker: (item, speaker, how) => changeDoc(item, 'speakerApplied', (target) => (item.turnId ? applyTurnSpeaker(target, item.turnId, speaker) : null), how),
      onMerge: (item) => changeDoc(item, 'merged', (target) => (item.speakerIds ? mergeDuplicate(target, item.speakerIds[0], item.speakerIds[1]) : null), 'merged'),
      onFix: (item) =>
        changeDoc(item, 'fixed', (target) => {
          const hit = hits.current.find((entry) => entry.key === item.sourceId);
          if (!hit) return null;
          const before = target.undoManager.undoStack.length;
          return applyGlossaryFix(target, hit).fixed > 0 && target.undoManager.undoStack.length > before ? (target.undoManager.undoStack.at(-1) ?? null) : null;
        }, 'fixed'),
      onDismiss: (item) =>
        void run(async () => {
          await record(item, item.kind === 'duplicateSpeaker' ? 'notSamePerson' : 'ignored', recordLabel(item, item.kind === 'duplicateSpeaker' ? 'not the same person' : 'ignored'));
          setLastChange({ step: null, message: 'Hidden for everyone.' });
        }),
      onResolveComment: (item) =>
        void run(async () => {
          if (!item.sourceId) return;
          await resolveComment(transcriptId, item.sourceId);
          await record(item, 'commentResolved', recordLabel(item, 'resolved'));
          setLastChange({ step: null, message: 'Comment resolved.' });
        }),
    };
  }, [transcriptId, editor, run]);

  const restore = (resolution: QueueResolution) =>
    void run(async () => {
      await recordResolution(transcriptId, { itemKey: resolution.itemKey, kind: resolution.kind, action: 'restored', label: resolution.label });
      setLastChange({ step: null, message: 'Shown again for everyone.' });
    });

  /** Undo is offered while the queue's change is still the person's latest step. */
  const isLatest = Boolean(editor && lastChange?.step && editor.undoManager.undoStack.at(-1) === lastChange.step);
  const undo = () => {
    if (!editor || !lastChange?.step || editor.undoManager.undoStack.at(-1) !== lastChange.step) {
      setLastChange((current) => (current ? { step: null, message: `${current.message} (Later edits came after it: undo with Ctrl+Z in the text.)` } : current));
      return;
    }
    editor.undo();
    setLastChange({ step: null, message: 'Undone.' });
  };

  return { actions, restore, isBusy: action.isPending, error: action.error, resetError: action.reset, message: lastChange?.message ?? null, canUndo: isLatest, undo };
}
