import { z } from 'zod';
import { maxMisrecognitionWords, misrecognitionWords } from '../glossary/find-glossary-hits.ts';
import { uuidParam } from './params.schemas.ts';

/** Bounds on term lists: what one list, term and CSV may hold (the database checks the lengths too). */
export const glossaryLimits = {
  nameLength: 120,
  termLength: 120,
  noteLength: 500,
  misrecognitionLength: 120,
  misrecognitionsPerTerm: 20,
  termsPerList: 1000,
  listsPerOwner: 200,
  listsPerTranscript: 20,
  /** A CSV upload larger than this is refused before it is read. */
  csvBytes: 512 * 1024,
} as const;

/** Separates the misrecognitions inside the CSV's second column ("know Cus|no Cus"). */
export const misrecognitionSeparator = '|';

const noControl = /^[^\p{Cc}]*$/u;
const line = (max: number, what: string) =>
  z.string().trim().max(max, `${what} is longer than ${max} characters`).regex(noControl, `${what} must be one line of text`);

/** A term as a person writes it: the correct spelling, what speech recognition makes of it, a note. */
export const glossaryTermInputSchema = z.object({
  term: line(glossaryLimits.termLength, 'the term').min(1, 'the term must not be empty'),
  misrecognitions: z
    .array(
      line(glossaryLimits.misrecognitionLength, 'a misrecognition')
        .min(1, 'a misrecognition must not be empty')
        .refine((value) => !value.includes(misrecognitionSeparator), `a misrecognition must not contain ${misrecognitionSeparator}`)
        .refine((value) => misrecognitionWords(value) !== null, `a misrecognition must be 1 to ${maxMisrecognitionWords} words with letters or digits`),
    )
    .max(glossaryLimits.misrecognitionsPerTerm, `at most ${glossaryLimits.misrecognitionsPerTerm} misrecognitions per term`),
  note: z
    .string()
    .trim()
    .max(glossaryLimits.noteLength, `the note is longer than ${glossaryLimits.noteLength} characters`)
    // Line breaks and tabs are fine in a note; other control characters (NUL above all) are not text.
    .refine((value) => ![...value].some((char) => /\p{Cc}/u.test(char) && char !== '\n' && char !== '\r' && char !== '\t'), 'the note must be text without control characters')
    .default(''),
});
export type GlossaryTermInput = z.infer<typeof glossaryTermInputSchema>;

/** Creating a list: a name (terms come after, or from a CSV). */
export const createGlossaryRequestSchema = z.object({ name: line(glossaryLimits.nameLength, 'the name').min(1, 'the name must not be empty') });
export type CreateGlossaryRequest = z.infer<typeof createGlossaryRequestSchema>;
export const renameGlossaryRequestSchema = createGlossaryRequestSchema;

/** Attaching a list to a transcript (the transcript's owner, with a list they own). */
export const attachGlossaryRequestSchema = z.object({ glossaryId: uuidParam('No such term list.') });

export const glossaryParamsSchema = z.object({ glossaryId: uuidParam('No such term list.') });
export const glossaryTermParamsSchema = glossaryParamsSchema.extend({ termId: uuidParam('No such term.') });
export const attachedGlossaryParamsSchema = z.object({ glossaryId: uuidParam('No such term list.') });

/** How an import treats the list's current terms: add to them (same term updated) or replace them all. */
export const importGlossaryQuerySchema = z.object({ mode: z.enum(['merge', 'replace']).default('merge') });

export const glossaryTermSchema = z.object({ id: z.string(), term: z.string(), misrecognitions: z.array(z.string()), note: z.string() });
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const glossarySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.object({ id: z.string(), displayName: z.string() }),
  termCount: z.number().int(),
  /** Transcripts it is attached to that the caller can see (owners see theirs). */
  attachedTo: z.array(z.object({ id: z.string(), title: z.string() })),
  updatedAt: z.string(),
});
export type GlossarySummary = z.infer<typeof glossarySummarySchema>;

export const glossarySchema = glossarySummarySchema.extend({ terms: z.array(glossaryTermSchema) });
export type Glossary = z.infer<typeof glossarySchema>;

export const glossaryListResponseSchema = z.object({ glossaries: z.array(glossarySummarySchema) });
export type GlossaryListResponse = z.infer<typeof glossaryListResponseSchema>;

export const glossaryImportResponseSchema = z.object({ glossary: glossarySchema, added: z.number().int(), updated: z.number().int() });
export type GlossaryImportResponse = z.infer<typeof glossaryImportResponseSchema>;

/** A transcript's attached lists with their terms: what every member's editor flags. */
export const transcriptGlossariesResponseSchema = z.object({
  glossaries: z.array(z.object({ id: z.string(), name: z.string(), owner: z.object({ id: z.string(), displayName: z.string() }), isMine: z.boolean(), terms: z.array(glossaryTermSchema) })),
});
export type TranscriptGlossariesResponse = z.infer<typeof transcriptGlossariesResponseSchema>;
