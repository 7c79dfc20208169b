import type { Segment, Transcript } from '../transcript/transcript.schema.ts';
import { segmentPlainText } from '../transcript/turn-plain-text.ts';
import { groupNotesByTurn, indexSpeakers, listRecordFacts } from './export-options.ts';
import type { ExportOptions } from './export-options.ts';
import { formatClock } from './write-plain-text.ts';
import { escapeLineStart, escapeMarkdown, escapeMarkdownInline } from './escape-markdown.ts';

export { escapeMarkdown } from './escape-markdown.ts';

/** The hash is written as code only when it is one; any other value is text like the rest. */
const sha256Hex = /^[0-9a-f]{64}$/i;

/** A segment in Markdown: events in italics, uncertain spans (with their marker) in <mark>. */
function segmentMarkdown(segment: Segment): string {
  if (segment.type === 'text') return escapeMarkdownInline(segment.text);
  if (segment.type === 'event') {
    // Emphasis cannot open or close next to a space, and "* " at a line start would be a list item.
    const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/su.exec(segment.raw) ?? [];
    return core === '' ? escapeMarkdownInline(segment.raw) : `${escapeMarkdownInline(lead)}*${escapeMarkdownInline(core)}*${escapeMarkdownInline(trail)}`;
  }
  return `<mark>${escapeMarkdownInline(segmentPlainText(segment))}</mark>`;
}

/** The turn's paragraphs in Markdown, split where the content has "\n". */
function paragraphsMarkdown(content: readonly Segment[]): string[] {
  const paragraphs = [''];
  for (const segment of content) {
    const parts = segment.type === 'text' ? segment.text.split('\n') : [null];
    parts.forEach((part, index) => {
      if (index > 0) paragraphs.push('');
      const last = paragraphs.length - 1;
      paragraphs[last] += part === null ? segmentMarkdown(segment) : part === '' ? '' : segmentMarkdown({ type: 'text', text: part });
    });
  }
  // Line-start escaping has to see the whole paragraph: a marker can span segments ("1" then ". ").
  return paragraphs.map(escapeLineStart);
}

/**
 * Markdown: "# Title", the record facts as a list, then "**Name:** words" per turn (unattributed
 * turns without a name; with `timecodes`, a turn with a start begins "`[hh:mm:ss]`"), each further
 * paragraph its own Markdown paragraph, notes as blockquotes.
 */
export function writeMarkdown(transcript: Transcript, options: ExportOptions = {}): string {
  const speakers = indexSpeakers(transcript);
  const notes = groupNotesByTurn(transcript);
  const blocks = [`# ${escapeMarkdown(transcript.metadata.title ?? 'Transcript')}`];
  const facts = listRecordFacts(transcript, options).map((fact) => `- **${fact.label}:** ${fact.label === 'SHA-256' && sha256Hex.test(fact.value) ? `\`${fact.value}\`` : escapeMarkdown(fact.value)}`);
  if (facts.length > 0) blocks.push(facts.join('\n'));
  const quote = (text: string) => `> ${escapeMarkdown(text)}`;
  blocks.push(...(notes.get('') ?? []).map(quote));
  for (const turn of transcript.turns) {
    const name = turn.speakerId ? speakers.get(turn.speakerId)?.displayName : undefined;
    const [first = '', ...rest] = paragraphsMarkdown(turn.content);
    // `[hh:mm:ss]` in code: never a link, whatever follows it.
    const stamp = options.timecodes && turn.start !== null ? `\`[${formatClock(turn.start)}]\` ` : '';
    const opening = name ? `${stamp}**${escapeMarkdown(name)}:**${first === '' ? '' : ` ${first}`}` : first === '' ? '' : `${stamp}${first}`;
    blocks.push(...[opening, ...rest].filter((paragraph) => paragraph !== ''));
    blocks.push(...(notes.get(turn.id) ?? []).map(quote));
  }
  return `${blocks.join('\n\n')}\n`;
}
