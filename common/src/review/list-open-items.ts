import { suggestSpeakerMerges } from '../transcript/suggest-speaker-merges.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { turnPlainText } from '../transcript/turn-plain-text.ts';

export type OpenItemKind = 'uncertain' | 'unattributed' | 'duplicateSpeaker' | 'glossary' | 'comment';

/**
 * What the queue lists besides what the transcript itself shows: open comments (from the server) and
 * glossary hits (known misrecognitions found in the text). Their producers (comments, glossary) fill
 * these; the queue only places them in reading order.
 */
export interface OpenItemExtras {
  comments?: readonly { id: string; turnId: string | null; label: string }[];
  glossaryHits?: readonly { key: string; turnId: string; label: string }[];
}

/** One thing a reviewer still has to look at, with where it is (turn id and 1-based turn number). */
export interface OpenItem {
  kind: OpenItemKind;
  /** Stable while the item stays open: kind, turn and which one in the turn. */
  key: string;
  turnId: string;
  turnNumber: number;
  /** For an uncertain span: which uncertain span of the turn it is (0-based), to find it in the text. */
  uncertainIndex: number | null;
  /** What the queue shows: the words, the turn's opening, or the two labels. */
  label: string;
}

const labelChars = 60;

/**
 * The review queue: every uncertain span, every turn without a speaker, and every pair of speaker
 * labels that probably name one person (shown at the first turn of the second), in reading order
 * within each kind. Derived from the transcript alone, so the client computes it from the live document.
 */
export function listOpenItems(transcript: Transcript): OpenItem[] {
  const items: OpenItem[] = [];
  transcript.turns.forEach((turn, index) => {
    const turnNumber = index + 1;
    if (turn.speakerId === null) {
      const opening = turnPlainText(turn).slice(0, labelChars);
      items.push({ kind: 'unattributed', key: `unattributed:${turn.id}`, turnId: turn.id, turnNumber, uncertainIndex: null, label: opening || '(empty turn)' });
    }
    let uncertainIndex = 0;
    for (const segment of turn.content) {
      if (segment.type !== 'uncertain') continue;
      const words = segment.text === '' ? segment.marker : `${segment.text} ${segment.marker}`;
      items.push({ kind: 'uncertain', key: `uncertain:${turn.id}:${uncertainIndex}`, turnId: turn.id, turnNumber, uncertainIndex, label: words.slice(0, labelChars) });
      uncertainIndex++;
    }
  });
  for (const suggestion of suggestSpeakerMerges(transcript)) {
    const index = transcript.turns.findIndex((turn) => turn.speakerId === suggestion.speakerIds[1]);
    const at = index === -1 ? transcript.turns.findIndex((turn) => turn.speakerId === suggestion.speakerIds[0]) : index;
    const turn = transcript.turns[at];
    if (!turn) continue;
    items.push({
      kind: 'duplicateSpeaker',
      key: `duplicateSpeaker:${suggestion.speakerIds.join(':')}`,
      turnId: turn.id,
      turnNumber: at + 1,
      uncertainIndex: null,
      label: `“${suggestion.labels[0]}” and “${suggestion.labels[1]}” may be one person (${suggestion.reason})`,
    });
  }
  return items;
}
