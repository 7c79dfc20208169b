import { AppError, can, type CommentThread, type Role } from '@verity/common';
import { domainEvents } from '../events/domain-events.ts';
import { findComment } from './find-comment.ts';
import { loadThread, type CommentContext } from './load-threads.ts';

interface ResolveOptions extends CommentContext {
  actorId: string;
  /** The actor's role on the transcript: commenters may resolve any thread, the author their own. */
  role: Role;
  threadId: string;
}

/** Marks a thread resolved by the actor; resolving a resolved thread changes nothing (and announces nothing). */
export function resolveComment(options: ResolveOptions): Promise<CommentThread> {
  return setResolved(options, true);
}

/** Opens a resolved thread again; reopening an open one changes nothing. */
export function reopenComment(options: ResolveOptions): Promise<CommentThread> {
  return setResolved(options, false);
}

async function setResolved(options: ResolveOptions, isResolved: boolean): Promise<CommentThread> {
  const { prisma, transcriptId } = options;
  const thread = await findComment(prisma, { transcriptId, commentId: options.threadId, isThread: true });
  if (!can(options.role, 'comment') && thread.authorId !== options.actorId) {
    throw new AppError('forbidden', `Your role (${options.role}) does not allow resolving comments on this transcript.`);
  }
  // Conditional on the current state, so of two people resolving at once one write wins and one event goes out.
  const { count } = await prisma.comment.updateMany({
    where: { id: thread.id, resolvedAt: isResolved ? null : { not: null } },
    data: isResolved ? { resolvedAt: new Date(), resolvedById: options.actorId } : { resolvedAt: null, resolvedById: null },
  });
  if (count > 0) domainEvents.emit('transcriptChanged', { transcriptId, topics: ['comments'] });
  return loadThread({ ...options, threadId: thread.id });
}
