import { z } from 'zod';
import { correctionSeverities, correctionTypes } from '../review/measure-ner.ts';

export const correctionTypeSchema = z.enum(correctionTypes);
export const correctionSeveritySchema = z.enum(correctionSeverities);

/** POST …/corrections/:key: classify or reclassify one correction. */
export const classifyCorrectionRequestSchema = z.object({ type: correctionTypeSchema, severity: correctionSeveritySchema }).strict();
export type ClassifyCorrectionRequest = z.infer<typeof classifyCorrectionRequestSchema>;

/** A correction's key (correctionKey: SHA-256 hex) as written in a path; anything else names nothing (404). */
export const correctionParamsSchema = z.object({
  key: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'No such correction.')
    .transform((value) => value.toLowerCase()),
});

/** GET …/corrections?turnId=: only that turn's corrections (the editor's "classify in this turn"). */
export const correctionsQuerySchema = z.object({ turnId: z.string().min(1).max(200).regex(/^[^\p{Cc}]+$/u, 'must be a turn id').optional() }).strict();

const personSchema = z.object({ id: z.string(), displayName: z.string() });

/** A correction's class as recorded: what, by whom, when. */
export const correctionClassSchema = z.object({ type: correctionTypeSchema, severity: correctionSeveritySchema, by: personSchema, at: z.string() });
export type CorrectionClass = z.infer<typeof correctionClassSchema>;

/** One correction raw → current and its class (null: unclassified). */
export const correctionEntrySchema = z.object({
  key: z.string(),
  turnId: z.string(),
  occurrence: z.number().int().positive(),
  from: z.array(z.string()),
  to: z.array(z.string()),
  before: z.array(z.string()),
  after: z.array(z.string()),
  speaker: z.string().nullable(),
  class: correctionClassSchema.nullable(),
});
export type CorrectionEntry = z.infer<typeof correctionEntrySchema>;

const gradeCountsSchema = z.object(
  Object.fromEntries(correctionTypes.map((type) => [type, z.object(Object.fromEntries(correctionSeverities.map((severity) => [severity, z.number().int()])))])),
) as unknown as z.ZodType<Record<(typeof correctionTypes)[number], Record<(typeof correctionSeverities)[number], number>>>;

const nerScoreSchema = z.object({ words: z.number(), edition: z.number(), recognition: z.number(), score: z.number().nullable() });

/** AccuracySummary (common/src/review/summarize-accuracy.ts) on the wire. */
export const accuracySummarySchema = z.object({
  rawWords: z.number().int(),
  finalWords: z.number().int(),
  wordErrorRate: z.number().nullable(),
  substitutions: z.number().int(),
  deletions: z.number().int(),
  insertions: z.number().int(),
  corrections: z.number().int(),
  classified: z.number().int(),
  unclassified: z.number().int(),
  counts: gradeCountsSchema,
  nerClassified: nerScoreSchema,
  nerAssumed: nerScoreSchema,
});

/** Most corrections one response lists (the summary always counts them all). */
export const maxListedCorrections = 5000;

/** The corrections raw → current text (or one turn's), and the whole transcript's accuracy raw → current. */
export const correctionListResponseSchema = z.object({
  corrections: z.array(correctionEntrySchema),
  /** True when more corrections exist than maxListedCorrections. */
  isTruncated: z.boolean(),
  summary: accuracySummarySchema,
});
export type CorrectionListResponse = z.infer<typeof correctionListResponseSchema>;

export const correctionResponseSchema = z.object({ correction: correctionEntrySchema });
export type CorrectionResponse = z.infer<typeof correctionResponseSchema>;
