import { useSyncExternalStore } from 'react';
import type { CommentThread } from '@verity/common';
import { listComments } from '../../api/comments.api.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';

/** The threads as last read from the server, and how that read went. */
export interface CommentThreadsState {
  status: 'loading' | 'success' | 'error';
  threads: readonly CommentThread[];
  error: unknown;
}

/**
 * One copy of a transcript's threads for everything that shows them (the Comments tab, the editor's
 * highlights, the review panel, the queue): read once, re-read when the server says 'comments'
 * changed (coalesced: a change during a read triggers one more read, never a pile of them).
 */
class CommentThreadsStore {
  private state: CommentThreadsState = { status: 'loading', threads: [], error: undefined };
  private readonly listeners = new Set<() => void>();
  private stopFollowing: (() => void) | null = null;
  private isReading = false;
  private isStale = false;

  constructor(private readonly provider: LiveTranscriptProvider) {}

  readonly getSnapshot = (): CommentThreadsState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.stopFollowing) {
      this.stopFollowing = this.provider.onChanged((topics) => {
        if (topics.includes('comments')) this.reload();
      });
      this.reload();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stopFollowing?.();
        this.stopFollowing = null;
      }
    };
  };

  /** Reads the threads again (now, or right after the read in flight). */
  reload(): void {
    if (this.isReading) {
      this.isStale = true;
      return;
    }
    this.isReading = true;
    listComments(this.provider.transcriptId).then(
      (threads) => this.set({ status: 'success', threads, error: undefined }),
      (error: unknown) => this.set(this.state.status === 'success' ? this.state : { status: 'error', threads: [], error }),
    ).finally(() => {
      this.isReading = false;
      if (this.isStale) {
        this.isStale = false;
        this.reload();
      }
    });
  }

  /** Puts a thread a mutation answered with in place at once (the live re-read confirms it). */
  replace(thread: CommentThread): void {
    const threads = this.state.threads.some((entry) => entry.id === thread.id)
      ? this.state.threads.map((entry) => (entry.id === thread.id ? thread : entry))
      : [...this.state.threads, thread];
    this.set({ status: 'success', threads, error: undefined });
  }

  private set(state: CommentThreadsState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<LiveTranscriptProvider, CommentThreadsStore>();

/** The transcript's one thread store (per live connection). */
export function commentThreadsStore(provider: LiveTranscriptProvider): CommentThreadsStore {
  let store = stores.get(provider);
  if (!store) stores.set(provider, (store = new CommentThreadsStore(provider)));
  return store;
}

/** The transcript's comment threads, kept current as anyone comments, replies or resolves. */
export function useCommentThreads(provider: LiveTranscriptProvider): CommentThreadsState {
  const store = commentThreadsStore(provider);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
