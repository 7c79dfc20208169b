import { z } from 'zod';
import { versionKindSchema } from './imports.schemas.ts';
import { versionNumberParam } from './params.schemas.ts';

const enc = encodeURIComponent;

/** History's HTTP paths (kept apart from routes.ts so features do not edit one shared file). */
export const historyRoutes = {
  versions: (id: string) => `/api/transcripts/${enc(id)}/versions`,
  version: (id: string, number: number) => `/api/transcripts/${enc(id)}/versions/${number}`,
  /** `to` is a version number or `current` (the live document). */
  compare: (id: string, from: number, to: number | 'current') => `/api/transcripts/${enc(id)}/compare?from=${from}&to=${to}`,
  activity: (id: string, beforeSeq?: number) => `/api/transcripts/${enc(id)}/activity${beforeSeq === undefined ? '' : `?before=${beforeSeq}`}`,
  blame: (id: string) => `/api/transcripts/${enc(id)}/blame`,
  restoreVersion: (id: string, number: number) => `/api/transcripts/${enc(id)}/versions/${number}/restore`,
  restoreTurn: (id: string, number: number, turnId: string) => `/api/transcripts/${enc(id)}/versions/${number}/turns/${enc(turnId)}/restore`,
} as const;

export const personSchema = z.object({ id: z.string(), displayName: z.string() });
export type Person = z.infer<typeof personSchema>;

export const versionStatsSchema = z.object({
  wordsInserted: z.number().int(),
  wordsDeleted: z.number().int(),
  wordsReplaced: z.number().int(),
  turnsAdded: z.number().int(),
  turnsRemoved: z.number().int(),
  turnsSplit: z.number().int(),
  turnsMerged: z.number().int(),
  speakerReassignments: z.number().int(),
  speakersRenamed: z.number().int(),
  uncertainResolved: z.number().int(),
  uncertainAdded: z.number().int(),
  eventsAdded: z.number().int(),
  eventsRemoved: z.number().int(),
});

/** A version as the history list shows it (no content). */
export const versionSummarySchema = z.object({
  number: z.number().int().nonnegative(),
  kind: versionKindSchema,
  name: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: personSchema,
  /** Everyone whose edits went into this version since the previous one. */
  contributors: z.array(personSchema),
  /** Null for version 0 (nothing before it). */
  stats: versionStatsSchema.nullable(),
  contentSha256: z.string(),
  uptoSeq: z.number().int().nonnegative(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionListResponseSchema = z.object({ versions: z.array(versionSummarySchema) });
export type VersionListResponse = z.infer<typeof versionListResponseSchema>;

export const createVersionRequestSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  note: z.string().trim().max(2000).optional(),
});
export type CreateVersionRequest = z.infer<typeof createVersionRequestSchema>;

export const versionSummaryResponseSchema = z.object({ version: versionSummarySchema });

/** `?from=N&to=M|current`: version numbers parsed like every other (digits only; a blank is not 0). */
export const compareQuerySchema = z.object({
  from: versionNumberParam('must be a version number'),
  to: z.union([z.literal('current'), versionNumberParam('must be a version number or current')]).default('current'),
});

const speakerRefSchema = z.object({ id: z.string().nullable(), name: z.string() });
export const turnChangeSchema = z.object({
  kind: z.enum(['changed', 'added', 'removed', 'split', 'merged']),
  turnId: z.string(),
  number: z.number().int(),
  relatedTurnId: z.string().nullable(),
  fromSpeaker: speakerRefSchema.nullable(),
  toSpeaker: speakerRefSchema.nullable(),
  isSpeakerChanged: z.boolean(),
  fromStart: z.number().nullable(),
  toStart: z.number().nullable(),
  isTimingChanged: z.boolean(),
  parts: z.array(z.object({ type: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
  uncertainResolved: z.array(z.string()),
  uncertainAdded: z.array(z.string()),
  eventsAdded: z.array(z.string()),
  eventsRemoved: z.array(z.string()),
});

/** A word blame span: consecutive words introduced by one author (null: the import or the server). */
export const blameSpanSchema = z.object({ text: z.string(), authorId: z.string().nullable() });

export const compareResponseSchema = z.object({
  from: z.number().int(),
  to: z.union([z.number().int(), z.literal('current')]),
  changes: z.array(turnChangeSchema),
  speakerRenames: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
  stats: versionStatsSchema,
  /** Who last changed each changed turn since `from` (turn id → people), when comparing with current. */
  authorsByTurn: z.record(z.string(), z.array(z.string())),
  people: z.array(personSchema),
});
export type CompareResponse = z.infer<typeof compareResponseSchema>;

export const activityEntrySchema = z.object({
  actor: personSchema.nullable(),
  /** "Kaja replaced ‘GAC’ with ‘GFCE’ in turn 12". */
  summary: z.string(),
  phrases: z.array(z.string()),
  turnIds: z.array(z.string()),
  fromSeq: z.number().int(),
  toSeq: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityResponseSchema = z.object({ entries: z.array(activityEntrySchema), hasMore: z.boolean() });
export type ActivityResponse = z.infer<typeof activityResponseSchema>;

export const turnBlameSchema = z.object({
  turnId: z.string(),
  number: z.number().int(),
  lastChangedBy: personSchema.nullable(),
  lastChangedAt: z.string().nullable(),
  spans: z.array(blameSpanSchema),
});
export type TurnBlame = z.infer<typeof turnBlameSchema>;

export const blameResponseSchema = z.object({ turns: z.array(turnBlameSchema), people: z.array(personSchema), uptoSeq: z.number().int() });
export type BlameResponse = z.infer<typeof blameResponseSchema>;

export const restoreResponseSchema = z.object({ version: versionSummarySchema.nullable(), seq: z.number().int().nullable() });
export type RestoreResponse = z.infer<typeof restoreResponseSchema>;
