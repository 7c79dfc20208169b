import { z } from 'zod';

/** The review queue's item kinds (OpenItemKind in list-open-items.ts is this type). */
export const queueItemKinds = ['uncertain', 'unattributed', 'duplicateSpeaker', 'glossary', 'comment'] as const;
export const queueItemKindSchema = z.enum(queueItemKinds);

/**
 * How an item was resolved. `notSamePerson` and `ignored` are dismissals: they hide the item for
 * everyone until someone `restored` it; the others record a change made through the live document
 * (or the comment's resolve).
 */
export const queueActions = ['confirmed', 'edited', 'speakerApplied', 'merged', 'notSamePerson', 'fixed', 'ignored', 'commentResolved', 'restored'] as const;
export const queueActionSchema = z.enum(queueActions);
export type QueueAction = z.infer<typeof queueActionSchema>;

/** Which actions fit which kind: a request pairing them otherwise is refused. */
export const queueActionsByKind: Record<(typeof queueItemKinds)[number], readonly QueueAction[]> = {
  uncertain: ['confirmed', 'edited'],
  unattributed: ['speakerApplied'],
  duplicateSpeaker: ['merged', 'notSamePerson', 'restored'],
  glossary: ['fixed', 'ignored', 'restored'],
  comment: ['commentResolved'],
};

/** True for the actions that hide their item for everyone. */
export function isDismissalAction(action: QueueAction): boolean {
  return action === 'notSamePerson' || action === 'ignored';
}

/** The longest item key: `<kind>:` and up to 280 characters the queue's keys are made of. */
export const queueItemKeyMaxLength = 300;
/** What a queue item key looks like (listOpenItems makes them); anything else is refused before storage. */
export const queueItemKeyPattern = /^(uncertain|unattributed|duplicateSpeaker|glossary|comment):[A-Za-z0-9_.:%~-]{1,280}$/;

/** POST …/queue/resolutions: one item resolved (or dismissed) through the queue. */
export const recordResolutionRequestSchema = z
  .object({
    itemKey: z.string().max(queueItemKeyMaxLength).regex(queueItemKeyPattern, 'is not a review queue item key'),
    kind: queueItemKindSchema,
    action: queueActionSchema,
    /** What the queue showed ("“GAC (?)” in turn 3"), so the record reads without the document. */
    label: z.string().trim().min(1, 'must not be empty').max(200),
  })
  .refine((body) => body.itemKey.startsWith(`${body.kind}:`), { path: ['itemKey'], message: 'does not match kind' })
  .refine((body) => queueActionsByKind[body.kind].includes(body.action), { path: ['action'], message: 'does not fit this kind of item' });
export type RecordResolutionRequest = z.infer<typeof recordResolutionRequestSchema>;

export const queueResolutionSchema = z.object({
  id: z.string(),
  itemKey: z.string(),
  kind: queueItemKindSchema,
  action: queueActionSchema,
  isDismissal: z.boolean(),
  label: z.string(),
  by: z.object({ id: z.string(), displayName: z.string() }),
  at: z.string(),
});
export type QueueResolution = z.infer<typeof queueResolutionSchema>;

/** GET …/queue: the latest resolutions (newest first) and every dismissed key (hidden for everyone). */
export const queueStateResponseSchema = z.object({
  resolutions: z.array(queueResolutionSchema),
  dismissedKeys: z.array(z.string()),
});
export type QueueStateResponse = z.infer<typeof queueStateResponseSchema>;

export const recordResolutionResponseSchema = z.object({ resolution: queueResolutionSchema });
