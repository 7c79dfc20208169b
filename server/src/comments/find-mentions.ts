/** A member who may be mentioned: their id and the name written after the @. */
export interface MentionableMember {
  userId: string;
  displayName: string;
}

const nameChar = /[\p{L}\p{N}_]/u;

/**
 * The members named with @ in a comment's text ("@Ada Lovelace, can you check?"): at each @ the
 * longest member name that follows it, case-insensitively, and ends at a word boundary — so "@Ada"
 * names Ada and not Adam, and "@Ada Lovelace" names her rather than another member called Ada.
 * An @ right after a letter (me@example.org) is not a mention. Only the members given can be named (the transcript's current members); each counts once.
 */
export function findMentions(body: string, members: readonly MentionableMember[]): string[] {
  const candidates = members
    .map((member) => ({ userId: member.userId, name: member.displayName.trim().toLocaleLowerCase() }))
    .filter((member) => member.name !== '')
    .sort((a, b) => b.name.length - a.name.length);
  const lower = body.toLocaleLowerCase();
  const found = new Set<string>();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && nameChar.test(Array.from(lower.slice(Math.max(0, at - 2), at)).at(-1) ?? '')) continue; // an address, not a mention
    const match = candidates.find(({ name }) => lower.startsWith(name, at + 1) && !nameChar.test(Array.from(lower.slice(at + 1 + name.length, at + 3 + name.length))[0] ?? ''));
    if (match) found.add(match.userId);
  }
  return [...found];
}
