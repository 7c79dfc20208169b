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
