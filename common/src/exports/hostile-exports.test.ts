import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { transcriptSchema, type Transcript } from '../transcript/transcript.schema.ts';
import { findUnintendedMarkup, type MarkdownRendererName } from '../testing/find-unintended-markup.ts';
import { readZipEntries } from '../testing/read-zip-entries.ts';
import { writeCorrectionReport, type AttributedChange } from './correction-report.ts';
import { splitIntoCues } from './split-cues.ts';
import { writeDocx } from './write-docx.ts';
import { writeMarkdown } from './write-markdown.ts';
import { writeSrt } from './write-srt.ts';
import { writeVtt } from './write-vtt.ts';

/** Strings that would become markup, links or raw HTML if a writer passed them through. */
const hostile = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '![pic](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<https://evil.example/>',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '`code` ``more``',
  '*em* _em_ **strong** __strong__ ~~gone~~',
  '# heading',
  '> quote',
  '- item',
  '+ item',
  '1. item',
  '7) item',
  '---',
  '***',
  '===',
  '    indented code',
  '\tindented code',
  'a\n\n<div onclick=alert(1)>x</div>',
  'b\r<iframe src=javascript:alert(1)>',
  'c\r\n## heading',
  '&lt;img src=x onerror=alert(1)&gt; &amp; &#60;b&#62;',
  '| a | b |\n| --- | --- |\n| c | d |',
  '<!-- comment --> <![CDATA[x]]> <?php x ?>',
  '\\<b>bold</b>\\',
  '</mark><img src=x onerror=alert(1)><mark onmouseover=alert(1)>',
  '~~~\nfenced\n~~~',
  '```js\nfenced\n```',
  '<a href="javascript:alert(1)">x</a>',
  'x<br>y  \nz\\\nw',
];

/** Turn ids as an old JSON import or a stored version might carry them (the importer now refuses them). */
const hostileIds = ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '# t', '1. t', '`t`', '*t*', '<javascript:alert(1)>', 't\n\n<div>'];

function at<T>(items: readonly T[], index: number): T {
  return items[index % items.length]!;
}

/** A transcript whose title, facts, speaker names, text, events, uncertain spans, notes and ids are hostile. */
function hostileTranscript(): Transcript {
  const oneLine = hostile.filter((text) => !/[\r\n]/.test(text));
  return transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: { title: `${hostile[0]}${hostile[20]}`, event: hostile[2], venue: hostile[6], date: hostile[21], language: hostile[9] },
    speakers: hostile.map((text, index) => ({ id: `s${index}`, label: 'X', displayName: text })),
    turns: hostileIds.map((id, index) => ({
      id,
      speakerId: index % 3 === 2 ? null : `s${index}`,
      start: null,
      end: null,
      content: [
        { type: 'text', text: `${at(oneLine, index)} ` },
        { type: 'uncertain', text: at(hostile, index + 3), marker: at(hostile, index + 7) },
        { type: 'text', text: ` ${at(oneLine, index + 5)}\n${at(oneLine, index + 9)}\n` },
        { type: 'event', label: 'Laughter', raw: at(hostile, index + 11) },
        { type: 'text', text: `\n${at(oneLine, index + 13)}` },
      ],
    })),
    notes: hostile.map((text, index) => ({ id: `n${index}`, afterTurnId: index % 2 === 0 ? null : at(hostileIds, index), text })),
  });
}

/** How a value reads once written on one line: line endings become spaces. */
function asRendered(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').trim();
}

/** Renders with markdown-it and expects nothing the writer did not mean. */
function renderSafely(markdown: string, allowedTags: readonly string[], renderer: MarkdownRendererName) {
  const rendered = findUnintendedMarkup(markdown, allowedTags, renderer);
  expect(rendered.problems).toEqual([]);
  return rendered;
}

describe.each(['commonmark', 'default'] as const)('exports rendered by markdown-it (%s, html: true)', (renderer) => {
  it('the Markdown export: only the writer’s own elements, every hostile string reads as written', () => {
    const transcript = hostileTranscript();
    const { text, tags } = renderSafely(writeMarkdown(transcript, { approvedBy: hostile[1], approvedAt: hostile[4], hash: hostile[7], version: 3 }), ['h1', 'p', 'strong', 'em', 'ul', 'li', 'blockquote', 'mark'], renderer);
    const namedTurns = transcript.turns.filter((turn) => turn.speakerId !== null).length;
    expect(tags.get('h1')).toBe(1);
    expect(tags.get('ul')).toBe(1);
    expect(tags.get('li')).toBe(8); // event, venue, date, language, version, approved by, approved at, hash (not hex: plain text)
    expect(tags.get('strong')).toBe(8 + namedTurns);
    expect(tags.get('em')).toBe(transcript.turns.length);
    expect(tags.get('mark')).toBe(transcript.turns.length);
    expect(tags.get('blockquote')).toBe(transcript.notes.length);
    for (const value of [...hostile.map(asRendered), asRendered(transcript.metadata.title!)]) expect(text).toContain(value);
  });

  it('the correction report: ids, names, words and changes are text, never markup', () => {
    const raw = hostileTranscript();
    const final = hostileTranscript();
    final.turns.forEach((turn, index) => turn.content.push({ type: 'text', text: ` ${at(hostile, index + 17)}` }));
    final.turns[0]!.speakerId = 's5';
    const changes: AttributedChange[] = hostileIds.map((turnId, index) => ({ author: at(hostile, index), at: at(hostile, index + 4), turnId, description: at(hostile, index + 8) }));
    const { text, tags } = renderSafely(writeCorrectionReport(raw, final, changes), ['h1', 'h2', 'h3', 'p', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td'], renderer);
    expect(tags.get('h1')).toBe(1);
    expect(tags.get('h3')).toBe(hostileIds.length);
    for (const id of hostileIds) expect(text).toContain(asRendered(id));
    for (const change of changes) expect(text).toContain(asRendered(change.description));
    expect(text).toContain(`speaker: ${asRendered(hostile[0]!)} → ${asRendered(hostile[5]!)}`);
  });
});

describe('caption and document writers keep their structure whatever the text holds', () => {
  function timedHostileTranscript(): Transcript {
    const transcript = hostileTranscript();
    transcript.turns.forEach((turn, index) => Object.assign(turn, { start: index * 10, end: index * 10 + 9 }));
    transcript.turns[1]!.content.push({ type: 'text', text: ' x\r\r1\r00:00:00,000 --> 00:00:01,000\rforged cue' });
    return transcript;
  }
  // The same speaker prefixes the writers wrap with the first words, so the cue counts agree.
  const srtCues = (transcript: Transcript) => splitIntoCues(transcript, (turn) => (turn.speakerId ? `>> ${transcript.speakers.find((speaker) => speaker.id === turn.speakerId)!.displayName}:` : '>>')).length;
  const vttCues = (transcript: Transcript) => splitIntoCues(transcript, (turn) => (turn.speakerId ? '' : '>>')).length;

  it('SRT: one numbered block per cue, nothing else starts a block', () => {
    const transcript = timedHostileTranscript();
    const blocks = writeSrt(transcript).trimEnd().split('\n\n');
    expect(blocks).toHaveLength(srtCues(transcript));
    blocks.forEach((block, index) => {
      const [number, timing, ...text] = block.split(/\r\n?|\n/);
      expect(number).toBe(String(index + 1));
      expect(timing).toMatch(/^\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}$/);
      expect(text.length).toBeGreaterThan(0);
      for (const line of text) expect(line.trim()).not.toBe('');
    });
  });

  it('WebVTT: one cue per cue, notes and header on their lines, no tag but the writer’s <v>', () => {
    const transcript = timedHostileTranscript();
    const [header, ...blocks] = writeVtt(transcript).trimEnd().split('\n\n');
    expect(header!.split('\n')).toHaveLength(2); // WEBVTT - title, Language: …
    const cues = blocks.filter((block) => !block.startsWith('NOTE '));
    expect(cues).toHaveLength(vttCues(transcript));
    expect(blocks.length - cues.length).toBe(transcript.notes.length);
    for (const block of blocks) {
      const lines = block.split(/\r\n?|\n/);
      if (block.startsWith('NOTE ')) expect(lines).toHaveLength(1);
      else expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$/);
      const body = block.startsWith('NOTE ') ? lines : lines.slice(1);
      for (const line of body) {
        expect(line.trim()).not.toBe('');
        expect(line).not.toContain('-->');
        if (!block.startsWith('NOTE ')) expect(line.replace(/^<v [^<>]*>/, '')).not.toMatch(/</);
      }
    }
  });

  it('DOCX: only the document’s own XML elements, no character XML forbids, the text escaped', async () => {
    const transcript = hostileTranscript();
    transcript.turns[0]!.content.push({ type: 'text', text: ' bell\u0007 nul\u0000 vt\u000b ff\u000c' });
    transcript.metadata.title = `${transcript.metadata.title}\u0001`;
    const entries = readZipEntries(await writeDocx(transcript, { approvedBy: `${hostile[0]}\u0002` }));
    for (const name of ['word/document.xml', 'docProps/core.xml']) {
      const xml = entries.get(name) ?? '';
      // eslint-disable-next-line no-control-regex -- the point: XML 1.0 forbids these characters
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      for (const [tag] of xml.matchAll(/<[^>]*>/g)) expect(tag).toMatch(/^<(?:\?xml |\/?[a-zA-Z]+:[a-zA-Z]+[\s/>])/);
    }
    const text = decodeHTML((entries.get('word/document.xml') ?? '').replace(/<[^>]*>/g, ''));
    for (const value of hostile.filter((entry) => !/[\r\n\t]/.test(entry))) expect(text).toContain(value);
    expect(text).toContain('bell nul vt ff');
  });
});
