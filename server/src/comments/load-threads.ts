import { readAnchorText, resolveCommentAnchor, type CommentPosition, type CommentThread } from '@verity/common';
import type * as Y from 'yjs';
import type { LiveSessions } from '../collab/live-sessions.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { presentThread, threadInclude, type ThreadRow } from './comment.presenter.ts';
import { withCurrentDoc } from './with-current-doc.ts';

/** What the comment functions work on: the database, the live documents, one transcript. */
export interface CommentContext {
  prisma: PrismaClient;
  liveSessions?: LiveSessions;
  transcriptId: string;
}

/** Where a thread's words are in `doc` now, with their current text; null when they are gone. */
export function locateThread(doc: Y.Doc, row: Pick<ThreadRow, 'anchorStart' | 'anchorEnd'>): CommentPosition | null {
  if (!row.anchorStart || !row.anchorEnd) return null;
  const range = resolveCommentAnchor(doc, { start: row.anchorStart, end: row.anchorEnd });
  return range ? { turnId: range.blockId, start: range.start, end: range.end, text: readAnchorText(doc, range) } : null;
}

/** Every thread of the transcript, oldest first, each located in the current document (one read of it). */
export async function listThreads(options: CommentContext): Promise<CommentThread[]> {
  const rows = await options.prisma.comment.findMany({
    where: { transcriptId: options.transcriptId, parentId: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: threadInclude,
  });
  if (rows.length === 0) return [];
  return withCurrentDoc(options, (doc) => rows.map((row) => presentThread(row, locateThread(doc, row))));
}

/** One thread as members see it (what every change answers with). */
export async function loadThread(options: CommentContext & { threadId: string }): Promise<CommentThread> {
  const row = await options.prisma.comment.findUniqueOrThrow({ where: { id: options.threadId }, include: threadInclude });
  return withCurrentDoc(options, (doc) => presentThread(row, locateThread(doc, row)));
}
