import { memo, useState } from 'react';
import { formatTimecode, parseTimecode } from '../../editor/timecode.ts';
import { useMediaPlayback } from '../media/media-playback.tsx';
import { useEditorActions } from './editor-context.ts';

interface TimecodeFieldProps {
  turnId: string;
  field: 'start' | 'end';
  seconds: number | null;
}

/** A turn's start or end time: shown when present, editable in place by editors; with a recording, a click plays from there. */
export const TimecodeField = memo(function TimecodeField({ turnId, field, seconds }: TimecodeFieldProps) {
  const { canEdit, setTimecode } = useEditorActions();
  const { hasRecording, seek } = useMediaPlayback();
  const [draft, setDraft] = useState<string | null>(null);
  const label = field === 'start' ? 'Start time' : 'End time';
  if (seconds === null) return null;
  const shown = formatTimecode(seconds);
  const seekButton = hasRecording ? (
    <button type="button" className="timecode timecode-seek" aria-label={`Play from ${shown}`} data-testid="timecode-seek" onClick={() => seek(seconds)}>
      {shown}
    </button>
  ) : null;
  if (!canEdit) return seekButton ?? <span className="timecode" aria-label={`${label} ${shown}`}>{shown}</span>;
  if (draft === null) {
    return (
      <>
        {seekButton}
        <button type="button" className={seekButton ? 'timecode timecode-edit' : 'timecode'} aria-label={`${label} ${shown}. Edit`} onClick={() => setDraft(shown)}>
          {seekButton ? '✎' : shown}
        </button>
      </>
    );
  }
  const commit = () => {
    const parsed = draft.trim() === '' ? null : parseTimecode(draft);
    if (parsed !== null || draft.trim() === '') setTimecode(turnId, field, parsed);
    setDraft(null);
  };
  return (
    <input
      className="timecode-input"
      aria-label={`${label} (h:mm:ss); empty to clear`}
      value={draft}
      autoFocus
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          setDraft(null);
        }
      }}
    />
  );
});
