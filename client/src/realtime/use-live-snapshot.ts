import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readTranscriptDoc, type Transcript } from '@verity/common';

/** Panels show changes within about this (longer for a huge transcript: see maxReadShare). */
const refreshMs = 400;
/** Reading may take at most this share of the time while people type: a 40 ms read waits 800 ms. */
const maxReadShare = 0.05;
/** The read waits for a moment without input (so it does not delay a keystroke's frame), this long at most. */
const idleTimeoutMs = 400;

interface SnapshotStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): Transcript;
}

const stores = new WeakMap<Y.Doc, SnapshotStore>();

/**
 * The transcript the live document holds now, re-read at most every 300 ms while anyone changes it
 * (less often when a read is slow, so typing in a 4-hour transcript stays smooth), shared by every
 * panel of the document (one read however many panels show it). Panels derive what
 * is in the document from it — speaker stats, open items — instead of asking the server.
 */
export function useLiveSnapshot(doc: Y.Doc): Transcript {
  let store = stores.get(doc);
  if (!store) {
    store = createSnapshotStore(doc);
    stores.set(doc, store);
  }
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The shared store behind useLiveSnapshot (exported for tests). */
export function createSnapshotStore(doc: Y.Doc): SnapshotStore {
  const listeners = new Set<() => void>();
  let snapshot: Transcript | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastReadMs = 0;
  const read = () => {
    const started = performance.now();
    snapshot = readTranscriptDoc(doc);
    lastReadMs = performance.now() - started;
    return snapshot;
  };
  const refresh = () => {
    timer = null;
    if (listeners.size === 0) return;
    read();
    for (const listener of [...listeners]) listener();
  };
  const whenIdle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: idleTimeoutMs }) : run());
  const handleUpdate = () => {
    timer ??= setTimeout(() => whenIdle(refresh), Math.max(refreshMs, lastReadMs / maxReadShare));
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
        lastReadMs = 0;
        // Nobody is watching: the next reader reads afresh rather than a copy that may be stale.
        snapshot = null;
      };
    },
    getSnapshot() {
      return snapshot ?? read();
    },
  };
}
