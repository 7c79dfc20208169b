import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../formats/parse-transcript.ts';
import { escapeMarkdown, writeMarkdown } from './write-markdown.ts';
import { writePlainText } from './write-plain-text.ts';
import { resolveTurnEnds } from './split-cues.ts';
import { writeSrt } from './write-srt.ts';
import { writeVtt } from './write-vtt.ts';
import { buildFixture, buildUntimedFixture } from './transcript.fixture.ts';

const approval = { version: 3, approvedBy: 'Ana Lopez', approvedAt: '2024-05-03T09:00:00Z', hash: 'ab'.repeat(32) };

describe('writePlainText', () => {
  it('writes "Name: words", paragraphs on their own lines and notes in place', () => {
    expect(writePlainText(buildFixture())).toBe(
      '(Recording started.)\n\nModerator: Good morning.\u00a0 Welcome to the co\u2011chair’s session.\n\n' +
        'Ana Lopez: Thanks. The GFCE Kaspar(?) said *this* [sic] costs $5 #1 <b>.\n[\u00a0Laughter\u00a0]\n- second paragraph with (inaudible).\n\n' +
        '(The session resumed at 10:05.)\n\nInline (Applause) event here.\n\nAna Lopez: (Kaspar?) Yes.\n\nNote: this one reads like a label.\n\nAdjourned.\n',
    );
  });

  it('prefixes [hh:mm:ss] when asked, only where a turn has a start time', () => {
    const text = writePlainText(buildFixture(), { timecodes: true });
    expect(text).toContain('\n[00:00:04] Ana Lopez: Thanks.');
    expect(text).toContain('\n[00:00:12] Inline (Applause)');
    expect(writePlainText(buildUntimedFixture(), { timecodes: true })).toBe(writePlainText(buildUntimedFixture()));
  });

  it('reads back as the same words', () => {
    const reread = parseTranscript(writePlainText(buildFixture()), { format: 'text' });
    expect(reread.turns[1]?.content).toEqual(buildFixture().turns[0]?.content); // turns[0] is the note before it, read as words
    expect(reread.speakers.map((speaker) => speaker.displayName)).toContain('Ana Lopez');
  });
});

describe('writeMarkdown', () => {
  it('writes the title block, bold names, italic events, marked uncertain spans and quoted notes', () => {
    expect(writeMarkdown(buildFixture(), approval)).toBe("# Plenary – Day 2\n\n- **Event:** Verity Forum 2024\n- **Venue:** Room A, Geneva\n- **Date:** 2024-05-02\n- **Language:** en\n- **Version:** 3\n- **Approved by:** Ana Lopez\n- **Approved at:** 2024-05-03T09:00:00Z\n- **SHA-256:** `abababababababababababababababababababababababababababababababab`\n\n> \\(Recording started.\\)\n\n**Moderator:** Good morning.\u00a0 Welcome to the co\u2011chair’s session.\n\n**Ana Lopez:** Thanks. The GFCE <mark>Kaspar\\(?\\)</mark> said \\*this\\* \\[sic\\] costs $5 \\#1 \\<b\\>.\n\n*\\[\u00a0Laughter\u00a0\\]*\n\n\\- second paragraph with <mark>\\(inaudible\\)</mark>.\n\n> \\(The session resumed at 10:05.\\)\n\nInline *\\(Applause\\)* event here.\n\n**Ana Lopez:** <mark>\\(Kaspar?\\)</mark> Yes.\n\nNote: this one reads like a label.\n\n> Adjourned.\n");
  });

  it('escapes metacharacters so text renders as written', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) <f> `g` #h | i & j \\ k !l ~m')).toBe('a \\*b\\* \\_c\\_ \\[d\\]\\(e\\) \\<f\\> \\`g\\` \\#h \\| i \\& j \\\\ k \\!l \\~m');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('+ not a list')).toBe('\\+ not a list');
    expect(escapeMarkdown('    not code')).toBe('not code');
    expect(escapeMarkdown('one\n\n- two\r# three')).toBe('one  - two \\# three');
  });
});

describe('writeMarkdown timecodes', () => {
  it('begins each timed turn with `[hh:mm:ss]` when asked, and changes nothing else', () => {
    const plain = writeMarkdown(buildFixture());
    const timed = writeMarkdown(buildFixture(), { timecodes: true });
    expect(timed).toContain('\n\n`[00:00:04]` **Ana Lopez:** Thanks.');
    expect(timed.replace(/`\[\d\d:\d\d:\d\d\]` /g, '')).toBe(plain);
    expect(writeMarkdown(buildUntimedFixture(), { timecodes: true })).toBe(writeMarkdown(buildUntimedFixture()));
  });
});

describe('writeSrt', () => {
  it('writes numbered cues, "- Name:" where the speaker changes, paragraphs as separate cues timed by length', () => {
    // Changed by the caption rules: "- " marks a speaker change (was ">>"), the first cue breaks after
    // "morning." (a clause boundary), and "[ Laughter ]" gets 1 s (was 0.78 s).
    expect(writeSrt(buildFixture())).toBe("1\n00:00:00,000 --> 00:00:04,000\n- Moderator: Good morning.\nWelcome to the co\u2011chair’s session.\n\n2\n00:00:04,000 --> 00:00:08,709\n- Ana Lopez: Thanks. The GFCE Kaspar(?)\nsaid *this* [sic] costs $5 #1 <b>.\n\n3\n00:00:08,709 --> 00:00:09,709\n[\u00a0Laughter\u00a0]\n\n4\n00:00:09,709 --> 00:00:12,000\n- second paragraph with (inaudible).\n\n5\n00:00:12,000 --> 00:00:15,000\n- Inline (Applause) event here.\n\n6\n00:00:15,000 --> 00:00:16,000\n- Ana Lopez: (Kaspar?) Yes.\n\n7\n00:00:16,000 --> 00:00:18,000\n- Note: this one reads like a label.\n");
  });

  it('refuses a transcript without timings, saying what to use instead', () => {
    expect(() => writeSrt(buildUntimedFixture())).toThrow(/has no timings, so it cannot be written as SRT; export as text, Markdown, DOCX or JSON instead/);
    const partly = buildFixture();
    partly.turns[2]!.start = null;
    expect(() => writeSrt(partly)).toThrow(/no timings for 1 of its 5 turns/);
  });

  it('times turns that have only a start (a CART transcript timed with the player): until the next start, or by reading speed', () => {
    const cart = buildFixture();
    for (const turn of cart.turns) turn.end = null;
    const starts = cart.turns.map((turn) => turn.start);
    const cues = writeSrt(cart).split('\n\n').map((cue) => cue.split('\n')[1]!);
    // The first turn runs to the second's start; the last ("Note: this one reads like a label.", 34
    // characters with its marker) is read at 15 characters a second.
    expect(cues[0]).toBe(`00:00:00,000 --> 00:00:0${starts[1]},000`);
    expect(cues.at(-1)).toMatch(/^00:00:16,000 --> 00:00:18,\d{3}$/);
    const gap = buildFixture();
    for (const turn of gap.turns) turn.end = null;
    gap.turns[1]!.start = 3600;
    gap.turns.splice(2);
    // An hour's break before the next turn is not captioned: the first turn ends after its text spoken
    // slowly (about 12 s here), and its cue after 7 s at most.
    const [first] = writeSrt(gap).split('\n\n');
    expect(first!.split('\n')[1]).toBe('00:00:00,000 --> 00:00:07,000');
    expect(resolveTurnEnds(gap)[0]).toBeGreaterThan(10);
    expect(resolveTurnEnds(gap)[0]).toBeLessThan(30);
  });

  it('keeps no cue on screen longer than 7 s', () => {
    const slow = buildFixture();
    slow.turns[0]!.end = 60;
    slow.turns[1]!.start = 60;
    const [first] = writeSrt(slow).split('\n\n');
    expect(first!.split('\n')[1]).toBe('00:00:00,000 --> 00:00:07,000');
  });

  it('splits a long turn into cues of two lines of at most 42 characters', () => {
    const transcript = buildFixture();
    transcript.turns[0]!.content = [{ type: 'text', text: 'word '.repeat(60).trim() }];
    const cueTexts = writeSrt(transcript).split('\n\n').map((cue) => cue.split('\n').slice(2));
    for (const lines of cueTexts) {
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(42);
    }
    expect(writeSrt(transcript)).toMatch(/^1\n00:00:00,000 --> 00:00:01,\d{3}\n/);
  });

  it('reads back to the same speakers and words', () => {
    const reread = parseTranscript(writeSrt(buildFixture()), { format: 'srt' });
    expect(reread.speakers.map((speaker) => speaker.label)).toEqual(['Moderator', 'Ana Lopez', 'Note']);
    expect(reread.turns[0]).toMatchObject({ start: 0, end: 4 });
  });
});

describe('writeVtt', () => {
  it('writes the title, language, voice tags on every cue of a named turn and notes as NOTE blocks', () => {
    expect(writeVtt(buildFixture())).toBe("WEBVTT - Plenary – Day 2\nLanguage: en\n\nNOTE (Recording started.)\n\n00:00:00.000 --> 00:00:04.000\n<v Moderator>Good morning.\nWelcome to the co\u2011chair’s session.\n\n00:00:04.000 --> 00:00:08.402\n<v Ana Lopez>Thanks. The GFCE Kaspar(?) said *this*\n[sic] costs $5 #1 &lt;b>.\n\n00:00:08.402 --> 00:00:09.402\n<v Ana Lopez>[\u00a0Laughter\u00a0]\n\n00:00:09.402 --> 00:00:12.000\n<v Ana Lopez>- second paragraph with (inaudible).\n\nNOTE (The session resumed at 10:05.)\n\n00:00:12.000 --> 00:00:15.000\n>> Inline (Applause) event here.\n\n00:00:15.000 --> 00:00:16.000\n<v Ana Lopez>(Kaspar?) Yes.\n\n00:00:16.000 --> 00:00:18.000\n>> Note: this one reads like a label.\n\nNOTE Adjourned.\n");
  });

  it('refuses a transcript without timings', () => {
    expect(() => writeVtt(buildUntimedFixture())).toThrow(/cannot be written as WebVTT; export as text, Markdown, DOCX or JSON instead/);
  });

  it('reads back with its title, language and voices', () => {
    const reread = parseTranscript(writeVtt(buildFixture()));
    expect(reread.metadata).toMatchObject({ title: 'Plenary – Day 2', language: 'en', sourceFormat: 'vtt' });
    expect(reread.speakers.map((speaker) => speaker.label).slice(0, 2)).toEqual(['Moderator', 'Ana Lopez']);
  });
});
