import { findGenericRole, toDisplayName } from './classify-speaker-label.ts';
import type { ParsedSpeakerLabel } from './parse-speaker-label.ts';
import type { Speaker } from './transcript.schema.ts';

/** A speaker record for a parsed label: generic labels get their role, names a readable form. */
export function classifySpeaker(id: string, parsed: ParsedSpeakerLabel): Speaker {
  const role = findGenericRole(parsed.name);
  return {
    id,
    label: parsed.label,
    // A role reads as a role ("Audience member"), a name as a name ("Manon van Tienhoven").
    displayName: role ? toDisplayName(parsed.name).replace(/ \p{Lu}/gu, (letter) => letter.toLowerCase()) : toDisplayName(parsed.name),
    role,
    affiliation: parsed.affiliation,
    isGeneric: role !== null,
  };
}
