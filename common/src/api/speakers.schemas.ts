import { z } from 'zod';
import { speakerSchema } from '../transcript/transcript.schema.ts';

const optionalField = z.string().trim().max(200).nullable().optional();

/** Fields of a speaker that may change; absent fields stay, null clears role or affiliation. */
export const updateSpeakerRequestSchema = z
  .object({
    displayName: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    role: optionalField,
    affiliation: optionalField,
  })
  .refine((body) => Object.keys(body).length > 0, 'give displayName, role or affiliation');
export type UpdateSpeakerRequest = z.infer<typeof updateSpeakerRequestSchema>;

/** Merge `from` speakers into `into`: their turns are reassigned, they leave the roster. */
export const mergeSpeakersRequestSchema = z.object({
  into: z.string().min(1).max(200),
  from: z.array(z.string().min(1).max(200)).min(1, 'name at least one speaker to merge').max(1000, 'merge at most 1000 speakers at once'),
});
export type MergeSpeakersRequest = z.infer<typeof mergeSpeakersRequestSchema>;

export const speakerStatsSchema = z.object({
  speaker: speakerSchema,
  turns: z.number().int(),
  words: z.number().int(),
  share: z.number(),
});
export type SpeakerStats = z.infer<typeof speakerStatsSchema>;

export const speakerListResponseSchema = z.object({ speakers: z.array(speakerStatsSchema), totalWords: z.number().int() });
export type SpeakerListResponse = z.infer<typeof speakerListResponseSchema>;
