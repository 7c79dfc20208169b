import { memo } from 'react';
import type { RenderElementProps, RenderLeafProps } from 'slate-react';
import type { EventElement, NoteElement, TurnElement } from '../../editor/types.ts';
import { TurnBlameNote } from '../history/blame-overlay.tsx';
import type { BlameLeaf } from '../history/blame-decorations.ts';
import { TurnCommentMarker } from '../comments/comment-margin.tsx';
import { markCommented } from '../comments/commented-text.tsx';
import type { GlossaryLeaf } from '../glossary/glossary-decorations.ts';
import { useEditorActions } from './editor-context.ts';
import { SpeakerChip } from './speaker-chip.tsx';
import { TimecodeField } from './timecode-field.tsx';

type ViewProps<E> = Omit<RenderElementProps, 'element'> & { element: E };

const TurnView = memo(function TurnView({ attributes, children, element }: ViewProps<TurnElement>) {
  return (
    <div {...attributes} className="turn" data-testid="turn" data-turn-id={element.id} data-speaker-id={element.speakerId ?? ''} data-start={element.start ?? ''}>
      <div className="turn-header" contentEditable={false}>
        <SpeakerChip turnId={element.id} speakerId={element.speakerId ?? null} />
        {/* Only when set (it shows nothing otherwise): 1,500 untimed turns then open without 3,000 of them. */}
        {element.start != null ? <TimecodeField turnId={element.id} field="start" seconds={element.start} /> : null}
        {element.start != null && element.end != null ? <span aria-hidden="true">–</span> : null}
        {element.end != null ? <TimecodeField turnId={element.id} field="end" seconds={element.end} /> : null}
        <TurnBlameNote element={element} />
        <TurnCommentMarker turnId={element.id} />
      </div>
      <div className="turn-text">{children}</div>
    </div>
  );
});

const NoteView = memo(function NoteView({ attributes, children, element }: ViewProps<NoteElement>) {
  return (
    <div {...attributes} className="note" data-testid="note" data-note-id={element.id}>
      <span className="note-label" contentEditable={false}>
        Note
      </span>
      <div className="note-text">{children}</div>
    </div>
  );
});

const EventChip = memo(function EventChip({ attributes, children, element }: ViewProps<EventElement>) {
  const { canEdit, removeEvent } = useEditorActions();
  return (
    <span {...attributes} className="event-chip" data-testid="event-chip">
      <span contentEditable={false} className="event-chip-body">
        <span aria-label={`Sound: ${element.label}`}>{element.label}</span>
        {canEdit ? (
          <button type="button" className="event-chip-remove" aria-label={`Remove sound event ${element.label}`} onClick={() => removeEvent(element)}>
            ×
          </button>
        ) : null}
      </span>
      {children}
    </span>
  );
});

/** Renders a block or chip; element views are memoized so an edit re-renders only its own turn. */
export function renderTranscriptElement(props: RenderElementProps) {
  const { element } = props;
  if (element.type === 'turn') return <TurnView {...props} element={element} />;
  if (element.type === 'note') return <NoteView {...props} element={element} />;
  return <EventChip {...props} element={element} />;
}

/**
 * Uncertain words are highlighted with their marker as a tooltip; with the authors overlay on, each
 * word run also names who introduced it. Text is never rendered as HTML.
 */
export function renderTranscriptLeaf({ attributes, children: text, leaf }: RenderLeafProps) {
  const children = markCommented(leaf, text);
  const { blameAuthor } = leaf as BlameLeaf;
  const { glossaryLabel } = leaf as GlossaryLeaf;
  const authorByline = blameAuthor === undefined ? undefined : blameAuthor === 'the import' ? 'From the import' : `Added by ${blameAuthor}`;
  // A known misrecognition: wavy underline, its fix in the tooltip (the popover at the cursor applies it).
  const glossaryNote = glossaryLabel === undefined ? undefined : `Glossary: ${glossaryLabel} — put the cursor in it to fix (Alt+G)`;
  const byline = [glossaryNote, authorByline].filter(Boolean).join(' · ') || undefined;
  const glossaryClass = glossaryLabel === undefined ? '' : ' glossary-hit';
  if (leaf.uncertain !== undefined) {
    return (
      <mark {...attributes} className={`uncertain${glossaryClass}`} data-testid="uncertain" data-glossary-hit={glossaryLabel} title={`Uncertain (${leaf.uncertain}) — Alt+R resolve, Alt+W rewrite${byline ? ` · ${byline}` : ''}`}>
        {children}
      </mark>
    );
  }
  return (
    <span {...attributes} title={byline} className={glossaryClass.trim() || undefined} data-blame-author={blameAuthor} data-glossary-hit={glossaryLabel}>
      {children}
    </span>
  );
}
