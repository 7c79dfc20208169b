import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { createTranscriptDoc, transcriptSchema, transcriptSchemaVersion, type Transcript } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';

/**
 * The first live state of a transcript: its latest version's content (for an import, version 0,
 * the file as parsed), or, for a transcript with no version, one empty unattributed turn (Slate needs
 * a block to put the cursor in). Stored once as the seq-0 checkpoint by PostgresUpdateStore.
 */
export async function buildSeedState(prisma: PrismaClient, transcriptId: string): Promise<Uint8Array> {
  return encodeSeedState(await loadSeedTranscript(prisma, transcriptId));
}

/** The seq-0 state of `transcript`; imports store it with version 0, so the first open only loads it. */
export function encodeSeedState(transcript: Transcript): Uint8Array {
  const doc = createTranscriptDoc(transcript);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

async function loadSeedTranscript(prisma: PrismaClient, transcriptId: string): Promise<Transcript> {
  const version = await prisma.transcriptVersion.findFirst({ where: { transcriptId }, orderBy: { number: 'desc' }, select: { content: true } });
  // A version that fails the schema is a bug elsewhere; refusing to open beats seeding garbage forever.
  if (version) return transcriptSchema.parse(version.content);
  const transcript = await prisma.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { title: true } });
  return transcriptSchema.parse({
    schema: transcriptSchemaVersion,
    metadata: { title: transcript.title },
    speakers: [],
    turns: [{ id: randomUUID(), speakerId: null, content: [] }],
  });
}
