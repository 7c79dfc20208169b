import { saveStatusLabel, saveStatusOf, type SaveState } from '../../realtime/save-status.ts';

/** "All changes saved" only when the server acknowledged everything. */
export function SaveStatusIndicator({ save }: { save: SaveState }) {
  const status = saveStatusOf(save);
  return (
    <span className={`save-status save-status-${status}`} data-testid="save-status" data-status={status} role="status" aria-live="polite">
      {saveStatusLabel(save)}
    </span>
  );
}
