import { useSyncExternalStore } from 'react';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { commentThreadsStore, type CommentThreadsState } from './use-comment-threads.ts';

const notYet: CommentThreadsState = { status: 'loading', threads: [], error: undefined };
const noSubscription = () => () => undefined;
const readNotYet = () => notYet;

/** useCommentThreads once `isEnabled` (the editor opened, useAfterOpen); until then no read and no threads. */
export function useCommentThreadsAfter(provider: LiveTranscriptProvider, isEnabled: boolean): CommentThreadsState {
  const store = commentThreadsStore(provider);
  return useSyncExternalStore(isEnabled ? store.subscribe : noSubscription, isEnabled ? store.getSnapshot : readNotYet);
}
