import type { Transcript } from '../transcript/transcript.schema.ts';
import { correctionIdentity, listCorrections, type Correction } from '../review/list-corrections.ts';
import { correctionSeverities, correctionTypes, nerPassMark, type CorrectionGrade } from '../review/measure-ner.ts';
import { formatNer, summarizeAccuracy, type AccuracySummary } from '../review/summarize-accuracy.ts';
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

/** What the report says of the final text and how it classes corrections. */
export interface CorrectionReportOptions {
  /** What the raw import is compared with, e.g. "approved version 3 (v1)" or "the current text (no version is approved)". */
  finalLabel?: string;
  /** A correction's NER class (null: unclassified); without it every correction is unclassified. */
  classOf?: (correction: Correction) => CorrectionGrade | null;
}

/** A lookup for `classOf` from classes known by correction identity (correctionIdentity). */
export function classesByIdentity(entries: Iterable<readonly [Correction, CorrectionGrade | null]>): (correction: Correction) => CorrectionGrade | null {
  const byIdentity = new Map<string, CorrectionGrade | null>();
  for (const [correction, grade] of entries) byIdentity.set(correctionIdentity(correction), grade);
  return (correction) => byIdentity.get(correctionIdentity(correction)) ?? null;
}

const quote = (words: string[]) => `"${escapeMarkdown(words.join(' '))}"`;

/** A correction as a readable edit, raw → final, with its class. */
function describeEdit(correction: Pick<Correction, 'from' | 'to'>, grade: CorrectionGrade | null): string {
  const { from, to } = correction;
  const edit = from.length > 0 && to.length > 0 ? `replaced ${quote(from)} with ${quote(to)}` : to.length > 0 ? `added ${quote(to)}` : `removed ${quote(from)}`;
  return `${edit} · ${grade ? `${grade.type}, ${grade.severity === 'none' ? 'no error' : grade.severity}` : 'unclassified'}`;
}

function turnSection(turn: TurnComparison, changes: readonly AttributedChange[], edits: readonly string[]): string | null {
  const lines = edits.map((edit) => `- ${edit}`);
  if (turn.status === 'kept' && turn.rawSpeaker !== turn.finalSpeaker) lines.unshift(`- speaker: ${escapeMarkdown(turn.rawSpeaker ?? 'unattributed')} → ${escapeMarkdown(turn.finalSpeaker ?? 'unattributed')}`);
  if (turn.status !== 'kept') lines.unshift(`- turn ${turn.status}`);
  lines.push(...changes.map((change) => `- ${escapeMarkdown(change.author)}, ${escapeMarkdown(change.at)}: ${escapeMarkdown(change.description)}`));
  if (lines.length === 0) return null;
  const speaker = turn.finalSpeaker ?? turn.rawSpeaker;
  // The id is transcript data (an import or any editor's update): escaped like every other value.
  return [`### ${escapeMarkdown(turn.turnId)}${speaker ? ` · ${escapeMarkdown(speaker)}` : ''}`, '', ...lines].join('\n');
}

/** The NER section: the score two ways, the pass mark, and the corrections by class. */
function accuracyBlocks(summary: AccuracySummary): string[] {
  const { nerAssumed, nerClassified, counts } = summary;
  const passes = nerAssumed.score === null ? 'n/a' : nerAssumed.score >= nerPassMark ? 'passes' : 'below';
  const label = (name: string) => name[0]!.toUpperCase() + name.slice(1);
  return [
    '## Accuracy (NER)',
    `NER = (N − E − R) / N × 100, where N is the number of words in the raw (captioned) text and E and R are the edition and recognition errors, each corrected error deducting 0.25 (minor), 0.5 (standard) or 1 (serious), or nothing when classed as no error (a correct edition). ${nerPassMark} is the usual pass mark. Unclassified corrections are counted as standard recognition errors (an assumption, until someone classifies them).`,
    [
      '| measure | value |',
      '| --- | ---: |',
      `| Words in the raw text (N) | ${summary.rawWords} |`,
      `| Corrections | ${summary.corrections} |`,
      `| Classified / unclassified | ${summary.classified} / ${summary.unclassified} |`,
      `| Edition errors (E) | ${nerAssumed.edition} |`,
      `| Recognition errors (R), unclassified included | ${nerAssumed.recognition} |`,
      `| NER (unclassified as standard recognition) | ${formatNer(nerAssumed.score)} (${passes} ${nerPassMark}) |`,
      `| NER (classified corrections only) | ${formatNer(nerClassified.score)} |`,
    ].join('\n'),
    [
      `| class | ${correctionSeverities.map((severity) => (severity === 'none' ? 'no error' : severity)).join(' | ')} |`,
      `| --- |${correctionSeverities.map(() => ' ---: |').join('')}`,
      ...correctionTypes.map((type) => `| ${label(type)} | ${correctionSeverities.map((severity) => counts[type][severity]).join(' | ')} |`),
      `| Unclassified | ${summary.unclassified} (counted as standard recognition) |${correctionSeverities.slice(1).map(() => ' |').join('')}`,
    ].join('\n'),
  ];
}

/**
 * A Markdown report of how the raw import became the final text: totals with the word error rate
 * (the final text is the reference), the NER score with the corrections by class, changes per
 * reviewer, and each turn's corrections with their classes.
 */
export function writeCorrectionReport(raw: Transcript, final: Transcript, changes: readonly AttributedChange[] = [], options: CorrectionReportOptions = {}): string {
  const wer = measureWordErrorRate(raw, final);
  const classOf = options.classOf ?? (() => null);
  const corrections = listCorrections(raw, final, wer);
  const grades = corrections.map(classOf);
  const editsByTurn = new Map<string, string[]>();
  corrections.forEach((correction, index) => {
    const edits = editsByTurn.get(correction.turnId) ?? [];
    edits.push(describeEdit(correction, grades[index]!));
    editsByTurn.set(correction.turnId, edits);
  });
  const changed = wer.turns.filter((turn) => turn.alignment.matches !== turn.alignment.operations.length || turn.status !== 'kept' || turn.rawSpeaker !== turn.finalSpeaker);
  const count = (status: TurnComparison['status']) => wer.turns.filter((turn) => turn.status === status).length;
  const errors = wer.substitutions + wer.deletions + wer.insertions;
  const rate = wer.rate === null ? 'n/a (the final text has no words)' : `${(wer.rate * 100).toFixed(2)} % (${errors} / ${wer.referenceWords})`;
  const blocks = [
    `# Correction report: ${escapeMarkdown(final.metadata.title ?? 'Transcript')}`,
    `The raw import compared with ${escapeMarkdown(options.finalLabel ?? 'the final text')}, the final text. The final text is the reference: WER = (S + D + I) / N, where N is the number of words in the final text.`,
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
    ...accuracyBlocks(summarizeAccuracy(wer, grades)),
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
  const sections = wer.turns
    .map((turn) => turnSection(turn, changes.filter((change) => change.turnId === turn.turnId), editsByTurn.get(turn.turnId) ?? []))
    .filter((section) => section !== null);
  blocks.push('## By turn', sections.length > 0 ? sections.join('\n\n') : 'No turn changed.');
  return `${blocks.join('\n\n')}\n`;
}
