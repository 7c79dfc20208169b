import { describe, expect, it } from 'vitest';
import { findSelfIntroductions } from '../transcript/find-self-introductions.ts';
import { suggestSpeakerMerges } from '../transcript/suggest-speaker-merges.ts';
import { summarizeImport } from '../transcript/summarize-import.ts';
import { turnPlainText } from '../transcript/turn-plain-text.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { hasSeeds, readSeed, seedsDir } from './fixtures/read-fixture.ts';
import { parseTranscript } from './parse-transcript.ts';
import { serializeTranscriptJson } from './serialize-transcript-json.ts';

if (!hasSeeds) console.warn(`Seed tests skipped: ${seedsDir} is missing.`);

function allTurnText(transcript: Transcript): string {
  return transcript.turns.map(turnPlainText).join('\n');
}

describe.skipIf(!hasSeeds)('seed 001 (IGF 2017, all turns named)', () => {
  const name = '001_cf143e0f9569e927.txt';
  const transcript = hasSeeds ? parseTranscript(readSeed(name), { fileName: name }) : (undefined as never);
  const summary = hasSeeds ? summarizeImport(transcript) : (undefined as never);

  it('finds 64 turns from 8 labels, 3 of them generic roles', () => {
    expect(transcript.metadata.sourceFormat).toBe('cart');
    expect(summary.turnCount).toBe(64);
    expect(summary.unattributedTurnCount).toBe(0);
    expect(transcript.speakers).toHaveLength(8);
    const generic = transcript.speakers.filter((speaker) => speaker.isGeneric);
    expect(generic.map((speaker) => [speaker.label, speaker.role])).toEqual([
      ['MODERATOR', 'moderator'],
      ['PANELIST', 'panelist'],
      ['AUDIENCE', 'audience'],
    ]);
    expect(summary.speakers.find((speaker) => speaker.label === 'BELISARIO CONTRERAS')?.turnCount).toBe(26);
  });

  it('keeps 7 uncertain spans and 6 sound events', () => {
    expect(summary.uncertainCount).toBe(7);
    expect(summary.eventCounts).toEqual({ Laughter: 4, 'Phone ringing': 1, Applause: 1 });
    const events = transcript.turns.flatMap((turn) => turn.content.filter((segment) => segment.type === 'event'));
    expect(events[0]).toEqual({ type: 'event', label: 'Laughter', raw: '[\u00a0Laughter\u00a0]' });
  });

  it('keeps the closing lines as notes after the last turn', () => {
    expect(transcript.notes.map((note) => [note.text, note.afterTurnId])).toEqual([
      ['Adjourned.', 't64'],
      ['(The session concluded at 13:10.)', 't64'],
    ]);
    expect(allTurnText(transcript)).not.toContain('Adjourned');
  });

  it('reads the first and last turns word for word, NBSP and U+2011 preserved', () => {
    const first = transcript.turns[0];
    const last = transcript.turns[63];
    expect(first && turnPlainText(first)).toBe('Okay.\u00a0 We can trade places.');
    expect(last && turnPlainText(last)).toMatch(/^Perfect\.\u00a0 With that I would like to thank you/);
    expect(last && turnPlainText(last)).toMatch(/Thank you very much\.\n\[ Applause \]$/);
    expect(allTurnText(transcript)).toContain('Kerry\u2011Ann Rice');
  });

  it('takes event, venue and date from the disclaimer and keeps it out of the turns', () => {
    expect(transcript.metadata).toMatchObject({
      event: 'Twelfth Annual Meeting of the Internet Governance Forum (IGF)',
      venue: 'Geneva, Switzerland',
      date: '2017-12-17/2017-12-21',
      sourceFileName: name,
    });
    expect(transcript.metadata.header).toContain('should not be treated as an authoritative record');
    expect(transcript.metadata.header).not.toContain('***');
    expect(allTurnText(transcript)).not.toContain('authoritative record');
  });

  it('round-trips through Verity JSON losslessly', () => {
    expect(parseTranscript(serializeTranscriptJson(transcript))).toEqual(transcript);
  });
});

describe.skipIf(!hasSeeds)('seed 000 (IGF 2018, mostly unattributed)', () => {
  const name = '000_4888b5e5729f2cf0.txt';
  const transcript = hasSeeds ? parseTranscript(readSeed(name)) : (undefined as never);

  it('finds 39 turns, 36 unattributed, 3 named', () => {
    const summary = summarizeImport(transcript);
    expect(summary.turnCount).toBe(39);
    expect(summary.unattributedTurnCount).toBe(36);
    const named = transcript.turns.filter((turn) => turn.speakerId !== null);
    expect(named.map((turn) => transcript.speakers.find((speaker) => speaker.id === turn.speakerId)?.label)).toEqual([
      'MANON VAN TIENHOVEN',
      'MANON VAN TIEHOVEN',
      'CATHERINE GARCIA van HEOGSTRATEN',
    ]);
  });

  it('reads the first and last turns word for word', () => {
    const first = transcript.turns[0];
    const last = transcript.turns[38];
    expect(first && turnPlainText(first)).toMatch(/^So, hello, again\. I'm Patrick Pavlak\./);
    expect(first?.content[0]?.type === 'text' && first.content[0].text).toContain('Hopefully we\'ll have a good conversation afterwards.\nTo kick us off');
    expect(last && turnPlainText(last)).toMatch(/^I'll stop there\./);
    expect(last && turnPlainText(last)).toMatch(/enjoy your lunch and the rest of the conference, thank you\.$/);
  });

  it('suggests that TIENHOVEN and TIEHOVEN are one person, and nothing else', () => {
    const suggestions = suggestSpeakerMerges(transcript);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]?.labels).toEqual(['MANON VAN TIENHOVEN', 'MANON VAN TIEHOVEN']);
    expect(suggestions[0]?.score).toBeGreaterThan(0.9);
  });

  it('suggests names from self-introductions in unattributed turns', () => {
    const names = findSelfIntroductions(transcript).map((found) => [found.turnId, found.name]);
    expect(names).toContainEqual(['t1', 'Patrick Pavlak']);
    expect(names.map(([, found]) => found)).toContain('Robert Collett');
  });

  it('keeps header and footer boilerplate out of every turn', () => {
    const { metadata } = transcript;
    expect(metadata).toMatchObject({
      title: 'WS281 Public-Private-Civil Partnerships in Cyber Capacity Building',
      event: 'Thirteenth Annual Meeting of the Internet Governance Forum (IGF)',
      venue: 'Salle II, Paris, France',
      date: '2018-11-14',
    });
    expect(metadata.header).toMatch(/^This is now a legacy site/);
    expect(metadata.header).toContain('You are here');
    expect(metadata.footer).toMatch(/^Contact Information\n/);
    expect(metadata.footer).toContain('CH-1211 Geneva 10');
    const text = allTurnText(transcript);
    for (const boilerplate of ['legacy site', 'You are here', 'authoritative record', 'Contact Information', 'Palais des Nations', 'igf [at] un']) {
      expect(text).not.toContain(boilerplate);
    }
  });

  it('round-trips through Verity JSON losslessly', () => {
    expect(parseTranscript(serializeTranscriptJson(transcript))).toEqual(transcript);
  });
});
