import { useState } from 'react';
import type { GlossaryImportResponse, GlossaryTermInput } from '@verity/common';
import type { AttachedGlossaries } from './glossary-store.ts';
import { GlossaryCsvControls } from './glossary-csv-controls.tsx';
import { GlossaryTermForm } from './glossary-term-form.tsx';

interface AttachedListProps {
  list: AttachedGlossaries[number];
  canDetach: boolean;
  isBusy: boolean;
  onDetach: () => void;
  onAddTerm: (term: GlossaryTermInput) => Promise<boolean>;
  runImport: (change: () => Promise<GlossaryImportResponse>) => Promise<GlossaryImportResponse | null>;
}

/** One attached list: its terms (collapsed), and for its owner adding terms and CSV import/export. */
export function AttachedList({ list, canDetach, isBusy, onDetach, onAddTerm, runImport }: AttachedListProps) {
  const [imported, setImported] = useState<string | null>(null);
  return (
    <li className="glossary-list" data-testid="glossary-list" data-name={list.name}>
      <details>
        <summary>
          <strong>{list.name}</strong> <span className="muted">· {list.terms.length} terms · {list.isMine ? 'yours' : `by ${list.owner.displayName}`}</span>
        </summary>
        <ul className="glossary-terms">
          {list.terms.map((term) => (
            <li key={term.id} data-testid="glossary-term">
              <strong>{term.term}</strong>
              {term.misrecognitions.length > 0 ? <span className="muted"> ← {term.misrecognitions.join(', ')}</span> : null}
              {term.note ? <div className="muted glossary-note">{term.note}</div> : null}
            </li>
          ))}
        </ul>
        {list.isMine ? (
          <>
            <GlossaryTermForm isBusy={isBusy} submitLabel="Add term" onSubmit={onAddTerm} />
            <GlossaryCsvControls glossaryId={list.id} isBusy={isBusy} run={runImport} onImported={(result) => setImported(`Imported: ${result.added} added, ${result.updated} updated.`)} />
            {imported ? <p className="muted" role="status">{imported}</p> : null}
          </>
        ) : null}
      </details>
      {canDetach ? (
        <button type="button" className="button button-ghost button-small" disabled={isBusy} onClick={onDetach} data-testid="glossary-detach">
          Detach
        </button>
      ) : null}
    </li>
  );
}
