import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readTranscriptDoc, type Transcript } from '@verity/common';

/** A big transcript takes tens of milliseconds to read; panels show changes within this. */
const refreshMs = 300;

interface SnapshotStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): Transcript;
}

const stores = new WeakMap<Y.Doc, SnapshotStore>();

/**
 * The transcript the live document holds now, re-read at most every 300 ms while anyone changes it,
 * shared by every panel of the document (one read however many panels show it). Panels derive what
 * is in the document from it — speaker stats, open items — instead of asking the server.
 */
export function useLiveSnapshot(doc: Y.Doc): Transcript {
  let store = stores.get(doc);
  if (!store) {
    store = createStore(doc);
    stores.set(doc, store);
  }
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

function createStore(doc: Y.Doc): SnapshotStore {
  const listeners = new Set<() => void>();
  let snapshot: Transcript | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    timer = null;
    snapshot = readTranscriptDoc(doc);
    for (const listener of [...listeners]) listener();
  };
  const handleUpdate = () => {
    timer ??= setTimeout(refresh, refreshMs);
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0) doc.on('update', handleUpdate);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        doc.off('update', handleUpdate);
        if (timer) clearTimeout(timer);
        timer = null;
        // Nobody is watching: the next reader reads afresh rather than a copy that may be stale.
        snapshot = null;
      };
    },
    getSnapshot() {
      snapshot ??= readTranscriptDoc(doc);
      return snapshot;
    },
  };
}
