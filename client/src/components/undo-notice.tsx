/**
 * What a panel's last change to the text did ("Replaced 10 of 10", "Merged…"), with Undo while that
 * change is still the person's latest step: the one place panels announce an undoable edit.
 */
export function UndoNotice({ message, canUndo, onUndo, testId, undoTestId }: { message: string | null; canUndo: boolean; onUndo: () => void; testId: string; undoTestId: string }) {
  if (!message) return null;
  return (
    <p className="find-message" role="status" data-testid={testId}>
      {message}{' '}
      {canUndo ? (
        <button type="button" className="button button-ghost button-small" onClick={onUndo} data-testid={undoTestId}>
          Undo
        </button>
      ) : null}
    </p>
  );
}
