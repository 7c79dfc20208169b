import { useEffect, useMemo, useReducer, useRef, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { Range, Text, type BaseSelection, type Editor } from 'slate';
import { ReactEditor, useSlateSelection } from 'slate-react';
import type { GlossaryHit, Speaker } from '@verity/common';
import type { TranscriptEditor } from '../../editor/types.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { blockOffsets, glossaryHitRange } from './glossary-decorations.ts';
import { glossaryStoreFor } from './glossary-store.ts';
import { applyGlossaryFix, useGlossaryHits } from './use-glossary-hits.ts';

interface GlossaryOverlayProps {
  provider: LiveTranscriptProvider;
  editor: TranscriptEditor;
  speakers: readonly Speaker[];
  canEdit: boolean;
  /** The hits to underline (the editor turns them into decorations); [] while nothing can match. */
  onHits: (hits: readonly GlossaryHit[]) => void;
}

/**
 * The editor's glossary layer (inside <Slate>): reports the hits to underline and, when the cursor is in
 * one, shows its fix next to it — one click, or Alt+G from the keyboard. It only reads the document when
 * some term can match (an attached list has terms, or a speaker was renamed away from their label), so
 * an editor without a glossary pays nothing.
 */
export function GlossaryOverlay(props: GlossaryOverlayProps) {
  const store = glossaryStoreFor(props.provider);
  const { lists } = useSyncExternalStore(store.subscribe, store.getState);
  const isActive = lists.some((list) => list.terms.length > 0) || props.speakers.some((speaker) => !speaker.isGeneric && speaker.label.trim().toLowerCase() !== speaker.displayName.trim().toLowerCase());
  const { onHits } = props;
  useEffect(() => {
    if (!isActive) onHits([]);
  }, [isActive, onHits]);
  return isActive ? <ActiveGlossaryOverlay {...props} /> : null;
}

function ActiveGlossaryOverlay({ provider, editor, canEdit, onHits }: GlossaryOverlayProps) {
  const { hits } = useGlossaryHits(provider);
  // Same hits at the same places: the editor keeps its decorations (no re-render of the text).
  const signature = useRef('');
  useEffect(() => {
    const next = hits.map((hit) => `${hit.key}@${hit.start}`).join('|');
    if (next === signature.current) return;
    signature.current = next;
    onHits(hits);
  }, [hits, onHits]);
  useEffect(() => () => onHits([]), [onHits]);

  const selection = useSlateSelection();
  const current = useMemo(() => hitAtSelection(editor, selection, hits), [editor, selection, hits]);
  const [, rerender] = useReducer((count: number) => count + 1, 0);

  useEffect(() => {
    if (!current) return;
    // The popover sits by the words: follow them when the text scrolls.
    window.addEventListener('scroll', rerender, true);
    const handleKey = (event: KeyboardEvent) => {
      if (!canEdit || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== 'KeyG') return;
      event.preventDefault();
      applyGlossaryFix(editor, current);
    };
    document.addEventListener('keydown', handleKey);
    return () => {
      window.removeEventListener('scroll', rerender, true);
      document.removeEventListener('keydown', handleKey);
    };
  }, [current, canEdit, editor]);

  if (!current) return null;
  const range = glossaryHitRange(editor, current);
  let rect: DOMRect | null = null;
  try {
    rect = range ? ReactEditor.toDOMRange(editor, range).getBoundingClientRect() : null;
  } catch {
    rect = null;
  }
  if (!rect) return null;
  return createPortal(
    <div className="glossary-popover" style={{ top: rect.bottom + 4, left: rect.left }} data-testid="glossary-popover">
      <span>
        <s>{current.text}</s> → <strong>{current.fix}</strong> <span className="muted">({current.source === 'speakers' ? 'a speaker’s name' : current.source})</span>
      </span>
      {canEdit ? (
        <button
          type="button"
          className="button button-primary button-small"
          // Keep the caret in the text: the fix is an edit at the cursor, like typing.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => applyGlossaryFix(editor, current)}
          title="Fix it (Alt+G)"
          data-testid="glossary-popover-fix"
        >
          Fix (Alt+G)
        </button>
      ) : null}
    </div>,
    document.body,
  );
}

/** The hit the collapsed cursor is in (or at an edge of), if any. */
function hitAtSelection(editor: Editor, selection: BaseSelection, hits: readonly GlossaryHit[]): GlossaryHit | null {
  if (!selection || !Range.isCollapsed(selection) || selection.anchor.path.length !== 2 || hits.length === 0) return null;
  const [index, childIndex] = selection.anchor.path as [number, number];
  const block = editor.children[index] as { id?: unknown; children?: unknown } | undefined;
  if (!block || typeof block.id !== 'string' || !Array.isArray(block.children) || !Text.isText(block.children[childIndex])) return null;
  const child = blockOffsets(block as { id: string; children: never[] }).children.find((entry) => entry.childIndex === childIndex);
  if (!child) return null;
  const offset = child.start + selection.anchor.offset;
  return hits.find((hit) => hit.turnId === block.id && hit.start <= offset && offset <= hit.end) ?? null;
}
