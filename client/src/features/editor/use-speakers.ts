import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { addSpeakerToDoc, speakersKey, type Speaker } from '@verity/common';
import { newBlockId } from '../../editor/nodes.ts';

function toSpeaker(value: unknown): Speaker | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<Speaker>;
  if (typeof record.id !== 'string') return null;
  const label = typeof record.label === 'string' ? record.label : '';
  return {
    id: record.id,
    label,
    displayName: typeof record.displayName === 'string' && record.displayName ? record.displayName : label || 'Unnamed speaker',
    role: record.role ?? null,
    affiliation: record.affiliation ?? null,
    isGeneric: record.isGeneric ?? false,
  };
}

/** The speaker roster (Y.Map `speakersKey`), sorted by name, re-read whenever anyone changes it. */
export function useSpeakers(doc: Y.Doc): Speaker[] {
  const store = useMemo(() => {
    const map = doc.getMap<unknown>(speakersKey);
    let snapshot: Speaker[] = [];
    const read = () => {
      snapshot = Array.from(map.values(), toSpeaker)
        .filter((speaker): speaker is Speaker => speaker !== null)
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
    };
    read();
    return {
      subscribe(listener: () => void) {
        const handle = () => {
          read();
          listener();
        };
        map.observe(handle);
        return () => map.unobserve(handle);
      },
      getSnapshot: () => snapshot,
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Adds a speaker to the roster (through the shared document's edits) and returns its id. */
export function createSpeaker(doc: Y.Doc, name: string, origin?: unknown): string {
  return addSpeakerToDoc(doc, { id: newBlockId(), displayName: name }, origin).id;
}
