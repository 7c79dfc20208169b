import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type * as Y from 'yjs';
import { findHitKey, type FindHit, type FindQuery } from '@verity/common';
import { blockOffsetRange } from '../../editor/offset-range.ts';
import type { TranscriptEditor } from '../../editor/types.ts';
import { useSpeakers } from '../editor/use-speakers.ts';
import { useFind } from './use-find.ts';
import { UndoNotice } from '../../components/undo-notice.tsx';

interface FindPanelProps {
  doc: Y.Doc;
  editor: TranscriptEditor | null;
  canEdit: boolean;
  /** Bumped when the tab is chosen by keyboard, so the search field takes the focus. */
  focusKey: number;
}

/**
 * Find & replace across the transcript: every hit in context with its turn and speaker and a
 * checkbox; the ticked ones are replaced as one change through the live document.
 */
export function FindPanel({ doc, editor, canEdit, focusKey }: FindPanelProps) {
  const find = useFind(doc, editor);
  const speakers = useSpeakers(doc);
  const names = useMemo(() => new Map(speakers.map((speaker) => [speaker.id, speaker.displayName])), [speakers]);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusKey > 0) input.current?.focus();
  }, [focusKey]);

  const set = (patch: Partial<FindQuery>) => find.setQuery({ ...find.query, ...patch });
  const reveal = (hit: FindHit) => {
    if (!editor) return;
    const range = blockOffsetRange(editor, hit.blockId, hit.start, hit.end);
    if (!range) return;
    Transforms.select(editor, range);
    ReactEditor.focus(editor);
    ReactEditor.toDOMNode(editor, editor.children[range.anchor.path[0]!]!).scrollIntoView({ block: 'center' });
  };
  const turnCount = new Set(find.hits.map((hit) => hit.blockId)).size;

  return (
    <section className="find-panel" aria-label="Find and replace" data-testid="find-panel">
      <form className="find-form" onSubmit={(event) => event.preventDefault()} role="search">
        <label className="field">
          <span className="field-label">Find</span>
          <input ref={input} value={find.query.pattern} onChange={(event) => set({ pattern: event.target.value })} maxLength={500} spellCheck={false} data-testid="find-input" />
        </label>
        <label className="field">
          <span className="field-label">Replace with</span>
          <input value={find.query.replacement} onChange={(event) => set({ replacement: event.target.value })} maxLength={500} spellCheck={false} data-testid="replace-input" />
        </label>
        <div className="find-options">
          <Option label="Match case" checked={find.query.isCaseSensitive} onChange={(isCaseSensitive) => set({ isCaseSensitive })} />
          <Option label="Whole word" checked={find.query.isWholeWord} onChange={(isWholeWord) => set({ isWholeWord })} />
          <Option label="Regular expression" checked={find.query.isRegex} onChange={(isRegex) => set({ isRegex })} />
        </div>
      </form>
      <p className="find-status muted" role="status" aria-live="polite" data-testid="find-status">
        {describeState(find.state, find.hits.length, turnCount)}
      </p>
      {find.hits.length > 0 ? (
        <div className="find-actions">
          <button type="button" className="button button-ghost button-small" onClick={() => find.tickAll(find.selected.length < find.hits.length)}>
            {find.selected.length < find.hits.length ? 'Select all' : 'Select none'}
          </button>
          {canEdit ? (
            <button type="button" className="button button-primary button-small" disabled={find.selected.length === 0 || !editor} onClick={find.replace} data-testid="replace-selected">
              Replace {find.selected.length} selected
            </button>
          ) : null}
        </div>
      ) : null}
      <UndoNotice message={find.message} canUndo={find.canUndo} onUndo={find.undo} testId="find-message" undoTestId="undo-replace" />
      <ol className="find-hits" data-testid="find-hits">
        {find.hits.map((hit) => {
          const key = findHitKey(hit);
          const isTicked = !find.unticked.has(key);
          const where = hit.kind === 'note' ? `Note ${hit.blockIndex + 1}` : `Turn ${hit.blockIndex + 1}`;
          const speaker = hit.kind === 'turn' ? (hit.speakerId ? (names.get(hit.speakerId) ?? 'Unknown speaker') : 'No speaker') : null;
          return (
            <li key={key} className="find-hit" data-testid="find-hit">
              <input type="checkbox" checked={isTicked} onChange={() => find.toggle(hit)} aria-label={`Replace in ${where}: ${hit.before}${hit.match}${hit.after}`} />
              <button type="button" className="find-hit-body" onClick={() => reveal(hit)}>
                <span className="find-hit-where muted">
                  {where}
                  {speaker ? ` · ${speaker}` : ''}
                </span>
                <span className="find-hit-text">
                  …{hit.before}
                  <Change match={hit.match} replacement={hit.replacement} isShown={isTicked && canEdit} />
                  {hit.after}…
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The preview of one hit: struck out and replaced when it will be replaced, highlighted otherwise. */
function Change({ match, replacement, isShown }: { match: string; replacement: string; isShown: boolean }): ReactNode {
  if (!isShown) return <mark className="find-match">{match}</mark>;
  return (
    <>
      <del className="find-match">{match}</del>
      {replacement ? <ins className="find-replacement">{replacement}</ins> : null}
    </>
  );
}

function Option({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="find-option">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {label}
    </label>
  );
}

function describeState(state: ReturnType<typeof useFind>['state'], hits: number, turns: number): string {
  switch (state.status) {
    case 'idle':
      return 'Type what to find; every hit is listed with its turn.';
    case 'searching':
      return 'Searching…';
    case 'error':
      return state.message;
    case 'done':
      if (hits === 0) return 'No hits.';
      return `${hits} hit${hits === 1 ? '' : 's'} in ${turns} block${turns === 1 ? '' : 's'}${state.isTruncated ? ' (only the first ones are listed)' : ''}.`;
  }
}
