import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { contentKey, elementAttributes, markAttributes, metadataKey, speakerSchema, speakersKey, transcriptMetadataSchema, type ElementKind } from '@verity/common';

const strictSpeaker = speakerSchema.strict();
const metadataFields = transcriptMetadataSchema.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;

/**
 * Brings a stored document back inside the transcript layout (transcript-nodes.ts): for documents
 * stored before the server checked every update (check-update-layout.ts), which could brick a
 * transcript (a Y.Map where a turn belongs crashes the editor's @slate-yjs binding). One O(document)
 * pass, run when a live session loads, inside the caller's transaction; returns whether it changed
 * anything. It removes, never invents: stray root text and foreign embeds, unknown attributes, invalid
 * values (set to null where the attribute is optional), events without label, bad marks, unknown
 * metadata fields and malformed roster entries. A block whose kind is unknown becomes a turn; a
 * missing or invalid id gets a fresh one. Words in valid blocks are never touched.
 */
export function repairTranscriptLayout(doc: Y.Doc): boolean {
  let changed = false;
  const root = doc.get(contentKey, Y.XmlText);
  changed = removeForeign(root, (insert) => insert instanceof Y.XmlText) || changed;
  for (const op of root.toDelta() as { insert: Y.XmlText }[]) changed = repairBlock(op.insert) || changed;
  const metadata = doc.getMap<unknown>(metadataKey);
  for (const [key, value] of [...metadata.entries()]) {
    if (!metadataFields[key]?.safeParse(value).success) {
      metadata.delete(key);
      changed = true;
    }
  }
  const speakers = doc.getMap<unknown>(speakersKey);
  for (const [key, value] of [...speakers.entries()]) {
    const parsed = strictSpeaker.safeParse(value);
    if (!parsed.success || parsed.data.id !== key) {
      speakers.delete(key);
      changed = true;
    }
  }
  return changed;
}

function repairBlock(block: Y.XmlText): boolean {
  let changed = false;
  let kind = block.getAttribute('type') as unknown;
  if (kind !== 'turn' && kind !== 'note') {
    block.setAttribute('type', 'turn');
    kind = 'turn';
    changed = true;
  }
  changed = repairAttributes(block, kind as ElementKind) || changed;
  if (!elementAttributes[kind as ElementKind].id!(block.getAttribute('id'))) {
    block.setAttribute('id', randomUUID());
    changed = true;
  }
  const isEvent = (insert: unknown) => kind === 'turn' && insert instanceof Y.XmlText && isValidEvent(insert);
  changed = removeForeign(block, (insert) => typeof insert === 'string' || isEvent(insert)) || changed;
  for (const op of block.toDelta() as { insert: unknown }[]) {
    if (op.insert instanceof Y.XmlText) changed = repairAttributes(op.insert, 'event') || changed;
  }
  return removeBadMarks(block) || changed;
}

/** Unknown attributes go; invalid values become null (required ones are the caller's). */
function repairAttributes(element: Y.XmlText, kind: ElementKind): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
    const check = elementAttributes[kind][key];
    if (!check) {
      element.removeAttribute(key);
      changed = true;
    } else if (!check(value) && key !== 'type' && key !== 'id') {
      element.setAttribute(key, null as never);
      changed = true;
    }
  }
  return changed;
}

function isValidEvent(chip: Y.XmlText): boolean {
  const attributes = chip.getAttributes() as Record<string, unknown>;
  return chip.length === 0 && Object.entries(elementAttributes.event).every(([key, check]) => check(attributes[key]));
}

/** Deletes every insert `keep` refuses, from the end so earlier offsets stay valid. */
function removeForeign(text: Y.XmlText, keep: (insert: unknown) => boolean): boolean {
  const doomed: [number, number][] = [];
  let offset = 0;
  for (const op of text.toDelta() as { insert: unknown }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (!keep(op.insert)) doomed.push([offset, length]);
    offset += length;
  }
  for (const [index, length] of doomed.reverse()) text.delete(index, length);
  return doomed.length > 0;
}

function removeBadMarks(block: Y.XmlText): boolean {
  let changed = false;
  let offset = 0;
  for (const op of block.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      if (!markAttributes[key]?.(value)) {
        block.format(offset, length, { [key]: null });
        changed = true;
      }
    }
    offset += length;
  }
  return changed;
}
