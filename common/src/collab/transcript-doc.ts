import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import * as Y from 'yjs';
import { speakerSchema, transcriptMetadataSchema } from '../transcript/transcript.schema.ts';
import type { Speaker, Transcript } from '../transcript/transcript.schema.ts';
import { blocksToTranscript, transcriptToBlocks } from './transcript-blocks.ts';
import { contentKey, metadataKey, speakersKey } from './transcript-nodes.ts';
import type { TranscriptBlock } from './transcript-nodes.ts';

/**
 * A new Y.Doc holding the transcript in the live layout (transcript-nodes.ts), written in one
 * transaction. Only the server builds documents this way (the seed checkpoint); clients start empty
 * and sync, since two independently built copies would merge into a doubled document.
 */
export function createTranscriptDoc(transcript: Transcript): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const content = doc.get(contentKey, Y.XmlText);
    // The blocks are plain Slate nodes, which is exactly what @slate-yjs converts.
    content.applyDelta(slateNodesToInsertDelta(transcriptToBlocks(transcript) as never), { sanitize: false });
    const speakers = doc.getMap<Speaker>(speakersKey);
    for (const speaker of transcript.speakers) speakers.set(speaker.id, { ...speaker });
    // One key per field, so two people editing different fields both keep their change.
    const metadata = doc.getMap<unknown>(metadataKey);
    for (const [key, value] of Object.entries(transcript.metadata)) metadata.set(key, value);
  });
  return doc;
}

/** The live document's blocks, as @slate-yjs presents them to the editor. */
export function readTranscriptBlocks(doc: Y.Doc): TranscriptBlock[] {
  return yTextToSlateElement(doc.get(contentKey, Y.XmlText)).children as unknown as TranscriptBlock[];
}

/**
 * The transcript a live document holds (see blocksToTranscript for what is tolerated). Speakers come
 * back in natural id order (s1, s2, s10…): a Y.Map has no order every replica agrees on, and import
 * ids are numbered in order of appearance, so this restores the imported order everywhere.
 */
export function readTranscriptDoc(doc: Y.Doc): Transcript {
  const speakers: Speaker[] = [];
  for (const value of doc.getMap<unknown>(speakersKey).values()) {
    const parsed = speakerSchema.safeParse(value);
    if (parsed.success) speakers.push(parsed.data);
  }
  speakers.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const metadata = transcriptMetadataSchema.parse(Object.fromEntries(doc.getMap<unknown>(metadataKey).entries()));
  return blocksToTranscript(readTranscriptBlocks(doc), speakers, metadata);
}
