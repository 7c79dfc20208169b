import type { Segment, Transcript } from '../transcript/transcript.schema.ts';
import { segmentPlainText } from '../transcript/turn-plain-text.ts';
import { groupNotesByTurn, indexSpeakers, listRecordFacts } from './export-options.ts';
import type { ExportOptions } from './export-options.ts';

// CommonMark lets any ASCII punctuation be escaped; these are the ones that can start markup inline.
const inlineMetacharacters = /[\\`*_[\]<>#|~&!]/g;
// At the start of a line: list items ("- ", "+ ", "1. ", "1) "), thematic breaks and setext underlines.
const lineStartMarkup = /^(\s*)([-+=]|\d+[.)])/;

/** Transcript text made inert for Markdown: every character still reads as itself once rendered. */
export function escapeMarkdown(text: string): string {
  return text.replace(inlineMetacharacters, '\\$&').replace(lineStartMarkup, (_match, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}

/** A segment in Markdown: events in italics, uncertain spans (with their marker) in <mark>. */
function segmentMarkdown(segment: Segment): string {
  if (segment.type === 'text') return escapeMarkdown(segment.text);
  if (segment.type === 'event') return `*${escapeMarkdown(segment.raw)}*`;
  return `<mark>${escapeMarkdown(segmentPlainText(segment))}</mark>`;
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
  // Line-start escaping has to see the whole paragraph; re-escaping the first characters is idempotent here.
  return paragraphs.map((paragraph) => paragraph.replace(lineStartMarkup, (_m, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`));
}

/**
 * Markdown: "# Title", the record facts as a list, then "**Name:** words" per turn (unattributed
 * turns without a name), each further paragraph its own Markdown paragraph, notes as blockquotes.
 */
export function writeMarkdown(transcript: Transcript, options: ExportOptions = {}): string {
  const speakers = indexSpeakers(transcript);
  const notes = groupNotesByTurn(transcript);
  const blocks = [`# ${escapeMarkdown(transcript.metadata.title ?? 'Transcript')}`];
  const facts = listRecordFacts(transcript, options).map((fact) => `- **${fact.label}:** ${fact.label === 'SHA-256' ? `\`${fact.value}\`` : escapeMarkdown(fact.value)}`);
  if (facts.length > 0) blocks.push(facts.join('\n'));
  const quote = (text: string) => `> ${escapeMarkdown(text)}`;
  blocks.push(...(notes.get('') ?? []).map(quote));
  for (const turn of transcript.turns) {
    const name = turn.speakerId ? speakers.get(turn.speakerId)?.displayName : undefined;
    const [first = '', ...rest] = paragraphsMarkdown(turn.content);
    const opening = name ? `**${escapeMarkdown(name)}:**${first === '' ? '' : ` ${first}`}` : first;
    blocks.push(...[opening, ...rest].filter((paragraph) => paragraph !== ''));
    blocks.push(...(notes.get(turn.id) ?? []).map(quote));
  }
  return `${blocks.join('\n\n')}\n`;
}
