import { useRef, useState } from 'react';
import { apiRoutes, type GlossaryImportResponse } from '@verity/common';
import { importGlossaryCsv } from '../../api/glossary.api.ts';

interface GlossaryCsvControlsProps {
  glossaryId: string;
  isBusy: boolean;
  /** Runs the import through the panel's busy/error hook; resolves with the server's answer when it worked. */
  run: (change: () => Promise<GlossaryImportResponse>) => Promise<GlossaryImportResponse | null>;
  onImported: (result: GlossaryImportResponse) => void;
}

/** CSV import (merge into the list, or replace its terms) and export (a download) for one of the user's lists. */
export function GlossaryCsvControls({ glossaryId, isBusy, run, onImported }: GlossaryCsvControlsProps) {
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  return (
    <div className="glossary-csv" data-testid="glossary-csv">
      <a className="button button-secondary button-small" href={apiRoutes.glossaryExport(glossaryId)} download data-testid="glossary-export">
        Export CSV
      </a>
      <label className="glossary-csv-mode">
        <select value={mode} onChange={(event) => setMode(event.target.value === 'replace' ? 'replace' : 'merge')} aria-label="How the import treats the list’s terms">
          <option value="merge">Import adds and updates</option>
          <option value="replace">Import replaces all terms</option>
        </select>
      </label>
      <button type="button" className="button button-secondary button-small" disabled={isBusy} onClick={() => input.current?.click()}>
        Import CSV…
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="glossary-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          void run(() => importGlossaryCsv(glossaryId, file, mode)).then((result) => {
            if (result) onImported(result);
          });
        }}
      />
    </div>
  );
}
