import * as Y from 'yjs';
import { contentKey, metadataKey, speakersKey } from '@verity/common';
import type { UpdateStore } from './update-store.ts';

/** A transcript's document as it stands, with the log positions it reflects. */
export interface CurrentDoc {
  doc: Y.Doc;
  /** Seq of the newest log row applied (the checkpoint's when no row follows it). */
  lastSeq: number;
  /** Seq the loaded checkpoint covers (0 for the seed, or when there is none). */
  checkpointSeq: number;
  /** The checkpoint's bytes when no row followed it: the whole document, already encoded. */
  encoded?: Uint8Array;
}

/** A Y.Doc with the root types of the live layout declared, so updates integrate into the right kinds. */
export function createLayoutDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.get(contentKey, Y.XmlText);
  doc.getMap(speakersKey);
  doc.getMap(metadataKey);
  return doc;
}

/**
 * The one loader of "the document as it stands": the latest checkpoint plus every later log row. The
 * live session, history and HTTP reads all use it; whether a never-opened transcript's seed is stored
 * is the store's choice (reads use a store that builds it without writing). The caller owns the doc.
 */
export async function loadCurrentDoc(store: UpdateStore, transcriptId: string): Promise<CurrentDoc> {
  const doc = createLayoutDoc();
  try {
    const checkpoint = await store.loadLatest(transcriptId);
    if (checkpoint) Y.applyUpdate(doc, checkpoint.state);
    const checkpointSeq = checkpoint?.uptoSeq ?? 0;
    let lastSeq = checkpointSeq;
    for (const row of await store.loadUpdatesAfter(transcriptId, checkpointSeq)) {
      Y.applyUpdate(doc, row.update);
      lastSeq = Math.max(lastSeq, row.seq);
    }
    return { doc, lastSeq, checkpointSeq, encoded: checkpoint && lastSeq === checkpointSeq ? checkpoint.state : undefined };
  } catch (error) {
    doc.destroy();
    throw error;
  }
}
