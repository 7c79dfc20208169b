import { memo, useState } from 'react';
import type { OpenItem, OpenItemKind, Speaker, TurnSpeakerSuggestion } from '@verity/common';

const itemLabels: Record<OpenItemKind, string> = { uncertain: 'Uncertain span', unattributed: 'Turn without a speaker', duplicateSpeaker: 'Probable duplicate speaker', glossary: 'Glossary hit', comment: 'Open comment' };
const sourceLabels: Record<TurnSpeakerSuggestion['source'], string> = { 'self-introduction': 'self-introduction', 'hand-off': 'hand-off', thanks: 'thanked next' };

/** What a row can ask the panel to do; the panel makes the change and records it. */
export interface QueueRowActions {
  onJump: (item: OpenItem) => void;
  onConfirm: (item: OpenItem) => void;
  onEdit: (item: OpenItem) => void;
  onApplySpeaker: (item: OpenItem, speaker: { speakerId: string } | { name: string }, how: string) => void;
  onMerge: (item: OpenItem) => void;
  onDismiss: (item: OpenItem) => void;
  onFix: (item: OpenItem) => void;
  onResolveComment: (item: OpenItem) => void;
}

interface QueueRowProps {
  item: OpenItem;
  isCurrent: boolean;
  canEdit: boolean;
  isBusy: boolean;
  suggestions: readonly TurnSpeakerSuggestion[] | undefined;
  roster: readonly Speaker[];
  actions: QueueRowActions;
}

/** "Suggested: Catherine (hand-off: ‘Catherine, do you want to pick up --’)". */
export function describeSuggestion(suggestion: TurnSpeakerSuggestion): string {
  return `${suggestion.name}${suggestion.speakerId === null ? ' (new speaker)' : ''} · ${sourceLabels[suggestion.source]}: ‘${suggestion.evidence}’`;
}

/**
 * One item with its actions: suggestions for a turn without a speaker show on the row; the rest of
 * an item's actions (confirm, choose a speaker, merge, dismiss, fix, resolve) on the current row.
 * Re-rendered only when the item or what it shows changes (the queue is re-derived as people type).
 */
export const QueueRow = memo(
  function QueueRow({ item, isCurrent, canEdit, isBusy, suggestions, roster, actions }: QueueRowProps) {
    return (
      <li className={`queue-item${isCurrent ? ' is-current' : ''}`} data-testid="queue-item" data-kind={item.kind}>
        <div className="queue-item-body">
          <button type="button" className="find-hit-body" onClick={() => actions.onJump(item)}>
            <span className="find-hit-where muted">
              {item.turnNumber === null ? 'Words gone' : `Turn ${item.turnNumber}`} · {itemLabels[item.kind]}
            </span>
            <span className="find-hit-text">{item.label}</span>
          </button>
          {suggestions?.map((suggestion) => (
            <div key={`${suggestion.source}:${suggestion.name}`} className="queue-suggestion" data-testid="queue-suggestion">
              <span className="muted">Suggested: {describeSuggestion(suggestion)}</span>
              {canEdit ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={isBusy}
                  onClick={() => actions.onApplySpeaker(item, suggestion.speakerId ? { speakerId: suggestion.speakerId } : { name: suggestion.name }, `${suggestion.name} (${sourceLabels[suggestion.source]})`)}
                >
                  Apply
                </button>
              ) : null}
            </div>
          ))}
          {isCurrent && canEdit ? <ItemActions item={item} isBusy={isBusy} roster={roster} actions={actions} /> : null}
        </div>
      </li>
    );
  },
  (before, after) =>
    before.isCurrent === after.isCurrent &&
    before.canEdit === after.canEdit &&
    before.isBusy === after.isBusy &&
    before.actions === after.actions &&
    sameSuggestions(before.suggestions, after.suggestions) &&
    (!after.isCurrent || before.roster === after.roster) &&
    before.item.key === after.item.key &&
    before.item.label === after.item.label &&
    before.item.turnNumber === after.item.turnNumber,
);

function sameSuggestions(a: readonly TurnSpeakerSuggestion[] | undefined, b: readonly TurnSpeakerSuggestion[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((entry, index) => entry.name === b[index]!.name && entry.speakerId === b[index]!.speakerId && entry.evidence === b[index]!.evidence);
}

function ItemActions({ item, isBusy, roster, actions }: { item: OpenItem; isBusy: boolean; roster: readonly Speaker[]; actions: QueueRowActions }) {
  const [speakerId, setSpeakerId] = useState('');
  const button = (label: string, onClick: () => void, testId: string) => (
    <button type="button" className="button button-secondary button-small" disabled={isBusy} onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
  switch (item.kind) {
    case 'uncertain':
      return (
        <div className="find-actions">
          {button('Confirm as written', () => actions.onConfirm(item), 'queue-confirm')}
          {button('Edit', () => actions.onEdit(item), 'queue-edit')}
        </div>
      );
    case 'unattributed':
      return (
        <form
          className="find-actions"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = roster.find((speaker) => speaker.id === speakerId);
            if (chosen) actions.onApplySpeaker(item, { speakerId: chosen.id }, chosen.displayName);
          }}
        >
          <select aria-label="Speaker for this turn" value={speakerId} onChange={(event) => setSpeakerId(event.target.value)} data-testid="queue-speaker-select">
            <option value="">Choose a speaker…</option>
            {roster.map((speaker) => (
              <option key={speaker.id} value={speaker.id}>
                {speaker.displayName}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary button-small" disabled={isBusy || speakerId === ''}>
            Apply
          </button>
        </form>
      );
    case 'duplicateSpeaker':
      return (
        <div className="find-actions">
          {button('Merge', () => actions.onMerge(item), 'queue-merge')}
          {button('Not the same person', () => actions.onDismiss(item), 'queue-not-same')}
        </div>
      );
    case 'glossary':
      return (
        <div className="find-actions">
          {button('Fix', () => actions.onFix(item), 'queue-fix')}
          {button(item.dismissKey ? 'Ignore in this turn' : 'Ignore', () => actions.onDismiss(item), 'queue-ignore')}
        </div>
      );
    case 'comment':
      return <div className="find-actions">{button('Resolve', () => actions.onResolveComment(item), 'queue-resolve-comment')}</div>;
  }
}
