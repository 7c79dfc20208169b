import type { Speaker } from '../transcript/transcript.schema.ts';
import type { GlossaryMatchTerm } from './find-glossary-hits.ts';

/** A term list's term as the matcher needs it (the attached lists' terms, from the server). */
export interface ListTerm {
  id: string;
  term: string;
  misrecognitions: readonly string[];
}

/**
 * The terms to flag in a transcript: its named speakers count as terms (their display names are the
 * correct spelling; a label renamed away from, "MANON VAN TIEHOVEN" → "Manon van Tienhoven", is a known
 * misrecognition of it), then every attached list's terms. A list's term spelled like a speaker (any
 * case) joins that speaker's term, so a glossary misrecognition of a speaker's name is flagged as theirs.
 */
export function collectGlossaryTerms(speakers: readonly Speaker[], lists: readonly { name: string; terms: readonly ListTerm[] }[]): GlossaryMatchTerm[] {
  const bySpelling = new Map<string, GlossaryMatchTerm & { misrecognitions: string[] }>();
  const terms: (GlossaryMatchTerm & { misrecognitions: string[] })[] = [];
  for (const speaker of speakers) {
    const name = speaker.displayName.trim();
    if (speaker.isGeneric || name === '') continue;
    // Two speakers renamed to one name (duplicates not merged yet) share the term, and both old labels.
    const term = bySpelling.get(name.toLowerCase()) ?? { id: `speaker:${speaker.id}`, term: name, misrecognitions: [] as string[], source: 'speakers' };
    const label = speaker.label.trim();
    if (label !== '' && label.toLowerCase() !== name.toLowerCase() && !term.misrecognitions.includes(label)) term.misrecognitions.push(label);
    if (bySpelling.has(name.toLowerCase())) continue;
    bySpelling.set(name.toLowerCase(), term);
    terms.push(term);
  }
  for (const list of lists) {
    for (const listTerm of list.terms) {
      const existing = bySpelling.get(listTerm.term.toLowerCase());
      if (existing) {
        existing.misrecognitions.push(...listTerm.misrecognitions);
        continue;
      }
      const term = { id: listTerm.id, term: listTerm.term, misrecognitions: [...listTerm.misrecognitions], source: list.name };
      bySpelling.set(listTerm.term.toLowerCase(), term);
      terms.push(term);
    }
  }
  return terms;
}
