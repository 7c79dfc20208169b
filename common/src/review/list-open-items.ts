import type { queueItemKinds } from '../api/queue.schemas.ts';
import { suggestSpeakerMerges } from '../transcript/suggest-speaker-merges.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { turnPlainText } from '../transcript/turn-plain-text.ts';

export type OpenItemKind = (typeof queueItemKinds)[number];

/**
 * What the queue lists besides what the transcript itself shows: open comments (from the server) and
 * glossary hits (known misrecognitions found in the text). Their producers (comments, glossary) fill
 * these; the queue only places them in reading order.
 */
export interface OpenItemExtras {
  comments?: readonly { id: string; turnId: string | null; label: string }[];
  /** `text` (the words as they stand) lets "Ignore" cover that misrecognition in the turn, whatever is fixed around it. */
  glossaryHits?: readonly { key: string; turnId: string; label: string; text?: string }[];
}

/** One thing a reviewer still has to look at, with where it is (turn id and 1-based turn number). */
export interface OpenItem {
  kind: OpenItemKind;
  /** Stable while the item stays open: kind, turn and which one in the turn (a well-formed queue item key). */
  key: string;
  /** The turn it is in; null for a comment whose words are gone (listed last). */
  turnId: string | null;
  turnNumber: number | null;
  /** For an uncertain span: which uncertain span of the turn it is (0-based), to find it in the text. */
  uncertainIndex: number | null;
  /** What the queue shows: the words, the turn's opening, or the two labels. */
  label: string;
  /** The producer's own id: the comment's id or the glossary hit's key, to act on it. */
  sourceId?: string;
  /**
   * What a dismissal records, when not `key`: a glossary hit's is its words in its turn, since its own key
   * counts occurrences and would move onto another one when an earlier one is fixed.
   */
  dismissKey?: string;
  /** For a probable duplicate: the two speakers (the first is the one kept by a merge). */
  speakerIds?: readonly [string, string];
}

const labelChars = 60;
const keyChars = 280;

/**
 * Producer ids as the tail of a queue item key: each percent-encoded to the key alphabet and joined by
 * ':', and past 280 characters cut and suffixed with a hash of the whole, so any id (a glossary key holds
 * NULs and the misheard words) becomes a key the server accepts and Postgres can store, the same on every screen.
 */
export function toItemKeyPart(...ids: string[]): string {
  const encoded = ids.map((id) => encodeURIComponent(id).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)).join(':');
  if (encoded.length > 0 && encoded.length <= keyChars) return encoded;
  // FNV-1a, 32 bits twice (two offsets): enough to keep two long keys of one transcript apart.
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let index = 0; index < encoded.length; index++) {
    const code = encoded.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x01000193 + 2) >>> 0;
  }
  return `${encoded.slice(0, 200)}~${first.toString(16)}${second.toString(16)}`;
}

/**
 * The review queue in reading order: per turn, its missing speaker, a probable duplicate speaker first
 * heard there, its uncertain spans, glossary hits and open comments; comments whose words are gone come
 * last. `dismissed` keys (someone said "not the same person" or "ignore") are left out for everyone.
 * Derived from the transcript and the extras alone, so the client computes it from the live document.
 */
export function listOpenItems(transcript: Transcript, extras: OpenItemExtras = {}, dismissed: ReadonlySet<string> = new Set()): OpenItem[] {
  const byTurn = new Map<string, OpenItem[]>();
  const turnNumbers = new Map(transcript.turns.map((turn, index) => [turn.id, index + 1]));
  const add = (item: OpenItem) => {
    if (dismissed.has(item.key) || (item.dismissKey !== undefined && dismissed.has(item.dismissKey)) || item.turnId === null) return;
    const list = byTurn.get(item.turnId);
    if (list) list.push(item);
    else byTurn.set(item.turnId, [item]);
  };
  transcript.turns.forEach((turn, index) => {
    const turnNumber = index + 1;
    if (turn.speakerId === null) {
      const opening = turnPlainText(turn).slice(0, labelChars);
      add({ kind: 'unattributed', key: `unattributed:${turn.id}`, turnId: turn.id, turnNumber, uncertainIndex: null, label: opening || '(empty turn)' });
    }
  });
  for (const suggestion of suggestSpeakerMerges(transcript)) {
    const index = transcript.turns.findIndex((turn) => turn.speakerId === suggestion.speakerIds[1]);
    const at = index === -1 ? transcript.turns.findIndex((turn) => turn.speakerId === suggestion.speakerIds[0]) : index;
    const turn = transcript.turns[at];
    if (!turn) continue;
    add({
      kind: 'duplicateSpeaker',
      key: `duplicateSpeaker:${toItemKeyPart(...suggestion.speakerIds)}`,
      turnId: turn.id,
      turnNumber: at + 1,
      uncertainIndex: null,
      label: `“${suggestion.labels[0]}” and “${suggestion.labels[1]}” may be one person (${suggestion.reason})`,
      speakerIds: suggestion.speakerIds,
    });
  }
  transcript.turns.forEach((turn, index) => {
    let uncertainIndex = 0;
    for (const segment of turn.content) {
      if (segment.type !== 'uncertain') continue;
      const words = segment.text === '' ? segment.marker : `${segment.text} ${segment.marker}`;
      add({ kind: 'uncertain', key: `uncertain:${turn.id}:${uncertainIndex}`, turnId: turn.id, turnNumber: index + 1, uncertainIndex, label: words.slice(0, labelChars) });
      uncertainIndex++;
    }
  });
  for (const hit of extras.glossaryHits ?? []) {
    const turnNumber = turnNumbers.get(hit.turnId);
    if (turnNumber === undefined) continue;
    const dismissKey = hit.text ? `glossary:${toItemKeyPart(hit.turnId, hit.text.toLocaleLowerCase())}` : undefined;
    add({ kind: 'glossary', key: `glossary:${toItemKeyPart(hit.key)}`, turnId: hit.turnId, turnNumber, uncertainIndex: null, label: hit.label.slice(0, labelChars * 2), sourceId: hit.key, dismissKey });
  }
  const detached: OpenItem[] = [];
  for (const comment of extras.comments ?? []) {
    const turnNumber = comment.turnId === null ? undefined : turnNumbers.get(comment.turnId);
    const item: OpenItem = { kind: 'comment', key: `comment:${toItemKeyPart(comment.id)}`, turnId: comment.turnId, turnNumber: turnNumber ?? null, uncertainIndex: null, label: comment.label.slice(0, labelChars * 2), sourceId: comment.id };
    if (turnNumber === undefined) {
      if (!dismissed.has(item.key)) detached.push({ ...item, turnId: null });
    } else add(item);
  }
  return [...transcript.turns.flatMap((turn) => byTurn.get(turn.id) ?? []), ...detached];
}

/** How many items of each kind, for the queue's filters. */
export function countOpenItems(items: readonly OpenItem[]): Record<OpenItemKind, number> {
  const counts: Record<OpenItemKind, number> = { uncertain: 0, unattributed: 0, duplicateSpeaker: 0, glossary: 0, comment: 0 };
  for (const item of items) counts[item.kind]++;
  return counts;
}
