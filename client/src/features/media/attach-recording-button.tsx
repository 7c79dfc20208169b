import { useRef, useState } from 'react';
import { mediaFileExtensions, type MediaProcessing, type Recording } from '@verity/common';
import { attachRecordingFromUrl, uploadRecording } from '../../api/media.api.ts';
import { UploadProgress } from '../imports/upload-progress.tsx';
import { describeProcessing } from './describe-processing.ts';

/** Picks a recording and uploads it in resumable chunks, with a progress bar, or has the server fetch it from a URL; editors and up only. */
export function AttachRecordingButton({ transcriptId, hasRecording, onAttached }: { transcriptId: string; hasRecording: boolean; onAttached: (recording: Recording) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [processing, setProcessing] = useState<MediaProcessing | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** null: no URL form; otherwise what is typed in it. */
  const [url, setUrl] = useState<string | null>(null);
  const [isFetching, setIsFetching] = useState(false);

  const handleUrl = async (address: string) => {
    setError(null);
    setIsFetching(true);
    try {
      onAttached(await attachRecordingFromUrl(transcriptId, address));
      setUrl(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The recording could not be fetched.');
    } finally {
      setIsFetching(false);
    }
  };

  const handleFile = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      onAttached(await uploadRecording(transcriptId, file, { onProgress: setProgress, onProcessing: setProcessing }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The upload failed.');
    } finally {
      setProgress(null);
      setProcessing(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="attach-recording">
      <input
        ref={input}
        type="file"
        hidden
        accept={['audio/*', 'video/*', ...mediaFileExtensions].join(',')}
        data-testid="media-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void handleFile(file);
        }}
      />
      {isFetching ? (
        <p className="muted" role="status" data-testid="media-url-progress">
          Fetching the recording, then checking it and drawing its waveform…
        </p>
      ) : url !== null ? (
        <form
          className="attach-recording-url"
          onSubmit={(event) => {
            event.preventDefault();
            void handleUrl(url);
          }}
        >
          <input type="url" required value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://…/hearing.mp3" aria-label="Address of the recording" data-testid="media-url-input" autoFocus />
          <button type="submit" className="button" data-testid="media-url-submit">
            Fetch
          </button>
          <button type="button" className="button button-secondary" onClick={() => setUrl(null)}>
            Cancel
          </button>
        </form>
      ) : progress === null ? (
        <>
          <button type="button" className="button button-secondary" onClick={() => input.current?.click()} data-testid="attach-recording">
            {hasRecording ? 'Replace recording…' : 'Attach a recording…'}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setUrl('')} data-testid="attach-recording-url">
            From a URL…
          </button>
        </>
      ) : (
        <div data-testid="media-upload-progress">
          {progress < 1 ? (
            <UploadProgress label="Uploading the recording…" fraction={progress} />
          ) : (
            <div className="upload-progress" role="status" aria-live="polite">
              <p data-testid="media-processing">{describeProcessing(processing)}</p>
              {/* No value while a step cannot tell how far it is: an indeterminate bar. */}
              <progress max={100} value={processing?.percent ?? undefined} aria-label="Processing the recording" />
            </div>
          )}
        </div>
      )}
      {error ? (
        <p className="form-error" role="alert" data-testid="media-upload-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

