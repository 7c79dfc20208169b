import { useEffect, useRef } from 'react';
import type { LiveTopic } from '@verity/common';
import type { LiveTranscriptProvider } from './live-transcript-provider.ts';

/** Calls `onChange` whenever the server says one of `topics` changed for this transcript (see `changed` events). */
export function useLiveChanges(provider: LiveTranscriptProvider, topics: readonly LiveTopic[], onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const key = topics.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    return provider.onChanged((changed) => {
      if (changed.some((topic) => wanted.has(topic))) latest.current();
    });
  }, [provider, key]);
}
