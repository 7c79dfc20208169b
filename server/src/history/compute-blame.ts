import * as Y from 'yjs';
import type { BlameResponse, TurnBlame } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { findPeople } from './find-people.ts';
import { replayTranscriptLog } from './load-log.ts';
import type { LogReplay } from './log-replay.ts';

/**
 * Who last changed each turn (and when), and who introduced each word: the log is replayed with
 * each row's author; every Yjs item carries the client id that created it, and each client id
 * belongs to its recorded owner (yjs_client_owners: the live session refuses anyone else's structs
 * under it, so the owner is who wrote them). A word's author is its first character's.
 * Text from the import (the seed) and from the server itself has no author (null).
 */
export async function computeBlame(prisma: PrismaClient, options: { transcriptId: string }): Promise<BlameResponse> {
  // Keyed by the block, not its id: a split's copy is renamed by the server right after its author made it.
  const lastChange = new Map<Y.XmlText, { userId: string; at: Date }>();
  let uptoSeq = 0;
  const replay = await replayTranscriptLog(prisma, options.transcriptId, {
    tracksTurns: false,
    onRow: (row, effect) => {
      uptoSeq = row.seq;
      if (row.userId === null) return;
      for (const block of effect.turns.keys()) lastChange.set(block, { userId: row.userId, at: row.createdAt });
    },
  });
  try {
    const turns: Omit<TurnBlame, 'lastChangedBy'>[] = [];
    const lastAuthors: (string | null)[] = [];
    for (const block of replay.blocks()) {
      const turn = replay.turnOf(block);
      if (!turn) continue;
      const change = lastChange.get(block);
      lastAuthors.push(change?.userId ?? null);
      turns.push({ turnId: turn.id, number: turns.length + 1, lastChangedAt: change?.at.toISOString() ?? null, spans: blameSpans(block, replay) });
    }
    const authorIds = new Set<string | null>([...lastAuthors, ...turns.flatMap((turn) => turn.spans.map((span) => span.authorId))]);
    const people = await findPeople(prisma, authorIds);
    return {
      turns: turns.map((turn, index) => ({ ...turn, lastChangedBy: people.get(lastAuthors[index] ?? '') ?? null })),
      people: [...people.values()],
      uptoSeq,
    };
  } finally {
    replay.destroy();
  }
}

/** The block's visible text as runs of consecutive words by one author (whitespace goes with the word before). */
export function blameSpans(block: Y.XmlText, replay: Pick<LogReplay, 'clientUsers'>): TurnBlame['spans'] {
  let text = '';
  const clients: number[] = [];
  for (let item = block._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    let piece = '';
    if (item.content instanceof Y.ContentString) piece = item.content.str;
    else if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) piece = String(item.content.type.getAttribute('raw') ?? '');
    text += piece;
    for (let k = 0; k < piece.length; k++) clients.push(item.id.client);
  }
  const spans: TurnBlame['spans'] = [];
  for (const match of text.matchAll(/\s*\S+\s*|\s+/g)) {
    const firstVisible = match.index + (match[0].length - match[0].trimStart().length);
    const client = clients[Math.min(firstVisible, clients.length - 1)];
    const authorId = client === undefined ? null : (replay.clientUsers.get(client) ?? null);
    const last = spans.at(-1);
    if (last && last.authorId === authorId) last.text += match[0];
    else spans.push({ text: match[0], authorId });
  }
  return spans;
}
