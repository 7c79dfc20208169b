import { AppError, compareTranscripts, transcriptSchema, type CompareResponse, type Transcript } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { findPeople } from './find-people.ts';
import { replayTranscriptLog } from './load-log.ts';

/** A version's content and log position, or not_found. */
export async function loadVersion(prisma: PrismaClient, options: { transcriptId: string; number: number }): Promise<{ transcript: Transcript; uptoSeq: number }> {
  const row = await prisma.transcriptVersion.findUnique({
    where: { transcriptId_number: { transcriptId: options.transcriptId, number: options.number } },
    select: { content: true, uptoSeq: true },
  });
  if (!row) throw new AppError('not_found', `This transcript has no version ${options.number}.`);
  return { transcript: transcriptSchema.parse(row.content), uptoSeq: row.uptoSeq };
}

/**
 * Compares version `from` with version `to` or the live document, and says who edited each changed
 * turn in between (from the log rows between the two positions).
 */
export async function compareVersions(options: {
  prisma: PrismaClient;
  liveSessions?: LiveSessions;
  transcriptId: string;
  from: number;
  to: number | 'current';
}): Promise<CompareResponse> {
  const { prisma, transcriptId } = options;
  const from = await loadVersion(prisma, { transcriptId, number: options.from });
  const to =
    options.to === 'current'
      ? await readCurrentTranscript(options).then(({ transcript, seq }) => ({ transcript, uptoSeq: seq }))
      : await loadVersion(prisma, { transcriptId, number: options.to });
  const comparison = compareTranscripts(from.transcript, to.transcript);
  const low = Math.min(from.uptoSeq, to.uptoSeq);
  const high = Math.max(from.uptoSeq, to.uptoSeq);
  const changed = new Set(comparison.changes.map((change) => change.turnId));
  const authors = new Map<string, Set<string>>();
  if (changed.size > 0 && high > low) {
    const replay = await replayTranscriptLog(prisma, transcriptId, {
      uptoSeq: high,
      onRow: (row, effect) => {
        if (row.seq <= low || row.userId === null) return;
        for (const { before, after } of effect.turns.values()) {
          for (const turn of [before, after]) {
            if (turn && changed.has(turn.id)) authors.set(turn.id, (authors.get(turn.id) ?? new Set()).add(row.userId));
          }
        }
      },
    });
    replay.destroy();
  }
  const people = await findPeople(prisma, [...authors.values()].flatMap((ids) => [...ids]));
  return {
    from: options.from,
    to: options.to,
    ...comparison,
    authorsByTurn: Object.fromEntries([...authors].map(([turnId, ids]) => [turnId, [...ids]])),
    people: [...people.values()],
  };
}
