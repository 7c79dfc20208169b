import type { LiveTopic } from '@verity/common';
import { domainEvents } from '../events/domain-events.ts';
import type { VerityServer } from './socket-types.ts';

/** The socket.io room of a transcript's joined connections (SocketRoom uses the same key). */
const roomOf = (transcriptId: string) => `transcript:${transcriptId}`;

/**
 * Keeps every open workspace's panels live: after a committed change the server knows about (review
 * step, new version, member list), everyone joined to that transcript gets a typed `changed` event
 * naming what to re-read. What the client derives from the shared document itself (speakers, open
 * items) needs no event. Returns the unsubscribe.
 */
export function subscribePanels(io: VerityServer): () => void {
  const send = (transcriptId: string, topics: LiveTopic[]) => io.to(roomOf(transcriptId.toLowerCase())).emit('changed', { transcriptId: transcriptId.toLowerCase(), topics });
  const off = [
    domainEvents.on('transcriptChanged', ({ transcriptId, topics }) => send(transcriptId, topics)),
    domainEvents.on('membershipChanged', ({ transcriptId }) => send(transcriptId, ['members'])),
  ];
  return () => {
    for (const unsubscribe of off) unsubscribe();
  };
}
