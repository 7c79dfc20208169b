// Generic labels name a role in the room, not a person; the value is the role we record.
const genericRoles: Record<string, string> = {
  MODERATOR: 'moderator',
  'CO-MODERATOR': 'moderator',
  FACILITATOR: 'moderator',
  HOST: 'moderator',
  PANELIST: 'panelist',
  PANELLIST: 'panelist',
  PRESENTER: 'panelist',
  AUDIENCE: 'audience',
  'AUDIENCE MEMBER': 'audience',
  FLOOR: 'audience',
  'FROM THE FLOOR': 'audience',
  QUESTIONER: 'audience',
  ATTENDEE: 'audience',
  PARTICIPANT: 'participant',
  CHAIR: 'chair',
  'CO-CHAIR': 'chair',
  CHAIRPERSON: 'chair',
  CHAIRMAN: 'chair',
  CHAIRWOMAN: 'chair',
  INTERPRETER: 'interpreter',
  RAPPORTEUR: 'rapporteur',
  CAPTIONER: 'captioner',
  SPEAKER: 'speaker',
  'MALE SPEAKER': 'speaker',
  'FEMALE SPEAKER': 'speaker',
  'UNIDENTIFIED SPEAKER': 'speaker',
  'UNKNOWN SPEAKER': 'speaker',
};

// Surname particles stay lower case in display names ("Manon van Tienhoven").
const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'das', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'dos', 'ten', 'ter']);

/** Upper-cased label with all whitespace collapsed: the key under which labels count as equal. */
export function normalizeSpeakerKey(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toUpperCase();
}

/** The role a generic label stands for ("AUDIENCE MEMBER 2" → "audience"), or null for a person. */
export function findGenericRole(label: string): string | null {
  const key = normalizeSpeakerKey(label).replace(/\s*#?\d+$/, '');
  return genericRoles[key] ?? null;
}

function capitalizeWord(word: string): string {
  // Capitalize after apostrophes and hyphens too: O'BRIEN → O'Brien, KERRY‑ANN → Kerry‑Ann.
  return word.toLowerCase().replace(/(^|['’\u2010\u2011-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** A readable name for a label: ALL-CAPS (or all-lower-case) words become title case, mixed case stays. */
export function toDisplayName(label: string): string {
  const collapsed = label.replace(/\s+/g, ' ').trim();
  const isAllLower = collapsed === collapsed.toLowerCase();
  return collapsed
    .split(' ')
    .map((word, index) => {
      if ((word !== word.toUpperCase() && !isAllLower) || !/\p{L}{2}/u.test(word)) return word;
      if (index > 0 && particles.has(word.toLowerCase())) return word.toLowerCase();
      return capitalizeWord(word);
    })
    .join(' ');
}

/** Whether a token can belong to a speaker name: capitalized word, particle, number or honorific. */
export function isNameToken(token: string, isFirst: boolean): boolean {
  if (/^\p{Lu}[\p{L}\p{M}'’.\u2010\u2011-]*$/u.test(token)) return true;
  if (isFirst) return false;
  return /^\d+$/.test(token) || particles.has(token);
}
