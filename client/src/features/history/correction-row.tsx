import { correctionSeverities, correctionTypes, type CorrectionEntry, type CorrectionSeverity, type CorrectionType } from '@verity/common';
import { classifyCorrection, clearCorrectionClass } from '../../api/corrections.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { PanelError } from '../../components/panel-error.tsx';

const typeLabels: Record<CorrectionType, string> = { recognition: 'Recognition', edition: 'Edition' };
const severityLabels: Record<CorrectionSeverity, string> = { minor: 'Minor (0.25)', standard: 'Standard (0.5)', serious: 'Serious (1)', none: 'No error (0)' };

/** "GAC → GFCE", "+ back", "− Yes." */
export function describeCorrection(correction: Pick<CorrectionEntry, 'from' | 'to'>): string {
  const from = correction.from.join(' ');
  const to = correction.to.join(' ');
  return from && to ? `${from} → ${to}` : to ? `+ ${to}` : `− ${from}`;
}

interface CorrectionRowProps {
  transcriptId: string;
  correction: CorrectionEntry;
  canClassify: boolean;
  /** The class as the server now has it (from the answer), before the live re-read arrives. */
  onChanged: (correction: CorrectionEntry) => void;
}

/**
 * One correction raw → current in context, with its NER class as two selects (type and severity).
 * Picking one of them on an unclassified correction fills the other with its most common value
 * (recognition, standard); "—" in either clears the class.
 */
export function CorrectionRow({ transcriptId, correction, canClassify, onChanged }: CorrectionRowProps) {
  const action = useAsyncAction((change: () => Promise<CorrectionEntry>) => change());
  const current = correction.class;
  const label = describeCorrection(correction);

  async function save(type: CorrectionType | '', severity: CorrectionSeverity | '') {
    const result = await action.run(async () => {
      if (type === '' || severity === '') {
        await clearCorrectionClass(transcriptId, correction.key);
        return { ...correction, class: null };
      }
      return classifyCorrection(transcriptId, correction.key, { type, severity });
    });
    if (result.ok) onChanged(result.value);
  }

  return (
    <li className="correction-row" data-testid="correction-row" data-key={correction.key} data-class={current ? `${current.type}/${current.severity}` : 'none'}>
      <div className="correction-text">
        <span className="muted">{correction.speaker ?? 'Unattributed'} · </span>
        <span className="muted">{correction.before.length > 0 ? `…${correction.before.join(' ')} ` : ''}</span>
        <strong className="correction-edit">{label}</strong>
        <span className="muted">{correction.after.length > 0 ? ` ${correction.after.join(' ')}…` : ''}</span>
      </div>
      <div className="correction-class">
        <select
          aria-label={`Type of correction ${label}`}
          data-testid="correction-type"
          value={current?.type ?? ''}
          disabled={!canClassify || action.isPending}
          onChange={(event) => void save(event.target.value as CorrectionType | '', event.target.value === '' ? '' : (current?.severity ?? 'standard'))}
        >
          <option value="">Type —</option>
          {correctionTypes.map((type) => (
            <option key={type} value={type}>
              {typeLabels[type]}
            </option>
          ))}
        </select>
        <select
          aria-label={`Severity of correction ${label}`}
          data-testid="correction-severity"
          value={current?.severity ?? ''}
          disabled={!canClassify || action.isPending}
          onChange={(event) => void save(event.target.value === '' ? '' : (current?.type ?? 'recognition'), event.target.value as CorrectionSeverity | '')}
        >
          <option value="">Severity —</option>
          {correctionSeverities.map((severity) => (
            <option key={severity} value={severity}>
              {severityLabels[severity]}
            </option>
          ))}
        </select>
        {current ? <span className="muted correction-by">by {current.by.displayName}</span> : <span className="badge">Unclassified</span>}
      </div>
      <PanelError error={action.error} onDismiss={action.reset} />
    </li>
  );
}
