import { useState } from 'react';
import { formatNer, nerPassMark, type AccuracySummary } from '@verity/common';
import { LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { usePanelVisible } from '../workspace/panel-visibility.ts';
import { CorrectionRow } from './correction-row.tsx';
import { useCorrections, withCorrection } from './use-corrections.ts';

/** Rows rendered at first and per "Show more": a long transcript's thousands of selects would slow the panel. */
const rowsPerPage = 200;

/** "NER 97.50 · WER 2.10 %", the NER counting unclassified corrections as standard recognition errors. */
export function describeAccuracy(summary: AccuracySummary): string {
  const wer = summary.wordErrorRate === null ? 'n/a' : `${(summary.wordErrorRate * 100).toFixed(2)} %`;
  return `NER ${formatNer(summary.nerAssumed.score)} (pass ${nerPassMark}) · WER ${wer}`;
}

/**
 * The History panel's Corrections view: every word-level correction raw import → current text, each
 * with its NER class, filterable to the unclassified ones. Live: another reviewer's class shows within
 * a second (the 'corrections' topic); edits re-read the list after a quiet moment while it is shown.
 */
export function CorrectionsList({ provider, canClassify }: { provider: LiveTranscriptProvider; canClassify: boolean }) {
  const isVisible = usePanelVisible();
  const corrections = useCorrections(provider, { isActive: isVisible });
  const [isUnclassifiedOnly, setIsUnclassifiedOnly] = useState(false);
  const [limit, setLimit] = useState(rowsPerPage);
  if (corrections.status === 'loading') return <LoadingState label="Loading corrections…" />;
  if (corrections.status === 'error') return <PanelError error={corrections.error} onRetry={corrections.reload} />;
  const { summary, isTruncated } = corrections.data;
  const shown = isUnclassifiedOnly ? corrections.data.corrections.filter((entry) => entry.class === null) : corrections.data.corrections;
  return (
    <div className="corrections-list" data-testid="corrections-list">
      <p className="muted" data-testid="corrections-summary">
        {summary.corrections} correction{summary.corrections === 1 ? '' : 's'} raw → current, {summary.unclassified} unclassified · {describeAccuracy(summary)}
      </p>
      <label className="inline-check">
        <input type="checkbox" checked={isUnclassifiedOnly} onChange={(event) => setIsUnclassifiedOnly(event.target.checked)} data-testid="corrections-unclassified-only" /> Unclassified only
      </label>
      {shown.length === 0 ? <p className="muted">{summary.corrections === 0 ? 'No corrections yet: the text reads as imported.' : 'Every correction is classified.'}</p> : null}
      <ol className="correction-rows">
        {shown.slice(0, limit).map((entry) => (
          <CorrectionRow key={entry.key} transcriptId={provider.transcriptId} correction={entry} canClassify={canClassify} onChanged={(changed) => corrections.setData(withCorrection(corrections.data, changed))} />
        ))}
      </ol>
      {shown.length > limit ? (
        <button type="button" className="button button-ghost button-small" onClick={() => setLimit(limit + rowsPerPage)}>
          Show {Math.min(rowsPerPage, shown.length - limit)} more of {shown.length - limit}
        </button>
      ) : null}
      {isTruncated ? <p className="muted">Only the first {corrections.data.corrections.length} corrections are listed; the scores count them all.</p> : null}
    </div>
  );
}
