import { useEffect, useRef, useState } from 'react';
import { exportFormatIds, exportFormats, type Approval } from '@verity/common';
import { errorMessage } from '../../api/api-error.ts';
import { downloadExport } from '../../api/review.api.ts';

/** Exports shorter than this finish without a progress indicator, so fast downloads don't flicker. */
const progressDelayMs = 300;

const formatChoices = [...exportFormatIds.map((id) => ({ id: id as string, label: exportFormats[id].label })), { id: 'report', label: 'Correction report (Markdown)' }];

interface ExportMenuProps {
  transcriptId: string;
  /** Authoritative versions to offer; the default (none chosen) is the latest of them, else the current text. */
  approvals: Approval[];
}

/** Format and version choice, then a download with progress for slow exports. */
export function ExportMenu({ transcriptId, approvals }: ExportMenuProps) {
  const [format, setFormat] = useState('docx');
  const [version, setVersion] = useState('');
  const [hasTimecodes, setHasTimecodes] = useState(false);
  const canHaveTimecodes = format === 'cart' || format === 'text' || format === 'markdown' || format === 'docx';
  const [progress, setProgress] = useState<{ isVisible: boolean; received: number; total: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function handleDownload() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress({ isVisible: false, received: 0, total: null });
    const timer = window.setTimeout(() => setProgress((current) => (current ? { ...current, isVisible: true } : current)), progressDelayMs);
    try {
      const file = await downloadExport({
        id: transcriptId,
        format,
        version: version === '' ? undefined : Number(version),
        timecodes: canHaveTimecodes && hasTimecodes,
        signal: controller.signal,
        onProgress: (received, total) => setProgress((current) => (current ? { ...current, received, total } : current)),
      });
      saveFile(file.blob, file.fileName);
    } catch (caught) {
      if (!controller.signal.aborted) setError(errorMessage(caught));
    } finally {
      window.clearTimeout(timer);
      setProgress(null);
    }
  }

  const isBusy = progress !== null;
  return (
    <section className="panel export-menu" aria-labelledby="export-heading" data-testid="export-menu">
      <h2 id="export-heading">Export</h2>
      <label className="field">
        <span className="field-label">Format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value)} data-testid="export-format">
          {formatChoices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Version</span>
        <select value={version} onChange={(event) => setVersion(event.target.value)} data-testid="export-version">
          <option value="">{approvals.length ? `Latest approved (v${approvals.at(-1)!.ordinal})` : 'Current text'}</option>
          {approvals.map((approval) => (
            <option key={approval.ordinal} value={approval.versionNumber}>
              v{approval.ordinal} (version {approval.versionNumber})
            </option>
          ))}
          <option value="0">Raw import (version 0)</option>
        </select>
      </label>
      {canHaveTimecodes ? (
        <label className="field">
          <input type="checkbox" checked={hasTimecodes} onChange={(event) => setHasTimecodes(event.target.checked)} data-testid="export-timecodes" /> Turn timecodes
          ([hh:mm:ss])
        </label>
      ) : null}
      <button type="button" className="button button-primary" disabled={isBusy} onClick={handleDownload} data-testid="export-download">
        Download
      </button>
      {progress?.isVisible ? (
        <p className="export-progress" role="status" data-testid="export-progress">
          <span className="spinner" aria-hidden="true" />
          Preparing {progress.total ? `${Math.round((progress.received / progress.total) * 100)} %` : progress.received > 0 ? `${Math.round(progress.received / 1024)} KiB` : '…'}
          <button type="button" className="button button-ghost button-small" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** Hands the bytes to the browser as a download under the server's file name. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
