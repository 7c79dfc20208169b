import type * as Y from 'yjs';
import {
  compareTranscripts,
  describeRepeatedReplacements,
  describeSpeakerMerges,
  describeTurnChange,
  quoteWords,
  transcriptSchemaVersion,
  type ActivityEntry,
  type Speaker,
  type Transcript,
  type Turn,
} from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { findPeople } from './find-people.ts';
import { replayTranscriptLog } from './load-log.ts';
import type { LogReplay, LogRow } from './log-replay.ts';

/** Rows by one person less than this apart read as one piece of work. */
const batchGapMs = 2 * 60_000;
const shownPhrases = 3;

interface Batch {
  userId: string | null;
  fromSeq: number;
  toSeq: number;
  startedAt: Date;
  endedAt: Date;
  /** Each touched turn as it was when the batch started (null: created in the batch). */
  turnsBefore: Map<Y.XmlText, Turn | null>;
  speakersBefore: Map<string, Speaker | null>;
  numbersBefore: Map<Y.XmlText, number>;
  rosterBefore: Speaker[];
}

/** A phrase-level account of one batch, before names are resolved. */
interface DraftEntry {
  userId: string | null;
  phrases: string[];
  turnIds: string[];
  fromSeq: number;
  toSeq: number;
  startedAt: Date;
  endedAt: Date;
}

/**
 * The activity feed, newest first: the log replayed and cut into batches (one person's consecutive
 * rows, the server's own normalization joining the batch it follows), each described by diffing the
 * turns it touched before and after ("Kaja replaced ‘GAC’ with ‘GFCE’ in turn 12").
 * `beforeSeq` pages back: only batches ending before that log position. `uptoSeq` replays only the
 * rows up to that position, so the batches are those of that moment: a version's activity stays the
 * same however the log grows later (a later row by the same person would otherwise join its last batch).
 */
export async function listActivity(
  prisma: PrismaClient,
  options: { transcriptId: string; beforeSeq?: number; uptoSeq?: number; limit?: number },
): Promise<{ entries: ActivityEntry[]; hasMore: boolean }> {
  const drafts: DraftEntry[] = [];
  let batch: Batch | null = null;
  const finish = (replay: LogReplay) => {
    if (batch) {
      const draft = describeBatch(batch, replay);
      if (draft.phrases.length > 0) drafts.push(draft);
    }
    batch = null;
  };
  const replay = await replayTranscriptLog(prisma, options.transcriptId, {
    uptoSeq: options.uptoSeq,
    beforeRow: (row, current) => {
      const open = batch as Batch | null;
      const isSamePerson = open !== null && (row.userId === null || row.userId === open.userId || open.userId === null);
      if (open && isSamePerson && row.createdAt.getTime() - open.endedAt.getTime() <= batchGapMs) return;
      finish(current);
      batch = startBatch(row, current);
    },
    onRow: (row, effect) => {
      const open = batch!;
      open.toSeq = row.seq;
      open.endedAt = row.createdAt;
      open.userId ??= row.userId;
      for (const [block, { before }] of effect.turns) if (!open.turnsBefore.has(block)) open.turnsBefore.set(block, before);
      for (const [key, { before }] of effect.speakers) if (!open.speakersBefore.has(key)) open.speakersBefore.set(key, before);
    },
  });
  finish(replay);
  replay.destroy();

  const limit = options.limit ?? 50;
  const older = drafts.filter((draft) => options.beforeSeq === undefined || draft.toSeq < options.beforeSeq).reverse();
  const page = older.slice(0, limit);
  const people = await findPeople(prisma, page.map((draft) => draft.userId));
  const entries = page.map((draft): ActivityEntry => {
    const actor = draft.userId ? (people.get(draft.userId) ?? { id: draft.userId, displayName: 'Former member' }) : null;
    const rest = draft.phrases.length - shownPhrases;
    const said = draft.phrases.slice(0, shownPhrases).join('; ') + (rest > 0 ? ` and made ${rest} more change${rest === 1 ? '' : 's'}` : '');
    return {
      actor,
      summary: `${actor ? actor.displayName : 'Verity'} ${said}`,
      phrases: draft.phrases,
      turnIds: draft.turnIds,
      fromSeq: draft.fromSeq,
      toSeq: draft.toSeq,
      startedAt: draft.startedAt.toISOString(),
      endedAt: draft.endedAt.toISOString(),
    };
  });
  return { entries, hasMore: older.length > limit };
}

function startBatch(row: LogRow, replay: LogReplay): Batch {
  return {
    userId: row.userId,
    fromSeq: row.seq,
    toSeq: row.seq,
    startedAt: row.createdAt,
    endedAt: row.createdAt,
    turnsBefore: new Map(),
    speakersBefore: new Map(),
    numbersBefore: replay.turnOrder(),
    rosterBefore: replay.speakers(),
  };
}

function describeBatch(batch: Batch, replay: LogReplay): DraftEntry {
  const orderAfter = replay.turnOrder();
  const from: [number, Turn][] = [];
  const to: [number, Turn][] = [];
  const numbersBefore = new Map<string, number>();
  const numbersAfter = new Map<string, number>();
  for (const [block, before] of batch.turnsBefore) {
    if (before) {
      const number = batch.numbersBefore.get(block) ?? 0;
      from.push([number, before]);
      numbersBefore.set(before.id, number);
    }
    const after = replay.turnOf(block);
    if (after) {
      const number = orderAfter.get(block) ?? 0;
      to.push([number, after]);
      numbersAfter.set(after.id, number);
    }
  }
  const inOrder = (turns: [number, Turn][]) => turns.sort((a, b) => a[0] - b[0]).map(([, turn]) => turn);
  const rosterAfter = replay.speakers();
  const comparison = compareTranscripts(miniTranscript(inOrder(from), batch.rosterBefore), miniTranscript(inOrder(to), rosterAfter));
  const numbered = comparison.changes.map((change) => {
    const numbers = change.kind === 'removed' || change.kind === 'merged' ? numbersBefore : numbersAfter;
    return { ...change, number: numbers.get(change.turnId) ?? change.number };
  });
  // A find & replace (the same words replaced in many turns) reads as one phrase, not one per turn.
  const repeated = describeRepeatedReplacements(numbered);
  // A speaker merge (every turn of a speaker who left the roster went to one other) reads as one phrase too.
  const removedSpeakers = [...batch.speakersBefore].flatMap(([key, before]) => (before && !rosterAfter.some((speaker) => speaker.id === key) ? [before] : []));
  const merges = describeSpeakerMerges(numbered, removedSpeakers);
  const phrases: string[] = [...merges.phrases, ...repeated.phrases];
  const turnIds: string[] = [];
  for (const change of numbered) {
    const phrase = repeated.grouped.has(change) || merges.grouped.has(change) ? '' : describeTurnChange(change);
    if (phrase) phrases.push(phrase);
    turnIds.push(change.turnId);
  }
  for (const [key, before] of batch.speakersBefore) {
    const after = rosterAfter.find((speaker) => speaker.id === key) ?? null;
    if (before && after && (before.label !== after.label || before.displayName !== after.displayName)) {
      // By display name: a rename keeps the captioner's label, so the label would read "renamed X to X".
      phrases.push(`renamed speaker ${quoteWords(before.displayName || before.label)} to ${quoteWords(after.displayName || after.label)}`);
    } else if (!before && after) phrases.push(`added speaker ${quoteWords(after.label || after.displayName)}`);
    else if (before && !after && !merges.merged.has(key)) phrases.push(`removed speaker ${quoteWords(before.label || before.displayName)}`);
  }
  return { userId: batch.userId, phrases, turnIds, fromSeq: batch.fromSeq, toSeq: batch.toSeq, startedAt: batch.startedAt, endedAt: batch.endedAt };
}

function miniTranscript(turns: Turn[], speakers: Speaker[]): Transcript {
  return {
    schema: transcriptSchemaVersion,
    metadata: { title: null, event: null, venue: null, date: null, language: null, sourceFileName: null, sourceFormat: null, header: null, footer: null },
    speakers,
    turns,
    notes: [],
  };
}

