import { useId, useState, type DragEvent } from 'react';

/** Extensions offered by the file picker; anything else can still be dropped, and the server decides. */
const acceptedTypes = '.txt,.srt,.vtt,.json,text/plain,text/vtt,application/json';

/** Drag a file here, or pick one; hands the first file to onFile. */
export function FileDropZone({ onFile, isDisabled }: { onFile: (file: File) => void; isDisabled: boolean }) {
  const inputId = useId();
  const [isDragging, setIsDragging] = useState(false);

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !isDisabled) onFile(file);
  }

  return (
    <div
      className={`dropzone${isDragging ? ' dropzone-active' : ''}`}
      data-testid="import-dropzone"
      onDragOver={(event) => {
        event.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={handleDrop}
    >
      <p className="dropzone-title">Drop a transcript file here</p>
      <p className="muted">CART text, SRT, WebVTT, plain text or Verity JSON</p>
      <label htmlFor={inputId} className={`button button-secondary${isDisabled ? ' button-disabled' : ''}`}>
        Choose a file…
      </label>
      <input
        id={inputId}
        type="file"
        className="visually-hidden"
        accept={acceptedTypes}
        disabled={isDisabled}
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) fires onChange again.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
