import type { Transcript } from '../transcript/transcript.schema.ts';

/** What still stands between a transcript and its approval. */
export interface OpenIssues {
  /** Uncertain segments ("Kaspar(?)", "(inaudible)") left in any turn. */
  uncertainSpans: number;
  /** Turns with no speaker. Empty turns count too: an empty turn is still a turn nobody said. */
  unattributedTurns: number;
}

/** Counts the open issues of a transcript; approval is refused while any remain, unless waived. */
export function countOpenIssues(transcript: Transcript): OpenIssues {
  let uncertainSpans = 0;
  let unattributedTurns = 0;
  for (const turn of transcript.turns) {
    if (turn.speakerId === null) unattributedTurns++;
    for (const segment of turn.content) if (segment.type === 'uncertain') uncertainSpans++;
  }
  return { uncertainSpans, unattributedTurns };
}

/** True when nothing is left to resolve. */
export function hasOpenIssues(issues: OpenIssues): boolean {
  return issues.uncertainSpans > 0 || issues.unattributedTurns > 0;
}
