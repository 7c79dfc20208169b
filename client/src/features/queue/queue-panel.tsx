import { useCallback, useEffect, useMemo, useState } from 'react';
import { Editor, Element, Text, Transforms, type BaseRange } from 'slate';
import { ReactEditor } from 'slate-react';
import { countOpenItems, listOpenItems, suggestTurnSpeakers, type OpenItem, type OpenItemKind, type TurnSpeakerSuggestion } from '@verity/common';
import { PanelError } from '../../components/panel-error.tsx';
import { findBlockPath } from '../../editor/nodes.ts';
import type { TranscriptEditor } from '../../editor/types.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveSnapshot } from '../../realtime/use-live-snapshot.ts';
import { useOpenComments } from '../comments/use-open-comments.ts';
import { useGlossaryHits } from '../glossary/use-glossary-hits.ts';
import { usePanelVisible } from '../workspace/panel-visibility.ts';
import { queueShortcuts } from '../workspace/workspace-tabs.ts';
import { QueueRow } from './queue-row.tsx';
import { ResolvedList } from './resolved-list.tsx';
import { useQueueActions } from './use-queue-actions.ts';
import { useQueueRecord } from './use-queue-record.ts';
import { UndoNotice } from '../../components/undo-notice.tsx';

const kindLabels: Record<OpenItemKind, string> = { uncertain: 'Uncertain spans', unattributed: 'Turns without a speaker', duplicateSpeaker: 'Probable duplicate speakers', glossary: 'Glossary hits', comment: 'Open comments' };
const kinds = Object.keys(kindLabels) as OpenItemKind[];
/** Rows rendered at first; a long queue (a raw 4-hour file has hundreds) is one click from whole. */
const shownRows = 100;

interface QueuePanelProps {
  transcriptId: string;
  provider: LiveTranscriptProvider;
  editor: TranscriptEditor | null;
  canEdit: boolean;
}

/**
 * The review queue: every open item (uncertain spans, unattributed turns, probable duplicate speakers
 * from the live document; glossary hits; open comments) in reading order, with counts and filters;
 * next/previous (Alt+N / Alt+P) select the item in the editor. Each item's action goes through the
 * live document as this person's edit (one undo step) and is recorded (who, when, how) in the
 * "Resolved" section every reviewer sees live; dismissed items are hidden for everyone.
 */
export function QueuePanel({ transcriptId, provider, editor, canEdit }: QueuePanelProps) {
  const live = useLiveSnapshot(provider.doc);
  // While another tab is shown the queue keeps what it last showed and derives nothing (suggestions
  // cost milliseconds per snapshot on a 4-hour transcript); it catches up when shown again.
  const isVisible = usePanelVisible();
  const [transcript, setTranscript] = useState(live);
  if (isVisible && transcript !== live) setTranscript(live);
  const record = useQueueRecord(provider, transcriptId);
  const comments = useOpenComments(provider, transcriptId);
  const glossary = useGlossaryHits(provider);
  const items = useMemo(() => listOpenItems(transcript, { comments, glossaryHits: glossary.hits }, record.dismissed), [transcript, comments, glossary.hits, record.dismissed]);
  const suggestions = useMemo(() => groupByTurn(suggestTurnSpeakers(transcript)), [transcript]);
  const [hidden, setHidden] = useState<ReadonlySet<OpenItemKind>>(new Set());
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [isAllShown, setIsAllShown] = useState(false);
  const shown = useMemo(() => items.filter((item) => !hidden.has(item.kind)), [items, hidden]);
  const counts = useMemo(() => countOpenItems(items), [items]);
  const queue = useQueueActions({ transcriptId, editor, glossaryHits: glossary.hits });

  const jump = useCallback(
    (item: OpenItem) => {
      setCurrentKey(item.key);
      if (!editor) return;
      const range = itemRange(editor, item);
      if (!range) return;
      Transforms.select(editor, range);
      ReactEditor.focus(editor);
      ReactEditor.toDOMNode(editor, editor.children[range.anchor.path[0]!]!).scrollIntoView({ block: 'center' });
    },
    [editor],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      if (shown.length === 0) return;
      const at = shown.findIndex((item) => item.key === currentKey);
      const next = at === -1 ? (direction === 1 ? 0 : shown.length - 1) : (at + direction + shown.length) % shown.length;
      jump(shown[next]!);
    },
    [shown, currentKey, jump],
  );

  const rowActions = useMemo(() => ({ ...queue.actions, onJump: jump }), [queue.actions, jump]);

  useEffect(() => {
    const handle = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const shortcut = queueShortcuts.find((entry) => entry.code === event.code);
      if (!shortcut) return;
      event.preventDefault();
      step(shortcut.direction);
    };
    document.addEventListener('keydown', handle);
    return () => document.removeEventListener('keydown', handle);
  }, [step]);

  return (
    <section className="queue-panel" aria-label="Review queue" data-testid="queue-panel">
      <p className="muted" data-testid="queue-count">
        {items.length === 0 ? 'Nothing open: every span is certain, every turn has a speaker, no comment waits.' : `${items.length} open item${items.length === 1 ? '' : 's'}.`}
      </p>
      <fieldset className="queue-filters">
        <legend className="visually-hidden">Show</legend>
        {kinds.map((kind) => (
          <label key={kind} className="find-option">
            <input
              type="checkbox"
              checked={!hidden.has(kind)}
              onChange={() => {
                const next = new Set(hidden);
                if (!next.delete(kind)) next.add(kind);
                setHidden(next);
              }}
              data-testid={`queue-filter-${kind}`}
            />{' '}
            {kindLabels[kind]} ({counts[kind]})
          </label>
        ))}
      </fieldset>
      <div className="find-actions">
        <button type="button" className="button button-secondary button-small" onClick={() => step(-1)} disabled={shown.length === 0} title="Alt+P">
          Previous
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => step(1)} disabled={shown.length === 0} title="Alt+N" data-testid="queue-next">
          Next
        </button>
      </div>
      <UndoNotice message={queue.message} canUndo={queue.canUndo} onUndo={queue.undo} testId="queue-message" undoTestId="queue-undo" />
      <PanelError error={queue.error} onDismiss={queue.resetError} />
      <PanelError error={record.error} onRetry={record.reload} />
      <ol className="queue-items" data-testid="queue-items">
        {(isAllShown ? shown : shown.slice(0, shownRows)).map((item) => (
          <QueueRow
            key={item.key}
            item={item}
            isCurrent={item.key === currentKey}
            canEdit={canEdit}
            isBusy={queue.isBusy}
            suggestions={item.kind === 'unattributed' && item.turnId ? suggestions.get(item.turnId) : undefined}
            roster={transcript.speakers}
            actions={rowActions}
          />
        ))}
      </ol>
      {!isAllShown && shown.length > shownRows ? (
        <button type="button" className="button button-ghost button-small" onClick={() => setIsAllShown(true)}>
          Show all {shown.length}
        </button>
      ) : null}
      <ResolvedList resolutions={record.resolutions} dismissed={record.dismissed} canEdit={canEdit} isBusy={queue.isBusy} onRestore={queue.restore} />
    </section>
  );
}

/** Suggestions by turn (rows compare them by content, so a new snapshot re-renders only rows that changed). */
function groupByTurn(suggestions: readonly TurnSpeakerSuggestion[]): Map<string, TurnSpeakerSuggestion[]> {
  const byTurn = new Map<string, TurnSpeakerSuggestion[]>();
  for (const suggestion of suggestions) byTurn.set(suggestion.turnId, [...(byTurn.get(suggestion.turnId) ?? []), suggestion]);
  return byTurn;
}

/** Where an item is in the editor: the uncertain leaf itself, or the start of the turn. */
function itemRange(editor: TranscriptEditor, item: OpenItem): BaseRange | null {
  if (item.turnId === null) return null;
  const path = findBlockPath(editor, item.turnId);
  if (!path) return null;
  const block = editor.children[path[0]!];
  if (!block || !Element.isElement(block)) return null;
  if (item.uncertainIndex !== null) {
    let seen = 0;
    for (let index = 0; index < block.children.length; index++) {
      const child = block.children[index]!;
      if (!Text.isText(child) || !child.uncertain) continue;
      if (seen++ === item.uncertainIndex) return Editor.range(editor, [...path, index]);
    }
  }
  const start = Editor.start(editor, path);
  return { anchor: start, focus: start };
}
