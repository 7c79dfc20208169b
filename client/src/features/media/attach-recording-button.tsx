import { useRef, useState } from 'react';
import { mediaFileExtensions, type Recording } from '@verity/common';
import { uploadRecording } from '../../api/media.api.ts';
import { UploadProgress } from '../imports/upload-progress.tsx';

/** Picks a recording and uploads it in resumable chunks, with a progress bar; editors and up only. */
export function AttachRecordingButton({ transcriptId, hasRecording, onAttached }: { transcriptId: string; hasRecording: boolean; onAttached: (recording: Recording) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const handleFile = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      onAttached(await uploadRecording(transcriptId, file, { onProgress: setProgress }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The upload failed.');
    } finally {
      setProgress(null);
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
      {progress === null ? (
        <button type="button" className="button button-secondary" onClick={() => input.current?.click()} data-testid="attach-recording">
          {hasRecording ? 'Replace recording…' : 'Attach a recording…'}
        </button>
      ) : (
        <div data-testid="media-upload-progress">
          <UploadProgress label={progress < 1 ? 'Uploading the recording…' : 'Checking the recording and drawing its waveform…'} fraction={progress} />
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
