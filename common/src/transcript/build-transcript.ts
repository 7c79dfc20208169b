import { classifySpeaker } from './classify-speaker.ts';
import { normalizeSpeakerKey } from './classify-speaker-label.ts';
import { normalizeContent } from './normalize-content.ts';
import { parseInlineSegments } from './parse-inline-segments.ts';
import type { ParsedSpeakerLabel } from './parse-speaker-label.ts';
import { transcriptSchemaVersion } from './transcript.schema.ts';
import type { Note, Segment, Speaker, Transcript, TranscriptMetadata, Turn } from './transcript.schema.ts';

interface DraftTurn {
  id: string;
  speakerId: string | null;
  start: number | null;
  end: number | null;
  paragraphs: string[];
}

/** A metadata object with every field present and null. */
export function emptyMetadata(): TranscriptMetadata {
  return { title: null, event: null, venue: null, date: null, language: null, sourceFileName: null, sourceFormat: null, header: null, footer: null };
}

/**
 * Collects speakers, turns and notes in reading order and assigns stable ids (s1, t1, n1…) so every
 * importer numbers them the same way; text is kept per paragraph until build() parses markers.
 */
export class TranscriptBuilder {
  private readonly speakers: Speaker[] = [];
  private readonly speakerIdsByKey = new Map<string, string>();
  private readonly turns: DraftTurn[] = [];
  private readonly notes: Note[] = [];

  /** The id of the speaker with this label, creating it on first use; case and spacing do not matter. */
  speakerFor(parsed: ParsedSpeakerLabel): string {
    const key = normalizeSpeakerKey(parsed.name);
    const existing = this.speakerIdsByKey.get(key);
    if (existing) return existing;
    const id = `s${this.speakers.length + 1}`;
    this.speakers.push(classifySpeaker(id, parsed));
    this.speakerIdsByKey.set(key, id);
    return id;
  }

  /** Starts a new turn; later text goes into it. */
  startTurn(speakerId: string | null, start: number | null = null, end: number | null = null): void {
    this.turns.push({ id: `t${this.turns.length + 1}`, speakerId, start, end, paragraphs: [] });
  }

  /** The turn being written, if any. */
  get currentTurn(): DraftTurn | undefined {
    return this.turns[this.turns.length - 1];
  }

  /** Whether a note was added after the current turn, i.e. the turn is closed. */
  get isAfterNote(): boolean {
    const note = this.notes[this.notes.length - 1];
    return note !== undefined && note.afterTurnId === (this.currentTurn?.id ?? null);
  }

  /** Adds a paragraph to the current turn, starting an unattributed turn when there is none. */
  addParagraph(text: string): void {
    if (!this.currentTurn) this.startTurn(null);
    this.currentTurn?.paragraphs.push(text);
  }

  /** Appends words to the current turn's last paragraph with a space (joined caption cues). */
  appendToParagraph(text: string): void {
    const turn = this.currentTurn;
    if (!turn || turn.paragraphs.length === 0) return this.addParagraph(text);
    const last = turn.paragraphs.length - 1;
    turn.paragraphs[last] = turn.paragraphs[last] === '' ? text : `${turn.paragraphs[last]} ${text}`;
  }

  /** Records a stage note after the current turn. */
  addNote(text: string): void {
    this.notes.push({ id: `n${this.notes.length + 1}`, afterTurnId: this.currentTurn?.id ?? null, text });
  }

  /** The finished transcript. */
  build(metadata: TranscriptMetadata): Transcript {
    const turns: Turn[] = this.turns.map((draft) => {
      const content: Segment[] = [];
      draft.paragraphs.forEach((paragraph, index) => {
        if (index > 0) content.push({ type: 'text', text: '\n' });
        // One by one: spreading a paragraph of 200,000 markers into push() overflows the call stack.
        for (const segment of parseInlineSegments(paragraph)) content.push(segment);
      });
      return { id: draft.id, speakerId: draft.speakerId, start: draft.start, end: draft.end, content: normalizeContent(content) };
    });
    return { schema: transcriptSchemaVersion, metadata, speakers: this.speakers, turns, notes: this.notes };
  }
}
