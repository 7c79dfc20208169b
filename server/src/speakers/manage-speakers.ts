import { measureSpeakers, mergeSpeakersInDoc, updateSpeakerInDoc, type SpeakerListResponse, type UpdateSpeakerRequest } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import type { PrismaClient } from '../db/prisma.ts';

interface SpeakerContext {
  prisma: PrismaClient;
  liveSessions: LiveSessions;
  transcriptId: string;
}

/** The roster with each speaker's turns, words and share of the words, from the current document. */
export async function listSpeakers(options: SpeakerContext): Promise<SpeakerListResponse> {
  const { transcript } = await readCurrentTranscript(options);
  return measureSpeakers(transcript);
}

/** Renames or describes a speaker: one change, stored as `actorId`'s, seen live by everyone. */
export async function updateSpeaker(options: SpeakerContext & { actorId: string; speakerId: string; changes: UpdateSpeakerRequest }): Promise<SpeakerListResponse> {
  await options.liveSessions.applyChange(options.transcriptId, options.actorId, (doc) => updateSpeakerInDoc(doc, options.speakerId, options.changes));
  return listSpeakers(options);
}

/** Merges duplicate speakers into one: every turn reassigned and the duplicates removed, as one change. */
export async function mergeSpeakers(options: SpeakerContext & { actorId: string; into: string; from: string[] }): Promise<SpeakerListResponse> {
  await options.liveSessions.applyChange(options.transcriptId, options.actorId, (doc) => mergeSpeakersInDoc(doc, options.into, options.from));
  return listSpeakers(options);
}
