import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { contentKey, speakersKey } from '@verity/common';
import { recordTouchedBlocks, type BlockChanges, type TouchedBlocks } from './touched-blocks.ts';

/**
 * The server's structural cleanup of a live transcript, as a full pass over the document (clients never
 * repair structure, so two of them cannot race to apply the same fix twice). Idempotent, and it only
 * touches block attributes, never text, so it cannot move or lose anyone's words:
 * - every block has a string id, unique in the document: a split on a client copies the id into the
 *   new (second) block, which gets a fresh one; the first in reading order keeps it;
 * - every turn has `speakerId`, `start` and `end` keys, and a `speakerId` the roster no longer has
 *   (removed while someone relabelled a turn) becomes null, unattributed rather than dangling;
 * - the document is never left without a block (two people clearing it at once can remove both
 *   survivors): it gets one empty unattributed turn.
 * Empty notes are left alone: one is what a person sees right after creating a note, and deleting it
 * under their cursor would send their typing elsewhere; blocksToTranscript drops empty notes instead.
 */
export function normalizeTranscriptDoc(doc: Y.Doc): void {
  new BlockIndex(doc).repairAll();
}

const tracked = new WeakMap<Y.Doc, { index: BlockIndex; touched: TouchedBlocks }>();

/**
 * The same repairs as normalizeTranscriptDoc at the cost of what changed (LiveSession's `normalize`
 * hook, run after every accepted update): the first call on a document is the full pass and starts
 * recording which blocks each later transaction adds, removes or changes the attributes of; every
 * later call repairs only those, with an id index kept in step. Typing text touches no attribute, so
 * a keystroke costs nothing here. A roster change re-checks every turn's speaker (rare: speaker edits).
 */
export function normalizeTouchedBlocks(doc: Y.Doc): void {
  const state = tracked.get(doc);
  if (!state) {
    const index = new BlockIndex(doc);
    // Recording starts first: the full pass's own repairs are then re-checked once, finding nothing.
    tracked.set(doc, { index, touched: recordTouchedBlocks(doc, index.content, index.speakers) });
    index.repairAll();
    return;
  }
  state.index.repair(state.touched.take());
}

/** False when normalizeTouchedBlocks would change nothing: tracked, and no transaction touched a block since. */
normalizeTouchedBlocks.hasWork = (doc: Y.Doc): boolean => {
  const state = tracked.get(doc);
  return !state || state.touched.hasChanges;
};

/** Block ids in use (id → block, block → id); every live block is in it after a repair. */
class BlockIndex {
  readonly content: Y.XmlText;
  readonly speakers: Y.Map<unknown>;
  private readonly byId = new Map<string, Y.XmlText>();
  private readonly idOf = new Map<Y.XmlText, string>();

  constructor(doc: Y.Doc) {
    this.content = doc.get(contentKey, Y.XmlText);
    this.speakers = doc.getMap(speakersKey);
  }

  repairAll(): void {
    for (const block of liveBlocks(this.content)) this.repairBlock(block);
    this.ensureABlock();
  }

  repair(changes: BlockChanges): void {
    for (const block of changes.removed) this.forget(block);
    for (const block of changes.touched) if (isLive(block, this.content)) this.repairBlock(block);
    if (changes.isRosterChanged) {
      for (const block of liveBlocks(this.content)) if (block.getAttribute('type') === 'turn') normalizeTurn(block, this.speakers);
    }
    if (changes.isContentChanged) this.ensureABlock();
  }

  private repairBlock(block: Y.XmlText): void {
    const id = block.getAttribute('id') as unknown;
    const indexed = this.idOf.get(block);
    if (indexed !== undefined && indexed !== id) this.forget(block);
    if (typeof id !== 'string' || id === '') {
      this.assignFreshId(block);
    } else {
      const holder = this.byId.get(id);
      if (holder === undefined || holder === block) {
        this.remember(block, id);
      } else if (isBefore(holder, block)) {
        this.assignFreshId(block);
      } else {
        // The newcomer comes first in reading order, so it keeps the id and the other block yields.
        this.forget(holder);
        this.remember(block, id);
        this.assignFreshId(holder);
      }
    }
    if (block.getAttribute('type') === 'turn') normalizeTurn(block, this.speakers);
  }

  private ensureABlock(): void {
    if (this.idOf.size > 0) return;
    const turn = new Y.XmlText();
    this.content.insertEmbed(0, turn);
    for (const [key, value] of Object.entries({ type: 'turn', id: randomUUID(), speakerId: null, start: null, end: null })) turn.setAttribute(key, value);
    this.remember(turn, turn.getAttribute('id') as string);
  }

  private assignFreshId(block: Y.XmlText): void {
    const id = randomUUID();
    block.setAttribute('id', id);
    this.remember(block, id);
  }

  private remember(block: Y.XmlText, id: string): void {
    this.byId.set(id, block);
    this.idOf.set(block, id);
  }

  private forget(block: Y.XmlText): void {
    const id = this.idOf.get(block);
    if (id === undefined) return;
    this.idOf.delete(block);
    if (this.byId.get(id) === block) this.byId.delete(id);
  }
}

function normalizeTurn(turn: Y.XmlText, speakers: Y.Map<unknown>): void {
  const speakerId = turn.getAttribute('speakerId') as unknown;
  if (speakerId === undefined || (speakerId !== null && (typeof speakerId !== 'string' || !speakers.has(speakerId)))) {
    turn.setAttribute('speakerId', null);
  }
  for (const key of ['start', 'end']) {
    if (turn.getAttribute(key) === undefined) turn.setAttribute(key, null);
  }
}

/** The blocks (Y.XmlText embeds in the content) in reading order, walking items rather than building a delta. */
function* liveBlocks(content: Y.XmlText): Generator<Y.XmlText> {
  for (let item = content._start; item !== null; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) yield item.content.type;
  }
}

function isLive(block: Y.XmlText, content: Y.XmlText): boolean {
  return block._item !== null && !block._item.deleted && block._item.parent === content;
}

/** True when `a` comes before `b` in the content; walks left from b, so a split (copy right after) is one step. */
function isBefore(a: Y.XmlText, b: Y.XmlText): boolean {
  for (let item = b._item?.left ?? null; item !== null; item = item.left) {
    if (item === a._item) return true;
  }
  return false;
}
