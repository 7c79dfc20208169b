import { z } from 'zod';
import { sourceFormatSchema, transcriptMetadataSchema, transcriptSchema, turnSchema } from '../transcript/transcript.schema.ts';
import { titleSchema, transcriptSummarySchema } from './transcripts.schemas.ts';

/** `?format=`: auto-detect, or force one importer. */
export const importFormatSchema = z.enum(['auto', ...sourceFormatSchema.options]);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** Header carrying the uploaded file's name, URI-encoded (headers are Latin-1 only). */
export const fileNameHeaderName = 'x-file-name';

/**
 * What comes with an uploaded file besides its bytes (the raw request body, `application/octet-stream`):
 * the name from the x-file-name header, format and title from the query string.
 */
export const importRequestSchema = z.object({
  fileName: z.string({ error: 'the x-file-name header with the file name is required' }).trim().min(1, 'must not be empty').max(255),
  format: importFormatSchema.default('auto'),
  title: titleSchema.optional(),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** The query-string part of an import request (the name travels in the x-file-name header). */
export const importQuerySchema = importRequestSchema.pick({ format: true, title: true });
export const importFileNameSchema = importRequestSchema.pick({ fileName: true });

export const importSummarySchema = z.object({
  turnCount: z.number(),
  speakers: z.array(z.object({ id: z.string(), label: z.string(), displayName: z.string(), isGeneric: z.boolean(), turnCount: z.number() })),
  unattributedTurnCount: z.number(),
  uncertainCount: z.number(),
  eventCounts: z.record(z.string(), z.number()),
  noteCount: z.number(),
  wordCount: z.number(),
});

export const speakerMergeSuggestionSchema = z.object({
  speakerIds: z.tuple([z.string(), z.string()]),
  labels: z.tuple([z.string(), z.string()]),
  score: z.number(),
  reason: z.string(),
});

export const selfIntroductionSchema = z.object({
  turnId: z.string(),
  name: z.string(),
  evidence: z.string(),
  matchingSpeakerId: z.string().nullable(),
});

/** Something the importer skipped or changed (a caption cue with a bad timing…), with the line it is about. */
export const importWarningSchema = z.object({ line: z.number().int().positive(), message: z.string() });
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** What an import would produce, shown before the user confirms it; nothing is stored. */
export const importPreviewSchema = z.object({
  detectedFormat: sourceFormatSchema,
  /** What was skipped or changed, in file order, so the user decides before importing (at most ~100). */
  warnings: z.array(importWarningSchema),
  metadata: transcriptMetadataSchema,
  summary: importSummarySchema,
  speakerMergeSuggestions: z.array(speakerMergeSuggestionSchema),
  selfIntroductions: z.array(selfIntroductionSchema),
  firstTurns: z.array(turnSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importPreviewResponseSchema = z.object({ preview: importPreviewSchema });
export type ImportPreviewResponse = z.infer<typeof importPreviewResponseSchema>;

export const importResponseSchema = z.object({ transcript: transcriptSummarySchema });
export type ImportResponse = z.infer<typeof importResponseSchema>;

/** How a version came to be; version 0 is always the raw import. */
export const versionKindSchema = z.enum(['import', 'auto', 'named', 'restore', 'approval']);
export type VersionKind = z.infer<typeof versionKindSchema>;

/** An immutable snapshot of a transcript's content. */
export const transcriptVersionSchema = z.object({
  number: z.number().int().nonnegative(),
  kind: versionKindSchema,
  name: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
  contentSha256: z.string(),
  content: transcriptSchema,
});
export type TranscriptVersion = z.infer<typeof transcriptVersionSchema>;

export const versionResponseSchema = z.object({ version: transcriptVersionSchema });
export type VersionResponse = z.infer<typeof versionResponseSchema>;
