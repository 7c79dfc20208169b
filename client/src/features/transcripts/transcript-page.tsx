import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { can } from '@verity/common';
import { isApiError } from '../../api/api-error.ts';
import { fetchTranscript } from '../../api/transcripts.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { RelativeTime } from '../../components/relative-time.tsx';
import { ErrorState, LoadingState } from '../../components/page-state.tsx';
import { takeEarly } from '../../boot/start-early.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { startLiveTranscript } from '../../realtime/use-live-transcript.ts';
import { BlameProvider } from '../history/blame-overlay.tsx';
import { MediaPlaybackProvider } from '../media/media-playback.tsx';
import { MediaPlayer } from '../media/media-player.tsx';
import { TranscriptWorkspace } from '../workspace/transcript-workspace.tsx';
import { RoleBadge, StatusBadge } from './status-badge.tsx';
import { TranscriptTitle } from './transcript-title.tsx';

/** One transcript: its header above the workspace (the live editor and the side panel). */
export function TranscriptPage() {
  const { id = '' } = useParams();
  // The first page's summary was asked for before the app rendered (startEarly).
  const query = useApiQuery(`transcript:${id}`, (signal) => takeEarly(`transcript:${id}`, () => fetchTranscript(id, signal)) ?? fetchTranscript(id, signal));
  // The live connection (the document itself) opens while the summary loads, not after it; the
  // workspace adopts it. For an id that is not the caller's, the server refuses the join as well.
  useEffect(() => startLiveTranscript(id), [id]);
  useDocumentTitle(query.status === 'success' ? query.data.title : 'Transcript');
  const [recordingGeneration, setRecordingGeneration] = useState(0);
  const handleRecordingChanged = useCallback(() => setRecordingGeneration((value) => value + 1), []);

  if (query.status === 'loading') return <LoadingState label="Loading transcript…" />;
  if (query.status === 'error') {
    if (isApiError(query.error, 'not_found')) {
      return (
        <div className="empty-state">
          <h1>Transcript not found</h1>
          <p>It may have been deleted, or you are not a member of it. Ask its owner for an invitation.</p>
          <Link to="/" className="button button-secondary">
            Back to transcripts
          </Link>
        </div>
      );
    }
    return <ErrorState error={query.error} onRetry={query.reload} />;
  }

  const transcript = query.data;
  const header = (
    <header className="transcript-header">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Transcripts</Link>
      </nav>
      <TranscriptTitle key={transcript.id} transcript={transcript} canManage={can(transcript.role, 'manageTranscript')} onRenamed={query.setData} />
      <dl className="meta">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={transcript.status} />
          </dd>
        </div>
        <div>
          <dt>Your role</dt>
          <dd>
            <RoleBadge role={transcript.role} />
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{transcript.ownerName}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <RelativeTime value={transcript.updatedAt} />
          </dd>
        </div>
      </dl>
    </header>
  );
  return (
    // Keyed: the authors overlay (toggled in History, drawn in the editor) starts off for each transcript,
    // and moving between transcripts starts the workspace (connection, panels, forms) afresh.
    <BlameProvider key={transcript.id} transcriptId={transcript.id}>
      <MediaPlaybackProvider>
        <TranscriptWorkspace
          key={transcript.id}
          transcript={transcript}
          header={header}
          dock={<MediaPlayer transcriptId={transcript.id} role={transcript.role} generation={recordingGeneration} />}
          onRecordingChanged={handleRecordingChanged}
          onReviewChanged={query.reload}
          onStatusChange={(status) => query.setData({ ...transcript, status })}
        />
      </MediaPlaybackProvider>
    </BlameProvider>
  );
}
