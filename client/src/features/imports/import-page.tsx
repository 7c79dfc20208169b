import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { importFormatSchema, titleSchema, type ImportFormat, type ImportPreview as Preview } from '@verity/common';
import { importFile, previewImport } from '../../api/imports.api.ts';
import { FormError } from '../../components/form-error.tsx';
import { FormField } from '../../components/form-field.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { FileDropZone } from './file-drop-zone.tsx';
import { ImportPreview } from './import-preview.tsx';
import { UploadProgress } from './upload-progress.tsx';

const formatLabels: Record<ImportFormat, string> = { auto: 'Detect automatically', cart: 'CART text', srt: 'SRT', vtt: 'WebVTT', text: 'Plain text', json: 'Verity JSON' };

/** The import screen: choose a file, check the preview, confirm; the new transcript then opens. */
export function ImportPage() {
  useDocumentTitle('Import transcript');
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<{ label: string; fraction: number } | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const uploadRef = useRef<AbortController | null>(null);
  useEffect(() => () => uploadRef.current?.abort(), []);

  /** Runs one upload at a time with a progress bar; leaving the page cancels it. */
  async function upload<T>(label: string, send: (options: { onProgress: (fraction: number) => void; signal: AbortSignal }) => Promise<T>): Promise<T | null> {
    uploadRef.current?.abort();
    const controller = new AbortController();
    uploadRef.current = controller;
    setError(undefined);
    setProgress({ label, fraction: 0 });
    try {
      return await send({ onProgress: (fraction) => setProgress({ label, fraction }), signal: controller.signal });
    } catch (caught) {
      if (!controller.signal.aborted) setError(caught);
      return null;
    } finally {
      if (uploadRef.current === controller) setProgress(null);
    }
  }

  async function showPreview(nextFile: File, nextFormat: ImportFormat) {
    setFile(nextFile);
    setPreview(null);
    const result = await upload('Uploading for preview…', (options) => previewImport(nextFile, { format: nextFormat, ...options }));
    if (!result) return;
    setPreview(result);
    setTitle((result.metadata.title ?? nextFile.name.replace(/\.[^.]*$/, '')).trim().slice(0, 300));
  }

  async function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const checked = titleSchema.safeParse(title);
    setTitleError(checked.success ? undefined : 'Give the transcript a title.');
    if (!checked.success) return;
    const created = await upload('Importing…', (options) => importFile(file, { format, title: checked.data, ...options }));
    if (created) navigate(`/t/${encodeURIComponent(created.id)}`);
  }

  const isBusy = progress !== null;
  return (
    <div className="import-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Transcripts</Link>
      </nav>
      <div className="page-header">
        <h1>Import transcript</h1>
      </div>
      <div className="field">
        <label htmlFor="import-format" className="field-label">
          Format
        </label>
        <select
          id="import-format"
          className="select"
          value={format}
          disabled={isBusy}
          onChange={(event) => {
            const nextFormat = importFormatSchema.parse(event.target.value);
            setFormat(nextFormat);
            if (file) void showPreview(file, nextFormat);
          }}
        >
          {importFormatSchema.options.map((option) => (
            <option key={option} value={option}>
              {formatLabels[option]}
            </option>
          ))}
        </select>
      </div>
      <FileDropZone isDisabled={isBusy} onFile={(nextFile) => void showPreview(nextFile, format)} />
      {file ? <p className="muted">File: {file.name}</p> : null}
      {progress ? <UploadProgress label={progress.label} fraction={progress.fraction} /> : null}
      <FormError error={error} />
      {preview ? (
        <>
          <ImportPreview preview={preview} />
          <form className="form panel" onSubmit={handleConfirm} noValidate aria-busy={isBusy}>
            <FormField label="Title" name="title" required maxLength={300} value={title} error={titleError} onChange={(event) => setTitle(event.target.value)} />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={isBusy} data-testid="import-confirm">
                {isBusy ? 'Importing…' : 'Import transcript'}
              </button>
              <Link to="/" className="button button-secondary">
                Cancel
              </Link>
            </div>
          </form>
        </>
      ) : null}
    </div>
  );
}
