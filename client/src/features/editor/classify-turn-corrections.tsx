import { lazy, Suspense, useEffect, useState } from 'react';
import { useSlateSelector, useSlateStatic } from 'slate-react';
import { selectedBlock } from '../../editor/nodes.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';

// The list and its selects load on first use, so the editor does not wait for them.
const TurnCorrections = lazy(() => import('../history/turn-corrections.tsx').then((module) => ({ default: module.TurnCorrections })));

/** Listed in the shortcut sheet; the handler is here (a document listener, so it works wherever focus is). */
export const correctionShortcuts = [{ keys: 'Alt+C', label: 'Classify the corrections in the turn at the cursor (NER)' }] as const;

/**
 * "Classify corrections" for the turn at the cursor (button or Alt+C): the same control as the History
 * panel's Corrections view, for that turn only. Must render inside <Slate> (it reads the selection).
 */
export function ClassifyTurnCorrections({ provider, canClassify }: { provider: LiveTranscriptProvider; canClassify: boolean }) {
  const editor = useSlateStatic();
  const turnId = useSlateSelector((current) => {
    const block = selectedBlock(current)?.[0];
    return block?.type === 'turn' ? block.id : null;
  });
  const [openTurnId, setOpenTurnId] = useState<string | null>(null);
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'KeyC' || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const block = selectedBlock(editor)?.[0];
      if (block?.type !== 'turn') return;
      event.preventDefault();
      setOpenTurnId(block.id);
    };
    document.addEventListener('keydown', handleKeyDown, true);
    return () => document.removeEventListener('keydown', handleKeyDown, true);
  }, [editor]);
  return (
    <span className="classify-corrections-anchor">
      <button type="button" className="button button-ghost button-small" disabled={turnId === null} onMouseDown={(event) => event.preventDefault()} onClick={() => setOpenTurnId(turnId)} title="Alt+C" aria-keyshortcuts="Alt+C" data-testid="classify-turn-corrections">
        Classify corrections
      </button>
      {openTurnId !== null ? (
        <Suspense fallback={null}>
          <TurnCorrections provider={provider} turnId={openTurnId} canClassify={canClassify} onClose={() => setOpenTurnId(null)} />
        </Suspense>
      ) : null}
    </span>
  );
}
