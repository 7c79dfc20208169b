import { correctionSeverities, correctionTypes, formatNer, nerPassMark, type AccuracySummary } from '@verity/common';
import { LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useCorrections } from '../history/use-corrections.ts';
import { usePanelVisible } from '../workspace/panel-visibility.ts';

/**
 * Accuracy raw import → current text: NER (unclassified corrections counted as standard recognition
 * errors, and classified ones only), WER, and the corrections by class. Live like the corrections list;
 * the correction report (Export below) gives the same against the approved version.
 */
export function AccuracySummaryPanel({ provider }: { provider: LiveTranscriptProvider }) {
  const corrections = useCorrections(provider, { isActive: usePanelVisible() });
  return (
    <section className="panel accuracy-summary" aria-labelledby="accuracy-heading" data-testid="accuracy-summary">
      <h2 id="accuracy-heading">Accuracy</h2>
      {corrections.status === 'loading' ? <LoadingState label="Scoring…" /> : null}
      <PanelError error={corrections.error} onRetry={corrections.reload} />
      {corrections.status === 'success' ? <AccuracyBody summary={corrections.data.summary} /> : null}
    </section>
  );
}

function AccuracyBody({ summary }: { summary: AccuracySummary }) {
  const ner = summary.nerAssumed.score;
  const wer = summary.wordErrorRate === null ? 'n/a' : `${(summary.wordErrorRate * 100).toFixed(2)} %`;
  return (
    <>
      <p className="accuracy-scores">
        <strong data-testid="accuracy-ner">NER {formatNer(ner)}</strong>{' '}
        <span className={ner !== null && ner >= nerPassMark ? 'badge badge-ok' : 'badge'}>{ner === null ? 'no words' : ner >= nerPassMark ? `passes ${nerPassMark}` : `below ${nerPassMark}`}</span>
        {' · '}
        <span data-testid="accuracy-wer">WER {wer}</span>
      </p>
      <p className="muted">
        Raw import ({summary.rawWords} words) → current text. {summary.corrections} correction{summary.corrections === 1 ? '' : 's'}, {summary.unclassified} unclassified
        {summary.unclassified > 0 ? `, counted as standard recognition errors (classified only: NER ${formatNer(summary.nerClassified.score)})` : ''}.
      </p>
      <table className="accuracy-counts" data-testid="accuracy-counts">
        <thead>
          <tr>
            <th scope="col">Class</th>
            {correctionSeverities.map((severity) => (
              <th key={severity} scope="col">
                {severity === 'none' ? 'no error' : severity}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {correctionTypes.map((type) => (
            <tr key={type}>
              <th scope="row">{type}</th>
              {correctionSeverities.map((severity) => (
                <td key={severity}>{summary.counts[type][severity]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
