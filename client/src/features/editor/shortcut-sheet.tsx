import { useEffect, useRef } from 'react';
import { builtInShortcuts, shortcuts } from '../../editor/shortcuts.ts';
import { playerShortcuts } from '../media/player-shortcuts.ts';
import { workspaceShortcuts } from '../workspace/workspace-tabs.ts';
import { correctionShortcuts } from './classify-turn-corrections.tsx';

/** The list of keyboard shortcuts, as a modal dialog. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcut-sheet" aria-labelledby="shortcut-sheet-title" onClose={onClose} data-testid="shortcut-sheet">
      <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
      <dl>
        {[...builtInShortcuts, ...shortcuts, ...correctionShortcuts, ...workspaceShortcuts, ...playerShortcuts].map((shortcut) => (
          <div key={shortcut.keys} className="shortcut-row">
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.label}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button button-secondary" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
