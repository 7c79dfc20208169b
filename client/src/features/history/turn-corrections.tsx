import { LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { CorrectionRow } from './correction-row.tsx';
import { useCorrections, withCorrection } from './use-corrections.ts';

/** The corrections of one turn with their class selects, as a popover (the editor's "Classify corrections"). */
export function TurnCorrections({ provider, turnId, canClassify, onClose }: { provider: LiveTranscriptProvider; turnId: string; canClassify: boolean; onClose: () => void }) {
  const corrections = useCorrections(provider, { turnId, isActive: true });
  return (
    <div
      className="popover classify-corrections"
      role="dialog"
      aria-label="Corrections in this turn"
      data-testid="turn-corrections"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="panel-heading">
        <strong>Corrections in this turn</strong>
        <button type="button" className="button button-ghost button-small" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      {corrections.status === 'loading' ? <LoadingState label="Loading corrections…" /> : null}
      <PanelError error={corrections.error} onRetry={corrections.reload} />
      {corrections.status === 'success' ? (
        corrections.data.corrections.length === 0 ? (
          <p className="muted">This turn reads as imported: nothing to classify.</p>
        ) : (
          <ol className="correction-rows">
            {corrections.data.corrections.map((entry) => (
              <CorrectionRow key={entry.key} transcriptId={provider.transcriptId} correction={entry} canClassify={canClassify} onChanged={(changed) => corrections.setData(withCorrection(corrections.data, changed))} />
            ))}
          </ol>
        )
      ) : null}
    </div>
  );
}
