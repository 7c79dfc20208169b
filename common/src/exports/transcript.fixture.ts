// Test-only: one small transcript with every feature the writers handle.
import { transcriptSchema } from '../transcript/transcript.schema.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';

/**
 * Two speakers (one generic), unattributed turns (one reading like "Name: …"), an event on its own
 * line and one inline, uncertain spans with words and marker-only, notes before/between/after turns,
 * timings, NBSP and U+2011, and Markdown metacharacters.
 */
export function buildFixture(): Transcript {
  return transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: { title: 'Plenary – Day 2', event: 'Verity Forum 2024', venue: 'Room A, Geneva', date: '2024-05-02', language: 'en', sourceFormat: 'cart' },
    speakers: [
      { id: 's1', label: 'MODERATOR', displayName: 'Moderator', role: 'moderator', isGeneric: true },
      { id: 's2', label: 'ANA LOPEZ', displayName: 'Ana Lopez' },
    ],
    turns: [
      { id: 't1', speakerId: 's1', start: 0, end: 4, content: [{ type: 'text', text: 'Good morning.\u00a0 Welcome to the co\u2011chair’s session.' }] },
      {
        id: 't2',
        speakerId: 's2',
        start: 4,
        end: 12,
        content: [
          { type: 'text', text: 'Thanks. The GFCE ' },
          { type: 'uncertain', text: 'Kaspar', marker: '(?)' },
          { type: 'text', text: ' said *this* [sic] costs $5 #1 <b>.\n' },
          { type: 'event', label: 'Laughter', raw: '[\u00a0Laughter\u00a0]' },
          { type: 'text', text: '\n- second paragraph with ' },
          { type: 'uncertain', text: '', marker: '(inaudible)' },
          { type: 'text', text: '.' },
        ],
      },
      { id: 't3', speakerId: null, start: 12, end: 15, content: [{ type: 'text', text: 'Inline ' }, { type: 'event', label: 'Applause', raw: '(Applause)' }, { type: 'text', text: ' event here.' }] },
      { id: 't4', speakerId: 's2', start: 15, end: 16, content: [{ type: 'uncertain', text: 'Kaspar', marker: '(Kaspar?)' }, { type: 'text', text: ' Yes.' }] },
      { id: 't5', speakerId: null, start: 16, end: 18, content: [{ type: 'text', text: 'Note: this one reads like a label.' }] },
    ],
    notes: [
      { id: 'n1', afterTurnId: null, text: '(Recording started.)' },
      { id: 'n2', afterTurnId: 't2', text: '(The session resumed at 10:05.)' },
      { id: 'n3', afterTurnId: 't5', text: 'Adjourned.' },
    ],
  });
}

/** The fixture without timings, as every CART import is. */
export function buildUntimedFixture(): Transcript {
  const transcript = buildFixture();
  for (const turn of transcript.turns) Object.assign(turn, { start: null, end: null });
  return transcript;
}
