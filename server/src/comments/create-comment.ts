import { AppError, anchorBytesFromBase64, readAnchorText, resolveCommentAnchor, type CommentAnchorBytes, type CommentThread } from '@verity/common';
import { domainEvents } from '../events/domain-events.ts';
import { loadThread, type CommentContext } from './load-threads.ts';
import { mentionMembers } from './mention-members.ts';
import { withCurrentDoc } from './with-current-doc.ts';

/** Threads one transcript may hold: bounds every list read and every page that shows them. */
export const maxThreadsPerTranscript = 2000;
/** Longest quote kept (the anchor itself covers however many words were selected). */
export const maxQuoteLength = 2000;

/**
 * Starts a thread on a range of words. The anchor must resolve in the current document to a non-empty
 * range inside one turn or note (forged bytes, characters the server has not seen, or words already
 * deleted are refused: invalid_anchor, 422); the quote is read from the server's document, never
 * taken from the client. Mentions are of current members only.
 */
export async function createComment(options: CommentContext & { actorId: string; body: string; anchor: CommentAnchorBytes }): Promise<CommentThread> {
  const { prisma, transcriptId } = options;
  const start = anchorBytesFromBase64(options.anchor.start);
  const end = anchorBytesFromBase64(options.anchor.end);
  const quote = start && end ? await withCurrentDoc(options, (doc) => {
    const range = resolveCommentAnchor(doc, { start, end });
    return range ? readAnchorText(doc, range) : null;
  }) : null;
  if (!start || !end || quote === null) {
    throw new AppError('invalid_anchor', 'A comment must be on words of the transcript as it stands. Select them again and retry (words typed a moment ago may not have reached the server yet).');
  }
  const threads = await prisma.comment.count({ where: { transcriptId, parentId: null } });
  if (threads >= maxThreadsPerTranscript) throw new AppError('conflict', `This transcript already has ${maxThreadsPerTranscript} comment threads; resolve and reuse existing ones.`);
  const mentions = await mentionMembers(prisma, { transcriptId, body: options.body });
  const created = await prisma.comment.create({
    data: {
      transcriptId,
      authorId: options.actorId,
      body: options.body,
      anchorStart: start,
      anchorEnd: end,
      quote: quote.length > maxQuoteLength ? `${quote.slice(0, maxQuoteLength - 1)}…` : quote,
      mentions: { create: mentions.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  domainEvents.emit('transcriptChanged', { transcriptId, topics: ['comments'] });
  return loadThread({ ...options, threadId: created.id });
}
