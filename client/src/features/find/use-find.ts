import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { anchorHits, applyReplacements, findHitKey, readSearchableBlocks, type FindHit, type FindQuery } from '@verity/common';
import type { TranscriptEditor } from '../../editor/types.ts';
import { isLatestStep, runUndoableEdit } from '../../editor/undoable-edit.ts';
import { runFind } from './run-find.ts';

/** Wait after typing, or after someone's edit, before searching again. */
const searchDelayMs = 250;

/**
 * The origin of replace transactions. The editor's undo manager tracks it besides its own typing, so
 * Ctrl+Z reverts a replace as one step, for the person who made it only (like their typing).
 */
export const replaceOrigin = { name: 'find-and-replace' };

export type FindState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; hits: FindHit[]; isTruncated: boolean }
  | { status: 'error'; message: string };

/**
 * Find & replace over the live document: searches in a worker with a time budget whenever the query
 * or the document changes, keeps which hits are unticked (by block, text and occurrence, so a
 * re-search after someone's edit keeps the choice), and applies the ticked ones as one attributed,
 * undoable transaction through the shared document.
 */
export function useFind(doc: Y.Doc, editor: TranscriptEditor | null) {
  const [query, setQuery] = useState<FindQuery>({ pattern: '', replacement: '', isCaseSensitive: false, isWholeWord: false, isRegex: false });
  const [state, setState] = useState<FindState>({ status: 'idle' });
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [docVersion, setDocVersion] = useState(0);
  const [lastReplace, setLastReplace] = useState<{ item: unknown; message: string } | null>(null);
  // A query that failed (too slow, invalid) is not run again for every edit someone makes.
  const failedQuery = useRef<FindQuery | null>(null);

  useEffect(() => {
    const handle = () => setDocVersion((version) => version + 1);
    doc.on('update', handle);
    return () => doc.off('update', handle);
  }, [doc]);

  useEffect(() => {
    if (query.pattern === '') {
      setState({ status: 'idle' });
      return;
    }
    if (failedQuery.current === query) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState((current) => (current.status === 'done' ? current : { status: 'searching' }));
      void runFind(readSearchableBlocks(doc), query, { signal: controller.signal }).then((result) => {
        if (!result) return;
        failedQuery.current = result.ok ? null : query;
        setState(result.ok ? { status: 'done', hits: result.hits, isTruncated: result.isTruncated } : { status: 'error', message: result.message });
      });
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [doc, query, docVersion]);

  const hits = useMemo(() => (state.status === 'done' ? state.hits : []), [state]);
  const selected = useMemo(() => hits.filter((hit) => !unticked.has(findHitKey(hit))), [hits, unticked]);

  const toggle = useCallback((hit: FindHit) => {
    const key = findHitKey(hit);
    setUnticked((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const tickAll = useCallback((isTicked: boolean) => setUnticked(isTicked ? new Set() : new Set(hits.map(findHitKey))), [hits]);

  const replace = useCallback(() => {
    if (!editor || selected.length === 0) return;
    const { anchored, stale } = anchorHits(doc, selected);
    // Its own undo step: not merged with typing just before or after it.
    const { result, step } = runUndoableEdit(doc, editor, replaceOrigin, (origin) => applyReplacements(doc, anchored, origin));
    const { replaced, skipped } = result;
    const missed = stale + skipped;
    const said = `Replaced ${replaced} of ${selected.length}${missed > 0 ? ` (${missed} changed meanwhile and ${missed === 1 ? 'was' : 'were'} left as they are)` : ''}.`;
    setLastReplace({ item: replaced > 0 ? step : null, message: said });
  }, [doc, editor, selected]);

  /** Undo is offered while the replace is still the person's latest change. */
  const isLatest = () => isLatestStep(editor, lastReplace?.item);
  const canUndo = isLatest();
  const undo = () => {
    // Checked again on click: the person may have typed since the panel last rendered.
    if (!editor || !isLatest()) {
      setLastReplace((current) => (current ? { item: null, message: `${current.message} (Later edits came after it: undo with Ctrl+Z in the text.)` } : current));
      return;
    }
    editor.undo();
    setLastReplace({ item: null, message: 'Replace undone.' });
  };

  return { query, setQuery, state, hits, selected, unticked, toggle, tickAll, replace, undo, canUndo, message: lastReplace?.message ?? null };
}
