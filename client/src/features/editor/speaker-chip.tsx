import { memo } from 'react';
import { useEditorActions, useSpeakerMap } from './editor-context.ts';

/** The turn's speaker; a button for editors (opens the roster), plain text for viewers. */
export const SpeakerChip = memo(function SpeakerChip({ turnId, speakerId }: { turnId: string; speakerId: string | null }) {
  const { canEdit, openRoster } = useEditorActions();
  const speakers = useSpeakerMap();
  const speaker = speakerId ? speakers.get(speakerId) : undefined;
  const name = speakerId === null ? 'Unattributed' : (speaker?.displayName ?? 'Unknown speaker');
  const className = `speaker-chip${speakerId === null ? ' speaker-chip-missing' : ''}`;
  if (!canEdit) {
    return (
      <span className={className} data-testid="speaker-chip">
        {name}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={className}
      data-testid="speaker-chip"
      aria-haspopup="dialog"
      aria-label={`Speaker: ${name}. Change speaker (Alt+S)`}
      onClick={(event) => openRoster(turnId, event.currentTarget)}
    >
      {name}
    </button>
  );
});
