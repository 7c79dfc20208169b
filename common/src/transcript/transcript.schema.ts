import { z } from 'zod';

/** The version tag every Verity transcript document carries; bump it on breaking changes. */
export const transcriptSchemaVersion = 'verity.transcript/1';

/** The formats an importer can read; JSON is Verity's own lossless format. */
export const sourceFormats = ['cart', 'srt', 'vtt', 'text', 'json'] as const;
export const sourceFormatSchema = z.enum(sourceFormats);
export type SourceFormat = z.infer<typeof sourceFormatSchema>;

// Absent and null mean the same thing; defaulting to null keeps every parsed object the same shape.
const optionalText = z.string().nullable().default(null);
const optionalSeconds = z.number().finite().nonnegative().nullable().default(null);

/** Facts about the session, taken from the file when it states them. */
export const transcriptMetadataSchema = z.object({
  title: optionalText,
  event: optionalText,
  venue: optionalText,
  /** ISO date (or ISO interval "a/b") when derivable, else as written. */
  date: optionalText,
  language: optionalText,
  sourceFileName: optionalText,
  sourceFormat: sourceFormatSchema.nullable().default(null),
  header: optionalText,
  footer: optionalText,
});
export type TranscriptMetadata = z.infer<typeof transcriptMetadataSchema>;

/** A label as the captioner wrote it; generic labels (MODERATOR, AUDIENCE…) are roles, not people. */
export const speakerSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  displayName: z.string(),
  role: optionalText,
  affiliation: optionalText,
  isGeneric: z.boolean().default(false),
});
export type Speaker = z.infer<typeof speakerSchema>;

/** Words as written (NBSP, U+2011 and curly quotes kept); "\n" marks a paragraph break. */
export const textSegmentSchema = z.object({ type: z.literal('text'), text: z.string() });
/** Words the captioner was unsure of (text may be '') and the marker as written, e.g. "(?)". */
export const uncertainSegmentSchema = z.object({
  type: z.literal('uncertain'),
  text: z.string(),
  marker: z.string().min(1),
});
/** A non-speech event such as "[ Laughter ]": a clean label plus the raw text as written. */
export const eventSegmentSchema = z.object({
  type: z.literal('event'),
  label: z.string().min(1),
  raw: z.string().min(1),
});
/** One piece of a turn's content. */
export const segmentSchema = z.discriminatedUnion('type', [
  textSegmentSchema,
  uncertainSegmentSchema,
  eventSegmentSchema,
]);
export type TextSegment = z.infer<typeof textSegmentSchema>;
export type UncertainSegment = z.infer<typeof uncertainSegmentSchema>;
export type EventSegment = z.infer<typeof eventSegmentSchema>;
export type Segment = z.infer<typeof segmentSchema>;

/** One speaker's uninterrupted contribution; speakerId null means unattributed. */
export const turnSchema = z
  .object({
    id: z.string().min(1),
    speakerId: z.string().min(1).nullable().default(null),
    start: optionalSeconds,
    end: optionalSeconds,
    content: z.array(segmentSchema),
  })
  .refine((turn) => turn.start === null || turn.end === null || turn.end >= turn.start, {
    message: 'end must not be before start',
    path: ['end'],
  });
export type Turn = z.infer<typeof turnSchema>;

/** A stage note outside any turn ("Adjourned."), placed after a turn or before the first. */
export const noteSchema = z.object({
  id: z.string().min(1),
  afterTurnId: z.string().min(1).nullable().default(null),
  text: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

/** The single definition of a transcript shared by server, client and CLI. */
export const transcriptSchema = z
  .object({
    schema: z.literal(transcriptSchemaVersion),
    metadata: transcriptMetadataSchema,
    speakers: z.array(speakerSchema),
    turns: z.array(turnSchema),
    notes: z.array(noteSchema).default([]),
  })
  .superRefine((transcript, ctx) => {
    // References are checked here so no consumer has to guard against dangling ids.
    const speakerIds = new Set<string>();
    transcript.speakers.forEach((speaker, index) => {
      if (speakerIds.has(speaker.id)) ctx.addIssue({ code: 'custom', message: `duplicate speaker id "${speaker.id}"`, path: ['speakers', index, 'id'] });
      speakerIds.add(speaker.id);
    });
    const turnIds = new Set<string>();
    transcript.turns.forEach((turn, index) => {
      if (turnIds.has(turn.id)) ctx.addIssue({ code: 'custom', message: `duplicate turn id "${turn.id}"`, path: ['turns', index, 'id'] });
      turnIds.add(turn.id);
      if (turn.speakerId !== null && !speakerIds.has(turn.speakerId)) {
        ctx.addIssue({ code: 'custom', message: `unknown speaker "${turn.speakerId}"`, path: ['turns', index, 'speakerId'] });
      }
    });
    const noteIds = new Set<string>();
    transcript.notes.forEach((note, index) => {
      if (noteIds.has(note.id)) ctx.addIssue({ code: 'custom', message: `duplicate note id "${note.id}"`, path: ['notes', index, 'id'] });
      noteIds.add(note.id);
      if (note.afterTurnId !== null && !turnIds.has(note.afterTurnId)) {
        ctx.addIssue({ code: 'custom', message: `unknown turn "${note.afterTurnId}"`, path: ['notes', index, 'afterTurnId'] });
      }
    });
  });
export type Transcript = z.infer<typeof transcriptSchema>;
/** What callers may hand in: optional fields may be left out. */
export type TranscriptInput = z.input<typeof transcriptSchema>;
