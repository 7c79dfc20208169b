/**
 * The live document's shape: the Slate value that @slate-yjs binds to the shared Y.XmlText
 * (`doc.get(contentKey, Y.XmlText)`). One block per turn or stage note, in reading order. The speaker
 * roster lives in a separate Y.Map (`doc.getMap(speakersKey)`, speaker id → Speaker) so renaming a
 * speaker never touches the turns. Word timings, if any, stay out of the shared document.
 */

/** Key of the Y.XmlText holding the Slate children. */
export const contentKey = 'content';
/** Key of the Y.Map holding the speaker roster (id → Speaker JSON). */
export const speakersKey = 'speakers';
/** Key of the Y.Map holding transcript metadata (title, event, …). */
export const metadataKey = 'metadata';

/** Text as written. `uncertain` holds the marker ("(?)", "[inaudible]") when the words are uncertain. */
export interface TranscriptText {
  text: string;
  /**
   * Set on words the captioner was unsure of. When the captioner wrote only a marker, the leaf's text
   * is the marker itself and `isMarkerOnly` is true (Slate cannot keep an empty marked leaf).
   */
  uncertain?: string;
  isMarkerOnly?: boolean;
}

/** A non-speech event ("[ Laughter ]") as an inline void chip. */
export interface EventElement {
  type: 'event';
  label: string;
  raw: string;
  children: [{ text: '' }];
}

/** One speaker's uninterrupted contribution; "\n" inside text marks a paragraph break. */
export interface TurnElement {
  type: 'turn';
  id: string;
  speakerId: string | null;
  start: number | null;
  end: number | null;
  children: (TranscriptText | EventElement)[];
}

/** A stage note outside any turn ("Adjourned."). */
export interface NoteElement {
  type: 'note';
  id: string;
  children: TranscriptText[];
}

export type TranscriptBlock = TurnElement | NoteElement;
export type TranscriptElement = TranscriptBlock | EventElement;

/**
 * The one shape of a block (turn or note) id: UUIDs from the editor and the server, short ids
 * ("t12", "n3") from imports. Anything else is refused at the live boundary.
 */
export const blockIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** True for a string that may be a block id. */
export function isBlockId(value: unknown): value is string {
  return typeof value === 'string' && blockIdPattern.test(value);
}

/** The element kinds of the live document and where each lives: blocks in the root, events in turns. */
export type ElementKind = 'turn' | 'note' | 'event';

const isSeconds = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
const isLabel = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 1000;

/**
 * Every attribute each element kind may carry, with the check its value must pass (absent reads as
 * null). The server refuses live updates that set anything else (server/src/collab/check-update-layout.ts).
 */
export const elementAttributes: Record<ElementKind, Record<string, (value: unknown) => boolean>> = {
  turn: {
    type: (value) => value === 'turn',
    id: isBlockId,
    speakerId: (value) => value === null || (typeof value === 'string' && value.length > 0 && value.length <= 200),
    start: isSeconds,
    end: isSeconds,
  },
  note: { type: (value) => value === 'note', id: isBlockId },
  event: { type: (value) => value === 'event', label: isLabel, raw: isLabel },
};

/** Attributes an element cannot do without (the optional ones the server's normalization fills in). */
export const requiredAttributes: Record<ElementKind, readonly string[]> = {
  turn: ['type', 'id'],
  note: ['type', 'id'],
  event: ['type', 'label', 'raw'],
};

/** The marks a text leaf may carry, as Y.Text formatting attributes (null ends a mark). */
export const markAttributes: Record<string, (value: unknown) => boolean> = {
  uncertain: (value) => value === null || isLabel(value),
  isMarkerOnly: (value) => value === null || typeof value === 'boolean',
};
