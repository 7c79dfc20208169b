import { domainEvents } from '../events/domain-events.ts';

/** Tells every transcript a list is attached to that its glossary changed (after the commit). */
export function notifyGlossaryChange(transcriptIds: readonly string[]): void {
  for (const transcriptId of new Set(transcriptIds)) domainEvents.emit('transcriptChanged', { transcriptId, topics: ['glossary'] });
}
