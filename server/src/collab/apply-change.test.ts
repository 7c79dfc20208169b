import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTranscriptDoc, mergeSpeakersInDoc, readTranscriptDoc, transcriptSchema, updateSpeakerInDoc } from '@verity/common';
import { FakeConnection } from './fake-connection.ts';
import { LiveSessions } from './live-sessions.ts';
import { MemoryUpdateStore } from './memory-update-store.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: {},
  speakers: [
    { id: 's1', label: 'ANA LOPEZ', displayName: 'Ana Lopez' },
    { id: 's2', label: 'ANNA LOPEZ', displayName: 'Anna Lopez' },
  ],
  turns: [
    { id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'One.' }] },
    { id: 't2', speakerId: 's2', content: [{ type: 'text', text: 'Two.' }] },
    { id: 't3', speakerId: 's2', content: [{ type: 'text', text: 'Three.' }] },
  ],
});

const registries: LiveSessions[] = [];
afterEach(async () => {
  await Promise.all(registries.splice(0).map((registry) => registry.closeAll('server_shutdown')));
});

async function seeded() {
  const store = new MemoryUpdateStore();
  await store.saveCheckpoint('t', Y.encodeStateAsUpdate(createTranscriptDoc(transcript)), 0);
  const registry = new LiveSessions({ store });
  registries.push(registry);
  return { store, registry };
}

describe('LiveSessions.applyChange', () => {
  it('stores one update stamped with the actor and sends it to everyone joined', async () => {
    const { store, registry } = await seeded();
    const watcher = new FakeConnection('c1', 'bob', false);
    const session = await registry.join('t', watcher);
    const sentBefore = watcher.sent.length;
    const seq = await registry.applyChange('t', 'alice', (doc) => mergeSpeakersInDoc(doc, 's1', ['s2']));
    expect(seq).toBe(1);
    expect(store.rows('t').map((row) => row.userId)).toEqual(['alice']);
    expect(watcher.sent.length).toBe(sentBefore + 1);
    const merged = readTranscriptDoc(session.doc);
    expect(merged.speakers.map((speaker) => speaker.id)).toEqual(['s1']);
    expect(merged.turns.map((turn) => turn.speakerId)).toEqual(['s1', 's1', 's1']);
    expect(session.isClosed).toBe(false);
  });

  it('loads a session nobody has open, and closes it again after a checkpoint', async () => {
    const { store, registry } = await seeded();
    await registry.applyChange('t', 'alice', (doc) => updateSpeakerInDoc(doc, 's1', { displayName: 'Ana López' }));
    expect(registry.size).toBe(0);
    const reloaded = await registry.get('t');
    expect(readTranscriptDoc(reloaded.doc).speakers[0]).toMatchObject({ label: 'ANA LOPEZ', displayName: 'Ana López' });
    expect(store.rows('t')).toHaveLength(1);
  });

  it('stores nothing for a change that changes nothing, or that throws', async () => {
    const { store, registry } = await seeded();
    expect(await registry.applyChange('t', 'alice', () => undefined)).toBeNull();
    await expect(registry.applyChange('t', 'alice', (doc) => updateSpeakerInDoc(doc, 'nobody', { displayName: 'X' }))).rejects.toThrow(/no speaker "nobody"/);
    expect(store.rows('t')).toHaveLength(0);
  });
});
