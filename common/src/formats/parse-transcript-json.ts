import { blockIdPattern } from '../collab/transcript-nodes.ts';
import { AppError } from '../errors.ts';
import { normalizeContent } from '../transcript/normalize-content.ts';
import { transcriptSchema, transcriptSchemaVersion } from '../transcript/transcript.schema.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';

/** Reads a Verity JSON document, validating it against the transcript schema. */
export function parseTranscriptJson(text: string): Transcript {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError('malformed_file', `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const tag = typeof data === 'object' && data !== null && 'schema' in data ? data.schema : undefined;
  if (typeof tag !== 'string' || !tag.startsWith('verity.transcript/')) {
    throw new AppError('unsupported_format', `The JSON file is not a Verity transcript: it needs "schema": "${transcriptSchemaVersion}".`);
  }
  if (tag !== transcriptSchemaVersion) {
    throw new AppError('unsupported_format', `The transcript uses schema "${tag}"; this version of Verity reads "${transcriptSchemaVersion}".`);
  }
  const result = transcriptSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'document';
    throw new AppError('malformed_file', `The Verity transcript is invalid at ${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  const badId = findBadId(result.data);
  if (badId) {
    throw new AppError('malformed_file', `The Verity transcript is invalid at ${badId.where}: ${JSON.stringify(badId.id.slice(0, 40))} is not an id; ids are 1 to 64 letters, digits, "_" or "-", starting with a letter or digit.`);
  }
  // Hand-written documents may split text needlessly; one representation keeps comparisons exact.
  for (const turn of result.data.turns) turn.content = normalizeContent(turn.content);
  return result.data;
}

/**
 * Ids reach the live document, history and every export, so they are held to the one id shape
 * (blockIdPattern) here where a file brings them in; references were checked against them by the schema.
 */
function findBadId(transcript: Transcript): { where: string; id: string } | null {
  const lists = { speakers: transcript.speakers, turns: transcript.turns, notes: transcript.notes };
  for (const [name, items] of Object.entries(lists)) {
    const index = items.findIndex((item) => !blockIdPattern.test(item.id));
    if (index >= 0) return { where: `${name}.${index}.id`, id: items[index]!.id };
  }
  return null;
}
