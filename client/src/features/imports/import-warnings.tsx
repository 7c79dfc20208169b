import type { ImportWarning } from '@verity/common';

/** A message with its `quoted` pieces of the file shown as code; React escapes every piece. */
function WarningMessage({ message }: { message: string }) {
  return (
    <>
      {message.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
    </>
  );
}

/** What the importer skipped or changed, line by line, so the user decides before importing the rest. */
export function ImportWarnings({ warnings }: { warnings: readonly ImportWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="import-warnings" data-testid="import-warnings" aria-label="Skipped or changed while reading">
      <h2>Skipped or changed while reading the file</h2>
      <p>
        {warnings.length === 1 ? 'One part' : `${warnings.length} parts`} of the file could not be read as written. Importing keeps
        everything else as previewed; to keep the skipped parts too, fix the file and choose it again.
      </p>
      <ul className="import-warning-list">
        {warnings.map((warning, index) => (
          <li key={`${warning.line}:${index}`} data-testid="import-warning">
            <strong>Line {warning.line}:</strong> <WarningMessage message={warning.message} />
          </li>
        ))}
      </ul>
    </section>
  );
}
