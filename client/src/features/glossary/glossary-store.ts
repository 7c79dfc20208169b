import type { TranscriptGlossariesResponse } from '@verity/common';
import { listTranscriptGlossaries } from '../../api/glossary.api.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';

/** The lists attached to the open transcript, as every member's editor, panel and queue read them. */
export type AttachedGlossaries = TranscriptGlossariesResponse['glossaries'];

/** What the store holds: the lists (empty until loaded) and how the latest load went. */
export interface GlossaryStoreState {
  lists: AttachedGlossaries;
  status: 'loading' | 'ready' | 'error';
  /** The latest load's failure (an ApiError, shown with PanelError), or null. */
  error: unknown;
}

interface GlossaryStore {
  subscribe(listener: () => void): () => void;
  getState(): GlossaryStoreState;
  reload(): void;
}

const stores = new WeakMap<LiveTranscriptProvider, GlossaryStore>();

/**
 * One fetch of the attached lists per open transcript, however many consumers (editor flags, the
 * Glossary panel, the queue) read it; re-fetched when the server says the `glossary` topic changed
 * (a list attached or detached, a term of an attached list changed), so every member follows live.
 */
export function glossaryStoreFor(provider: LiveTranscriptProvider): GlossaryStore {
  let store = stores.get(provider);
  if (!store) {
    store = createGlossaryStore(provider);
    stores.set(provider, store);
  }
  return store;
}

function createGlossaryStore(provider: LiveTranscriptProvider): GlossaryStore {
  const listeners = new Set<() => void>();
  let state: GlossaryStoreState = { lists: [], status: 'loading', error: null };
  let controller: AbortController | null = null;
  let stopListening: (() => void) | null = null;
  const set = (next: GlossaryStoreState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const load = () => {
    controller?.abort();
    const current = (controller = new AbortController());
    listTranscriptGlossaries(provider.transcriptId, current.signal).then(
      (lists) => {
        if (!current.signal.aborted) set({ lists, status: 'ready', error: null });
      },
      (error: unknown) => {
        if (!current.signal.aborted) set({ ...state, status: 'error', error });
      },
    );
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0) {
        stopListening = provider.onChanged((topics) => {
          if (topics.includes('glossary')) load();
        });
        load();
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        stopListening?.();
        stopListening = null;
        controller?.abort();
      };
    },
    getState: () => state,
    reload: load,
  };
}
