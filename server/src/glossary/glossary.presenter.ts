import { z } from 'zod';
import type { Glossary, GlossarySummary, GlossaryTerm } from '@verity/common';

const storedMisrecognitions = z.array(z.string());

/** A stored term row as the API shows it (misrecognitions are a JSON array in the row). */
export function presentGlossaryTerm(row: { id: string; term: string; misrecognitions: unknown; note: string }): GlossaryTerm {
  const parsed = storedMisrecognitions.safeParse(row.misrecognitions);
  return { id: row.id, term: row.term, misrecognitions: parsed.success ? parsed.data : [], note: row.note };
}

/** The rows a list's presentation reads (see glossaryInclude). */
export interface GlossaryRow {
  id: string;
  name: string;
  updatedAt: Date;
  owner: { id: string; displayName: string };
  terms?: { id: string; term: string; misrecognitions: unknown; note: string }[];
  _count: { terms: number };
  attachments: { transcript: { id: string; title: string; memberships: unknown[] } }[];
}

/** What to load for presentGlossary: the owner, the term count, and attachments the viewer can see. */
export function glossaryInclude(viewerId: string, withTerms: boolean) {
  return {
    owner: { select: { id: true, displayName: true } },
    _count: { select: { terms: true } },
    attachments: {
      orderBy: { attachedAt: 'asc' as const },
      select: { transcript: { select: { id: true, title: true, memberships: { where: { userId: viewerId }, select: { role: true } } } } },
    },
    ...(withTerms ? { terms: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] } } : {}),
  };
}

/** A list without its terms (the lists page). Transcripts the viewer is not a member of stay unnamed. */
export function presentGlossarySummary(row: GlossaryRow): GlossarySummary {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    termCount: row._count.terms,
    attachedTo: row.attachments.filter((entry) => entry.transcript.memberships.length > 0).map((entry) => ({ id: entry.transcript.id, title: entry.transcript.title })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A list with its terms, in the order they were added. */
export function presentGlossary(row: GlossaryRow): Glossary {
  return { ...presentGlossarySummary(row), terms: (row.terms ?? []).map(presentGlossaryTerm) };
}
