import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { Editor, Element, Text, Transforms, type BaseRange } from 'slate';
import { ReactEditor } from 'slate-react';
import { listOpenItems, type OpenItem, type OpenItemKind } from '@verity/common';
import { findBlockPath } from '../../editor/nodes.ts';
import type { TranscriptEditor } from '../../editor/types.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveSnapshot } from '../../realtime/use-live-snapshot.ts';
import { queueShortcuts } from '../workspace/workspace-tabs.ts';

const kindLabels: Record<OpenItemKind, string> = { uncertain: 'Uncertain spans', unattributed: 'Turns without a speaker', duplicateSpeaker: 'Probable duplicate speakers', glossary: 'Glossary hits', comment: 'Open comments' };
const kinds = Object.keys(kindLabels) as OpenItemKind[];
/** Rows rendered at first; a long queue (a raw 4-hour file has hundreds) is one click from whole. */
const shownRows = 100;

/**
 * The review queue: every open item of the live document (uncertain spans, unattributed turns,
 * probable duplicate speakers) with counts and filters; next/previous (Alt+N / Alt+P) select the item
 * in the editor. Items disappear as people resolve them, in any editor.
 */
export function QueuePanel({ provider, editor }: { provider: LiveTranscriptProvider; editor: TranscriptEditor | null }) {
  const transcript = useLiveSnapshot(provider.doc);
  const items = useMemo(() => listOpenItems(transcript), [transcript]);
  const [hidden, setHidden] = useState<ReadonlySet<OpenItemKind>>(new Set());
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [isAllShown, setIsAllShown] = useState(false);
  const shown = useMemo(() => items.filter((item) => !hidden.has(item.kind)), [items, hidden]);
  const counts = useMemo(() => Object.fromEntries(kinds.map((kind) => [kind, items.filter((item) => item.kind === kind).length])) as Record<OpenItemKind, number>, [items]);

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
        {items.length === 0 ? 'Nothing open: every span is certain and every turn has a speaker.' : `${items.length} open item${items.length === 1 ? '' : 's'}.`}
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
      <ol className="queue-items" data-testid="queue-items">
        {(isAllShown ? shown : shown.slice(0, shownRows)).map((item) => (
          <QueueRow key={item.key} item={item} isCurrent={item.key === currentKey} onJump={jump} />
        ))}
      </ol>
      {!isAllShown && shown.length > shownRows ? (
        <button type="button" className="button button-ghost button-small" onClick={() => setIsAllShown(true)}>
          Show all {shown.length}
        </button>
      ) : null}
    </section>
  );
}

const itemLabels: Record<OpenItemKind, string> = { uncertain: 'Uncertain span', unattributed: 'Turn without a speaker', duplicateSpeaker: 'Probable duplicate speaker', glossary: 'Glossary hit', comment: 'Open comment' };

/** One item; re-rendered only when it changes (the queue is re-derived as people type). */
const QueueRow = memo(
  function QueueRow({ item, isCurrent, onJump }: { item: OpenItem; isCurrent: boolean; onJump: (item: OpenItem) => void }) {
    return (
      <li className={`queue-item${isCurrent ? ' is-current' : ''}`} data-testid="queue-item" data-kind={item.kind}>
        <button type="button" className="find-hit-body" onClick={() => onJump(item)}>
          <span className="find-hit-where muted">
            {item.turnNumber === null ? 'Words gone' : `Turn ${item.turnNumber}`} · {itemLabels[item.kind]}
          </span>
          <span className="find-hit-text">{item.label}</span>
        </button>
      </li>
    );
  },
  (before, after) => before.isCurrent === after.isCurrent && before.onJump === after.onJump && before.item.key === after.item.key && before.item.label === after.item.label && before.item.turnNumber === after.item.turnNumber,
);

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
