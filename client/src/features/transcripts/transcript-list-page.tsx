import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listTranscripts } from '../../api/transcripts.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { ErrorState, LoadingState } from '../../components/page-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { NewTranscriptForm } from './new-transcript-form.tsx';
import { TranscriptTable } from './transcript-table.tsx';

/** Home: every transcript the user is a member of, and the way to start a new one. */
export function TranscriptListPage() {
  useDocumentTitle('Transcripts');
  const query = useApiQuery('transcripts', listTranscripts);
  const [isCreating, setIsCreating] = useState(false);
  const hasTranscripts = query.status === 'success' && query.data.length > 0;

  return (
    <>
      <div className="page-header">
        <h1>Transcripts</h1>
        <div className="page-actions">
          <Link to="/import" className="button button-secondary" data-testid="import-transcript">
            Import transcript
          </Link>
          {hasTranscripts && !isCreating ? (
            <button type="button" className="button button-primary" onClick={() => setIsCreating(true)}>
              New transcript
            </button>
          ) : null}
        </div>
      </div>
      {isCreating ? <NewTranscriptForm onCancel={() => setIsCreating(false)} /> : null}
      {query.status === 'loading' ? <LoadingState label="Loading transcripts…" /> : null}
      {query.status === 'error' ? <ErrorState error={query.error} onRetry={query.reload} /> : null}
      {query.status === 'success' && query.data.length === 0 && !isCreating ? (
        <div className="empty-state" data-testid="empty-transcripts">
          <h2>No transcripts yet</h2>
          <p>Import a captioning file or create an empty transcript to start correcting, or ask a colleague to invite you to theirs.</p>
          <div className="page-actions">
            <Link to="/import" className="button button-primary">
              Import transcript
            </Link>
            <button type="button" className="button button-secondary" onClick={() => setIsCreating(true)}>
              New transcript
            </button>
          </div>
        </div>
      ) : null}
      {hasTranscripts ? <TranscriptTable transcripts={query.data} /> : null}
    </>
  );
}
