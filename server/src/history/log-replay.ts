import * as Y from 'yjs';
import {
  blocksToTranscript,
  contentKey,
  readTranscriptBlock,
  speakerSchema,
  speakersKey,
  transcriptMetadataSchema,
  type Speaker,
  type Turn,
} from '@verity/common';

/** One row of document_updates as history reads it; userId null is the server (normalization). */
export interface LogRow {
  seq: number;
  userId: string | null;
  createdAt: Date;
  update: Uint8Array;
}

/** What one row changed: turns by their Y type (before: as the row found it; null when new), roster keys. */
export interface RowEffect {
  turns: Map<Y.XmlText, { before: Turn | null; after: Turn | null }>;
  speakers: Map<string, { before: Speaker | null; after: Speaker | null }>;
}

const emptyMetadata = transcriptMetadataSchema.parse({});

/**
 * Replays the seed and the log into a fresh document, row by row, reporting which turns and roster
 * entries each row changed, and which user each Yjs client id belongs to: the stored owner
 * (yjs_client_owners, recorded by the live session when the id was first used); the seed's clients are
 * the import's (null); only for rows older than that record, the author of the row that introduced it.
 * Costs O(change) per row: only blocks a row touched are re-read.
 */
export class LogReplay {
  readonly doc = new Y.Doc();
  /** Yjs client id → user id (null: the import or the server). */
  readonly clientUsers = new Map<number, string | null>();
  private readonly root: Y.XmlText;
  private readonly turns = new Map<Y.XmlText, Turn>();
  private touched = new Set<Y.XmlText>();
  private order: Map<Y.XmlText, number> | null = null;
  private speakerChanges = new Map<string, { before: Speaker | null; after: Speaker | null }>();

  /** `tracksTurns: false` (blame) reports touched blocks without reading them: much cheaper per row. */
  constructor(
    seed: Uint8Array | null,
    private readonly options: { tracksTurns?: boolean; owners?: ReadonlyMap<number, string | null> } = {},
  ) {
    this.root = this.doc.get(contentKey, Y.XmlText);
    for (const [client, userId] of options.owners ?? []) this.clientUsers.set(client, userId);
    if (seed) {
      for (const client of Y.parseUpdateMeta(seed).to.keys()) if (!this.clientUsers.has(client)) this.clientUsers.set(client, null);
      Y.applyUpdate(this.doc, seed);
    }
    if (options.tracksTurns !== false) for (const block of this.blocks()) this.remember(block);
    this.root.observeDeep((events) => {
      for (const event of events) {
        if (event.target === this.root) {
          this.order = null;
          // changes.deleted comes back empty for embeds; a deletion makes us look for dead blocks instead.
          for (const op of event.delta) {
            if (op.insert instanceof Y.XmlText) this.touched.add(op.insert);
            else if (Array.isArray(op.insert)) for (const inserted of op.insert) if (inserted instanceof Y.XmlText) this.touched.add(inserted);
            if (op.delete) for (const block of this.turns.keys()) if (block._item?.deleted) this.touched.add(block);
          }
        } else {
          const block = this.blockOf(event.target);
          if (block) this.touched.add(block);
        }
      }
    });
    this.doc.getMap<unknown>(speakersKey).observe((event) => {
      for (const [key, change] of event.changes.keys) {
        const previous = this.speakerChanges.get(key);
        const before = previous ? previous.before : parseSpeaker(change.oldValue);
        this.speakerChanges.set(key, { before, after: parseSpeaker(event.target.get(key)) });
      }
    });
  }

  /** Applies one row and reports what it changed. */
  apply(row: Pick<LogRow, 'userId' | 'update'>): RowEffect {
    for (const client of Y.parseUpdateMeta(row.update).to.keys()) {
      if (!this.clientUsers.has(client)) this.clientUsers.set(client, row.userId);
    }
    this.touched = new Set();
    this.speakerChanges = new Map();
    Y.applyUpdate(this.doc, row.update);
    const turns = new Map<Y.XmlText, { before: Turn | null; after: Turn | null }>();
    if (this.options.tracksTurns === false) {
      for (const block of this.touched) turns.set(block, { before: null, after: null });
      return { turns, speakers: this.speakerChanges };
    }
    for (const block of this.touched) {
      const before = this.turns.get(block) ?? null;
      const after = block._item?.deleted ? null : this.readTurn(block);
      if (after) this.turns.set(block, after);
      else this.turns.delete(block);
      if (before || after) turns.set(block, { before, after });
    }
    return { turns, speakers: this.speakerChanges };
  }

  /** The turn a block holds now (as last read; read now when turns are not tracked), if it is a live turn. */
  turnOf(block: Y.XmlText): Turn | undefined {
    if (this.options.tracksTurns === false) return block._item?.deleted ? undefined : (this.readTurn(block) ?? undefined);
    return this.turns.get(block);
  }

  /** The document's blocks in reading order. */
  *blocks(): Generator<Y.XmlText> {
    for (let item = this.root._start; item !== null; item = item.right) {
      if (!item.deleted && item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) yield item.content.type;
    }
  }

  /**
   * Block → 1-based turn number in reading order now. Rebuilt only after blocks were added or removed,
   * so the returned map stays valid (and unchanged) as a picture of that moment.
   */
  turnOrder(): Map<Y.XmlText, number> {
    if (!this.order) {
      const order = new Map<Y.XmlText, number>();
      for (const block of this.blocks()) if (this.turns.has(block)) order.set(block, order.size + 1);
      this.order = order;
    }
    return this.order;
  }

  /** The roster now. */
  speakers(): Speaker[] {
    const speakers: Speaker[] = [];
    for (const value of this.doc.getMap<unknown>(speakersKey).values()) {
      const speaker = parseSpeaker(value);
      if (speaker) speakers.push(speaker);
    }
    return speakers;
  }

  destroy(): void {
    this.doc.destroy();
  }

  private blockOf(type: Y.AbstractType<unknown>): Y.XmlText | null {
    let current: Y.AbstractType<unknown> | null = type;
    while (current && current.parent !== this.root) current = current.parent as Y.AbstractType<unknown> | null;
    return current instanceof Y.XmlText ? current : null;
  }

  private remember(block: Y.XmlText): void {
    const turn = this.readTurn(block);
    if (turn) this.turns.set(block, turn);
  }

  /** The block as a Turn; speaker ids are kept whatever the roster says (the roster may be mid-change). */
  private readTurn(block: Y.XmlText): Turn | null {
    const element = readTranscriptBlock(block);
    if (element?.type !== 'turn') return null;
    const roster = element.speakerId ? [{ id: element.speakerId, label: '', displayName: '', role: null, affiliation: null, isGeneric: false }] : [];
    return blocksToTranscript([element], roster, emptyMetadata).turns[0] ?? null;
  }
}

function parseSpeaker(value: unknown): Speaker | null {
  const parsed = speakerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
