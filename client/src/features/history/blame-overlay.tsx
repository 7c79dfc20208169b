import { memo, type ReactNode } from 'react';
import type { TurnElement } from '@verity/common';
import { PanelError } from '../../components/panel-error.tsx';
import { isBlameCurrent } from './blame-decorations.ts';
import { formatClock } from './history-labels.ts';
import { BlameContext, useBlame, useBlameSource } from './use-blame.ts';

/** Shares the authors overlay between the History panel (its switch) and the editor (its labels). */
export function BlameProvider({ transcriptId, children }: { transcriptId: string; children: ReactNode }) {
  return <BlameContext.Provider value={useBlameSource(transcriptId)}>{children}</BlameContext.Provider>;
}

/** "Show authors": turns the overlay on (fetching blame) and, while on, refreshes it on demand. */
export function BlameToggle() {
  const { isShown, status, error, setShown, refresh } = useBlame();
  return (
    <div className="blame-toggle">
      <label>
        <input type="checkbox" data-testid="blame-toggle" checked={isShown} onChange={(event) => setShown(event.target.checked)} /> Show authors
      </label>
      {isShown ? (
        <button type="button" className="button button-ghost button-small" onClick={refresh} disabled={status === 'loading'}>
          {status === 'loading' ? 'Loading authors…' : 'Refresh authors'}
        </button>
      ) : null}
      {status === 'error' ? <PanelError error={error} onRetry={refresh} /> : null}
    </div>
  );
}

/**
 * Beside the speaker chip while the overlay is on: who last changed the turn and when, as of the last
 * fetch ("edited since" once the text moved on; the word tooltips then pause until a refresh).
 */
export const TurnBlameNote = memo(function TurnBlameNote({ element }: { element: TurnElement }) {
  const { isShown, status, turns } = useBlame();
  if (!isShown) return null;
  const blame = turns.get(element.id);
  let text: string;
  if (!blame) text = status === 'loading' ? 'Loading authors…' : 'New since the authors were loaded';
  else if (!blame.lastChangedBy) text = 'As imported';
  else text = `Last changed by ${blame.lastChangedBy.displayName}${blame.lastChangedAt ? ` · ${formatClock(blame.lastChangedAt)}` : ''}`;
  if (blame && !isBlameCurrent(element, blame)) text += ' · edited since';
  return (
    <span className="turn-blame" data-testid="turn-blame" contentEditable={false}>
      {text}
    </span>
  );
});
