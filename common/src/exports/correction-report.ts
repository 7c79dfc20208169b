import type { Transcript } from '../transcript/transcript.schema.ts';
import type { WordOperation } from './align-words.ts';
import { measureWordErrorRate } from './measure-word-error-rate.ts';
import type { TurnComparison } from './measure-word-error-rate.ts';
import { escapeMarkdown } from './escape-markdown.ts';

/** A change a person made, as the caller's history records it. */
export interface AttributedChange {
  author: string;
  /** ISO timestamp, written as given. */
  at: string;
  turnId: string;
  description: string;
}

/** Runs of non-matching operations as readable edits, raw → final. */
function describeEdits(operations: readonly WordOperation[]): string[] {
  const edits: string[] = [];
  let from: string[] = [];
  let to: string[] = [];
  const flush = () => {
    const quote = (words: string[]) => `"${escapeMarkdown(words.join(' '))}"`;
    if (from.length > 0 && to.length > 0) edits.push(`replaced ${quote(from)} with ${quote(to)}`);
    else if (to.length > 0) edits.push(`added ${quote(to)}`);
    else if (from.length > 0) edits.push(`removed ${quote(from)}`);
    from = [];
    to = [];
  };
  for (const operation of operations) {
    if (operation.kind === 'match') flush();
    else {
      if (operation.hypothesis !== null) from.push(operation.hypothesis);
      if (operation.reference !== null) to.push(operation.reference);
    }
  }
  flush();
  return edits;
}

function turnSection(turn: TurnComparison, changes: readonly AttributedChange[]): string | null {
  const lines = describeEdits(turn.alignment.operations).map((edit) => `- ${edit}`);
  if (turn.status === 'kept' && turn.rawSpeaker !== turn.finalSpeaker) lines.unshift(`- speaker: ${escapeMarkdown(turn.rawSpeaker ?? 'unattributed')} → ${escapeMarkdown(turn.finalSpeaker ?? 'unattributed')}`);
  if (turn.status !== 'kept') lines.unshift(`- turn ${turn.status}`);
  lines.push(...changes.map((change) => `- ${escapeMarkdown(change.author)}, ${escapeMarkdown(change.at)}: ${escapeMarkdown(change.description)}`));
  if (lines.length === 0) return null;
  const speaker = turn.finalSpeaker ?? turn.rawSpeaker;
  // The id is transcript data (an import or any editor's update): escaped like every other value.
  return [`### ${escapeMarkdown(turn.turnId)}${speaker ? ` · ${escapeMarkdown(speaker)}` : ''}`, '', ...lines].join('\n');
}

/**
 * A Markdown report of how the raw import became the final text: totals with the word error rate
 * (the final text is the reference), changes per reviewer, and word-level changes per turn.
 */
export function writeCorrectionReport(raw: Transcript, final: Transcript, changes: readonly AttributedChange[] = []): string {
  const wer = measureWordErrorRate(raw, final);
  const changed = wer.turns.filter((turn) => turn.alignment.matches !== turn.alignment.operations.length || turn.status !== 'kept' || turn.rawSpeaker !== turn.finalSpeaker);
  const count = (status: TurnComparison['status']) => wer.turns.filter((turn) => turn.status === status).length;
  const errors = wer.substitutions + wer.deletions + wer.insertions;
  const rate = wer.rate === null ? 'n/a (the final text has no words)' : `${(wer.rate * 100).toFixed(2)} % (${errors} / ${wer.referenceWords})`;
  const blocks = [
    `# Correction report: ${escapeMarkdown(final.metadata.title ?? 'Transcript')}`,
    'The raw import compared with the final text. The final text is the reference: WER = (S + D + I) / N, where N is the number of words in the final text.',
    [
      '| measure | value |',
      '| --- | ---: |',
      `| Words in the final text (N) | ${wer.referenceWords} |`,
      `| Substitutions (S) | ${wer.substitutions} |`,
      `| Deletions (D): final words the raw text lacked | ${wer.deletions} |`,
      `| Insertions (I): raw words the final text dropped | ${wer.insertions} |`,
      `| Word error rate | ${rate} |`,
      `| Turns changed | ${changed.length} of ${wer.turns.length} |`,
      `| Turns added / removed | ${count('added')} / ${count('removed')} |`,
      `| Recorded changes | ${changes.length} |`,
    ].join('\n'),
  ];
  const byAuthor = new Map<string, { changes: number; turns: Set<string> }>();
  for (const change of changes) {
    const entry = byAuthor.get(change.author) ?? { changes: 0, turns: new Set<string>() };
    entry.changes++;
    entry.turns.add(change.turnId);
    byAuthor.set(change.author, entry);
  }
  if (byAuthor.size > 0) {
    const rows = [...byAuthor].sort(([a, x], [b, y]) => y.changes - x.changes || (a < b ? -1 : a > b ? 1 : 0));
    blocks.push('## By reviewer', ['| reviewer | changes | turns |', '| --- | ---: | ---: |', ...rows.map(([author, entry]) => `| ${escapeMarkdown(author)} | ${entry.changes} | ${entry.turns.size} |`)].join('\n'));
  }
  const sections = wer.turns.map((turn) => turnSection(turn, changes.filter((change) => change.turnId === turn.turnId))).filter((section) => section !== null);
  blocks.push('## By turn', sections.length > 0 ? sections.join('\n\n') : 'No turn changed.');
  return `${blocks.join('\n\n')}\n`;
}
