import { z } from 'zod';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID from a path or query in its canonical lower-case form: ids are compared as strings
 * everywhere (rooms, maps, logs), so an upper-case spelling must not become a second id.
 */
export function uuidParam(message: string) {
  return z.string().regex(uuidPattern, message).transform((value) => value.toLowerCase());
}

/** A version number as written in a path or query: digits only, no sign, exponent or blank. */
export function versionNumberParam(message: string) {
  return z.string().regex(/^\d{1,9}$/, message).transform(Number);
}

/** A document-level id (speaker, turn) as it appears in a path: bounded, printable. */
function documentIdParam(message: string) {
  return z.string().min(1, message).max(200, message).regex(/^[^\p{Cc}]+$/u, message);
}

// Path parameters. A path that does not parse names nothing, so these fail as 404 with their message
// (server/src/http/validate.ts); the transcript id is read by the access check (requireTranscript).

export const transcriptParamsSchema = z.object({ id: uuidParam('Transcript not found.') });
export const memberParamsSchema = z.object({ userId: uuidParam('No such member.') });
export const versionParamsSchema = z.object({ number: versionNumberParam('No such version.') });
export const turnParamsSchema = versionParamsSchema.extend({ turnId: documentIdParam('No such turn.') });
export const speakerParamsSchema = z.object({ speakerId: documentIdParam('No such speaker.') });
export const invitationIdParamsSchema = z.object({ invitationId: uuidParam('No such invitation link on this transcript.') });
/** Tokens are base64url; anything else cannot be one, and is not worth hashing and looking up. */
export const invitationTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'This invitation link is not valid. Check that it was copied whole.') });

/** GET …/activity?before=SEQ: entries before a log position (absent: the latest). */
export const activityQuerySchema = z.object({ before: z.string().regex(/^\d{1,9}$/, 'must be a log position').transform(Number).optional() });
