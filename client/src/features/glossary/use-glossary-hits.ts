import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  anchorHits,
  applyReplacements,
  collectGlossaryTerms,
  createGlossaryMatcher,
  readSearchableBlocks,
  type FindHit,
  type GlossaryHit,
  type GlossaryMatcher,
  type GlossaryMatchTerm,
  type Transcript,
} from '@verity/common';
import type { TranscriptEditor } from '../../editor/types.ts';
import { runUndoableEdit } from '../../editor/undoable-edit.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveSnapshot } from '../../realtime/use-live-snapshot.ts';
import { glossaryStoreFor, type AttachedGlossaries } from './glossary-store.ts';

export type { GlossaryHit };

/**
 * The origin of glossary fixes. The editor's undo manager tracks it besides its own typing, so Ctrl+Z
 * reverts a fix (or a "fix all") as one step, for the person who made it only.
 */
export const glossaryFixOrigin = { name: 'glossary-fix' };

/** What useGlossaryHits gives: the hits now, the terms they come from, the attached lists and their load state. */
export interface GlossaryHits {
  hits: GlossaryHit[];
  isTruncated: boolean;
  terms: GlossaryMatchTerm[];
  lists: AttachedGlossaries;
  status: 'loading' | 'ready' | 'error';
  /** The latest load's failure (show it with PanelError), or null. */
  error: unknown;
  reload: () => void;
}

// One computation per (snapshot, lists) pair, shared by every consumer of the same document.
const computed = new WeakMap<Transcript, { lists: AttachedGlossaries; terms: GlossaryMatchTerm[]; result: ReturnType<GlossaryMatcher['match']> }>();
// One matcher per document while its terms stay the same: it re-reads only the blocks whose text changed.
const matchers = new WeakMap<Y.Doc, { signature: string; matcher: GlossaryMatcher }>();

function matcherFor(doc: Y.Doc, terms: readonly GlossaryMatchTerm[]): GlossaryMatcher {
  const signature = JSON.stringify(terms);
  let entry = matchers.get(doc);
  if (!entry || entry.signature !== signature) {
    entry = { signature, matcher: createGlossaryMatcher(terms) };
    matchers.set(doc, entry);
  }
  return entry.matcher;
}

/**
 * Known misrecognitions in the open transcript, each `{ key, turnId, label, … }` with its fix: the
 * attached lists' terms plus the speakers' names, matched against the live document. Recomputed from
 * the live snapshot as people type (the same throttled tick every panel shares) and when the lists
 * change on the server (the `glossary` topic). Keys survive edits elsewhere (block, text, occurrence).
 */
export function useGlossaryHits(provider: LiveTranscriptProvider): GlossaryHits {
  const store = glossaryStoreFor(provider);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const snapshot = useLiveSnapshot(provider.doc);
  const entry = useMemo(() => {
    const cached = computed.get(snapshot);
    if (cached && cached.lists === state.lists) return cached;
    const terms = collectGlossaryTerms(snapshot.speakers, state.lists);
    // Nothing can match: skip reading the document's text (a 4-hour transcript is megabytes of it).
    const result = terms.some((term) => term.misrecognitions.length > 0) ? matcherFor(provider.doc, terms).match(readSearchableBlocks(provider.doc)) : { hits: [], isTruncated: false };
    const next = { lists: state.lists, terms, result };
    computed.set(snapshot, next);
    return next;
  }, [snapshot, state.lists, provider.doc]);
  return { hits: entry.result.hits, isTruncated: entry.result.isTruncated, terms: entry.terms, lists: state.lists, status: state.status, error: state.error, reload: store.reload };
}

/**
 * Applies one hit's fix, or several ("fix all"), through the live document as the editor user's own
 * edit: one transaction with glossaryFixOrigin, one undo step. A hit whose text changed meanwhile is
 * left alone and counted in `skipped`.
 */
export function applyGlossaryFix(editor: TranscriptEditor, hit: GlossaryHit | readonly GlossaryHit[]): { fixed: number; skipped: number } {
  const hits = Array.isArray(hit) ? (hit as readonly GlossaryHit[]) : [hit as GlossaryHit];
  const doc = editor.sharedRoot.doc as Y.Doc | null;
  if (!doc || hits.length === 0) return { fixed: 0, skipped: hits.length };
  const { anchored, stale } = anchorHits(doc, hits.map(toFindHit));
  const { result } = runUndoableEdit(doc, editor, glossaryFixOrigin, (origin) => applyReplacements(doc, anchored, origin));
  const { replaced, skipped } = result;
  return { fixed: replaced, skipped: stale + skipped };
}

function toFindHit(hit: GlossaryHit): FindHit {
  return { blockId: hit.turnId, blockIndex: hit.blockIndex, kind: 'turn', speakerId: null, start: hit.start, end: hit.end, match: hit.text, replacement: hit.fix, before: '', after: '', occurrence: hit.occurrence };
}
