import { describe, expect, it, vi } from 'vitest';
import type { LiveTopic } from '@verity/common';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';

const listTranscriptGlossaries = vi.fn();
vi.mock('../../api/glossary.api.ts', () => ({ listTranscriptGlossaries: (...args: unknown[]) => listTranscriptGlossaries(...args) }));
const { glossaryStoreFor } = await import('./glossary-store.ts');

function fakeProvider() {
  const listeners = new Set<(topics: readonly LiveTopic[]) => void>();
  const provider = {
    transcriptId: 'tr-1',
    onChanged: (listener: (topics: readonly LiveTopic[]) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as LiveTranscriptProvider;
  return { provider, say: (topics: LiveTopic[]) => listeners.forEach((listener) => listener(topics)), listeners };
}
const list = (name: string) => ({ id: name, name, owner: { id: 'u', displayName: 'U' }, isMine: true, terms: [] });

describe('the attached lists store', () => {
  it('loads once for every reader of a transcript, again on the glossary topic only, and stops listening when nobody reads', async () => {
    listTranscriptGlossaries.mockReset();
    listTranscriptGlossaries.mockResolvedValueOnce([list('first')]).mockResolvedValueOnce([list('second')]);
    const { provider, say, listeners } = fakeProvider();
    const store = glossaryStoreFor(provider);
    expect(glossaryStoreFor(provider)).toBe(store);
    const stopA = store.subscribe(() => undefined);
    const stopB = store.subscribe(() => undefined);
    expect(listTranscriptGlossaries).toHaveBeenCalledTimes(1);
    expect(listTranscriptGlossaries.mock.calls[0]![0]).toBe('tr-1');
    await vi.waitFor(() => expect(store.getState()).toMatchObject({ status: 'ready', lists: [list('first')] }));

    say(['comments', 'review']);
    expect(listTranscriptGlossaries).toHaveBeenCalledTimes(1);
    say(['glossary']);
    await vi.waitFor(() => expect(store.getState().lists).toEqual([list('second')]));

    listTranscriptGlossaries.mockRejectedValueOnce(new Error('offline'));
    store.reload();
    await vi.waitFor(() => expect(store.getState()).toMatchObject({ status: 'error', lists: [list('second')] }));
    expect((store.getState().error as Error).message).toBe('offline');

    stopA();
    expect(listeners.size).toBe(1);
    stopB();
    expect(listeners.size).toBe(0);
  });
});
