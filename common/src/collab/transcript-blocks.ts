import { normalizeContent } from '../transcript/normalize-content.ts';
import type { Note, Segment, Speaker, Transcript, TranscriptMetadata, Turn } from '../transcript/transcript.schema.ts';
import { transcriptSchemaVersion } from '../transcript/transcript.schema.ts';
import type { EventElement, NoteElement, TranscriptBlock, TranscriptText, TurnElement } from './transcript-nodes.ts';

/**
 * The live document's blocks for a transcript: one turn block per turn, each note right after the
 * turn it follows (notes before the first turn come first), in the notes' own order. Children are in
 * Slate's normal form (an empty text on each side of an event chip, never an empty child list).
 */
export function transcriptToBlocks(transcript: Transcript): TranscriptBlock[] {
  const notesAfter = new Map<string | null, Note[]>();
  for (const note of transcript.notes) {
    notesAfter.set(note.afterTurnId, [...(notesAfter.get(note.afterTurnId) ?? []), note]);
  }
  const blocks: TranscriptBlock[] = (notesAfter.get(null) ?? []).map(noteToBlock);
  for (const turn of transcript.turns) {
    blocks.push(turnToBlock(turn));
    blocks.push(...(notesAfter.get(turn.id) ?? []).map(noteToBlock));
  }
  return blocks;
}

/**
 * The transcript the blocks describe. Inverse of transcriptToBlocks for any transcript whose notes are
 * listed in reading order. Tolerates what live editing produces: leaves split or merged anywhere,
 * missing empty texts around events, a speaker id the roster no longer has (the turn becomes
 * unattributed rather than invalid) and empty notes (dropped: they carry nothing). It does not check
 * id uniqueness; the server's normalization keeps ids unique in the live document.
 */
export function blocksToTranscript(blocks: readonly TranscriptBlock[], speakers: readonly Speaker[], metadata: TranscriptMetadata): Transcript {
  const speakerIds = new Set(speakers.map((speaker) => speaker.id));
  const turns: Turn[] = [];
  const notes: Note[] = [];
  for (const block of blocks) {
    if (block.type === 'turn') {
      const speakerId = block.speakerId != null && speakerIds.has(block.speakerId) ? block.speakerId : null;
      turns.push({ id: block.id, speakerId, start: block.start ?? null, end: block.end ?? null, content: blockContent(block) });
    } else if (block.type === 'note') {
      const text = block.children.map((leaf) => leaf.text ?? '').join('');
      if (text !== '') notes.push({ id: block.id, afterTurnId: turns.at(-1)?.id ?? null, text });
    }
  }
  return { schema: transcriptSchemaVersion, metadata: { ...metadata }, speakers: speakers.map((speaker) => ({ ...speaker })), turns, notes };
}

function turnToBlock(turn: Turn): TurnElement {
  const children: TurnElement['children'] = [];
  for (const segment of turn.content) {
    if (segment.type === 'event') {
      // Slate keeps a text node on each side of an inline; merging with a neighbour text is fine.
      if (!isText(children.at(-1))) children.push({ text: '' });
      children.push(eventChip(segment.label, segment.raw), { text: '' });
    } else {
      const leaf = segmentToLeaf(segment);
      const last = children.at(-1);
      if (isText(last) && last.text === '' && !last.uncertain) children[children.length - 1] = leaf;
      else children.push(leaf);
    }
  }
  if (children.length === 0) children.push({ text: '' });
  return { type: 'turn', id: turn.id, speakerId: turn.speakerId, start: turn.start, end: turn.end, children };
}

function segmentToLeaf(segment: Exclude<Segment, { type: 'event' }>): TranscriptText {
  if (segment.type === 'text') return { text: segment.text };
  if (segment.text === '') return { text: segment.marker, uncertain: segment.marker, isMarkerOnly: true };
  return { text: segment.text, uncertain: segment.marker };
}

function eventChip(label: string, raw: string): EventElement {
  return { type: 'event', label, raw, children: [{ text: '' }] };
}

function noteToBlock(note: Note): NoteElement {
  return { type: 'note', id: note.id, children: [{ text: note.text }] };
}

function blockContent(block: TurnElement): Segment[] {
  const content: Segment[] = [];
  for (const child of block.children) {
    if ('type' in child && child.type === 'event') {
      if (child.label && child.raw) content.push({ type: 'event', label: child.label, raw: child.raw });
    } else if (isText(child)) {
      content.push(...leafToSegments(child));
    }
  }
  return normalizeContent(content);
}

function leafToSegments(leaf: TranscriptText): Segment[] {
  if (!leaf.uncertain) return [{ type: 'text', text: leaf.text }];
  // A marker-only leaf someone typed into now holds words: keep them rather than the bare marker.
  if (leaf.isMarkerOnly && leaf.text === leaf.uncertain) return [{ type: 'uncertain', text: '', marker: leaf.uncertain }];
  return leaf.text === '' ? [] : [{ type: 'uncertain', text: leaf.text, marker: leaf.uncertain }];
}

function isText(node: unknown): node is TranscriptText {
  return typeof node === 'object' && node !== null && typeof (node as { text?: unknown }).text === 'string' && !('type' in node);
}
