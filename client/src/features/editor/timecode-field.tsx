import { memo, useState } from 'react';
import { formatTimecode, parseTimecode } from '../../editor/timecode.ts';
import { useEditorActions } from './editor-context.ts';

interface TimecodeFieldProps {
  turnId: string;
  field: 'start' | 'end';
  seconds: number | null;
}

/** A turn's start or end time: shown when present, editable in place by editors. */
export const TimecodeField = memo(function TimecodeField({ turnId, field, seconds }: TimecodeFieldProps) {
  const { canEdit, setTimecode } = useEditorActions();
  const [draft, setDraft] = useState<string | null>(null);
  const label = field === 'start' ? 'Start time' : 'End time';
  if (seconds === null) return null;
  const shown = formatTimecode(seconds);
  if (!canEdit) return <span className="timecode" aria-label={`${label} ${shown}`}>{shown}</span>;
  if (draft === null) {
    return (
      <button type="button" className="timecode" aria-label={`${label} ${shown}. Edit`} onClick={() => setDraft(shown)}>
        {shown}
      </button>
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
