import * as Y from 'yjs';
import {
  contentKey,
  elementAttributes,
  markAttributes,
  metadataKey,
  requiredAttributes,
  speakerSchema,
  speakersKey,
  transcriptMetadataSchema,
  type ElementKind,
} from '@verity/common';
import type { DecodedUpdate, UpdateStruct } from './decoded-update.ts';

/** Where an item goes: a root type by name, or a nested type (named by the item that holds it). */
type Place = { root: string; typeItem?: undefined; sub: string | null } | { root?: undefined; typeItem: Y.Item; sub: string | null };
/** Resolution of an item's place: `gc` means Yjs will integrate it as garbage (harmless). */
type Resolved = Place | 'gc' | { missing: string };

const strictSpeaker = speakerSchema.strict();
const metadataFields = transcriptMetadataSchema.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;

/** Thrown inside the check; becomes the refusal message. */
class LayoutViolation extends Error {}

/**
 * Why applying `update` to `doc` would leave the transcript layout (transcript-nodes.ts), or null when
 * it would not. It looks only at what the update carries and at the few document items those structs
 * name (their parent, origins, the attribute entries a deletion removes), so the cost is
 * O(update · log document), never a walk of the document. Checked, in order:
 * - structs continue each client's history without gaps (no orphans the server would keep pending)
 *   and refer only to items that exist (here or earlier in the update);
 * - root `content` holds only blocks (a Y.XmlText each); blocks hold text, marks of the known kinds
 *   and (turns only) event chips; blocks and events carry only their known attributes, with valid
 *   values, and new ones carry the required ones; a block never changes kind;
 * - `speakers` entries are whole speakers filed under their own id; `metadata` keys are the known fields;
 * - no other root type is written; the delete set names only content that exists and never removes
 *   a block's or event's required attribute without setting a new value.
 * Content the update itself deletes is exempt (an editor's own transient steps within one transaction).
 */
export function checkUpdateLayout(doc: Y.Doc, update: DecodedUpdate): string | null {
  return runCheck(new LayoutCheck(doc, update, true));
}

/**
 * Only the first and last points of checkUpdateLayout, for documents of any shape (the session core's
 * default): no gaps, no references to missing content, no deletions of content the server lacks.
 */
export function checkUpdateIntegrity(doc: Y.Doc, update: DecodedUpdate): string | null {
  return runCheck(new LayoutCheck(doc, update, false));
}

function runCheck(check: LayoutCheck): string | null {
  try {
    check.run();
    return null;
  } catch (error) {
    if (error instanceof LayoutViolation) return error.message;
    throw error;
  }
}

class LayoutCheck {
  private readonly places = new Map<Y.Item, Resolved | 'pending'>();
  private readonly roles = new Map<Y.Item, ElementKind | null>();
  /** Attribute items the update sets, by the element (type item) they go on. */
  private readonly attributes = new Map<Y.Item, Map<string, Y.Item>>();
  private readonly content: Y.XmlText;
  /** Nesting of resolve calls: references across clients can chain; a hostile chain must not blow the stack. */
  private depth = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: DecodedUpdate,
    private readonly checksLayout: boolean,
  ) {
    this.content = doc.get(contentKey, Y.XmlText);
  }

  run(): void {
    if (this.update.problem) throw new LayoutViolation(this.update.problem);
    const fresh: Y.Item[] = [];
    for (const client of this.update.clients) {
      const state = Y.getState(this.doc.store, client);
      const structs = this.update.structsOf(client);
      const first = structs[0];
      if (first && first.id.clock > state) throw new LayoutViolation(`structs of client ${client} start at clock ${first.id.clock}, after the ${state} the server has`);
      for (const struct of structs) {
        if (struct instanceof Y.Skip) throw new LayoutViolation('the update has a gap (structs that depend on missing ones)');
        if (struct.id.clock + struct.length <= state || !(struct instanceof Y.Item)) continue;
        fresh.push(struct);
      }
    }
    for (const item of fresh) {
      const place = this.resolve(item);
      if (place === 'gc') continue;
      if ('missing' in place) throw new LayoutViolation(place.missing);
      if (place.sub !== null && place.typeItem) this.attributesOf(place.typeItem).set(place.sub, item);
    }
    if (this.checksLayout) for (const item of fresh) this.checkItem(item);
    this.checkDeletes();
  }

  /** The item's parent and key as Yjs will integrate it (origins decide when the parent is not written). */
  private resolve(item: Y.Item): Resolved {
    const known = this.places.get(item);
    if (known === 'pending') return { missing: 'the update refers to itself in a cycle' };
    if (known) return known;
    if (this.depth > 2_000) throw new LayoutViolation('the update’s references are nested too deeply');
    this.places.set(item, 'pending');
    this.depth++;
    try {
      const resolved = this.resolveUncached(item);
      this.places.set(item, resolved);
      return resolved;
    } finally {
      this.depth--;
    }
  }

  private resolveUncached(item: Y.Item): Resolved {
    const left = item.origin ? this.lookup(item.origin, item) : null;
    const right = item.rightOrigin ? this.lookup(item.rightOrigin, item) : null;
    if (left && 'missing' in left) return left;
    if (right && 'missing' in right) return right;
    if ((left && left.struct instanceof Y.GC) || (right && right.struct instanceof Y.GC)) return 'gc';
    if (item.parent === null) {
      const neighbour = (left?.struct ?? right?.struct) as Y.Item | undefined;
      if (!neighbour) return { missing: 'an item without parent or neighbours' };
      const place = this.placeOf(neighbour);
      if (left && right && place !== 'gc' && !('missing' in place)) {
        const other = this.placeOf(right.struct as Y.Item);
        if (other === 'gc' || 'missing' in other || other.root !== place.root || other.typeItem !== place.typeItem || other.sub !== place.sub) {
          return { missing: 'an item whose neighbours are in different places' };
        }
      }
      return place;
    }
    if (typeof item.parent === 'string') return { root: item.parent, sub: item.parentSub };
    const parent = this.lookup(item.parent as Y.ID, item);
    if ('missing' in parent) return parent;
    if (parent.struct instanceof Y.GC) return 'gc';
    const typeItem = parent.struct as Y.Item;
    // A deleted parent whose content the server already collected: Yjs integrates the item as garbage.
    if (typeItem.content instanceof Y.ContentDeleted) return 'gc';
    if (!(typeItem.content instanceof Y.ContentType) || typeItem.id.clock !== (item.parent as Y.ID).clock) {
      return { missing: 'an item whose parent is not a shared type' };
    }
    return { typeItem, sub: item.parentSub };
  }

  /** Place of an item already in the document, or one carried by the update. */
  private placeOf(item: Y.Item): Resolved {
    if (!(item.parent instanceof Y.AbstractType)) return this.resolve(item);
    const type = item.parent;
    if (type._item) return { typeItem: type._item, sub: item.parentSub };
    return { root: Y.findRootTypeKey(type), sub: item.parentSub };
  }

  /** Finds the struct holding `id`: in the document, else earlier in the update (never a later own clock). */
  private lookup(id: Y.ID, from: Y.Item): { struct: UpdateStruct } | { missing: string } {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const structs = this.doc.store.clients.get(id.client)!;
      return { struct: structs[Y.findIndexSS(structs, id.clock)]! };
    }
    const struct = id.client === from.id.client && id.clock >= from.id.clock ? undefined : this.update.find(id);
    if (!struct || struct instanceof Y.Skip) return { missing: `the update refers to content the server does not have (${id.client}:${id.clock})` };
    return { struct };
  }

  private attributesOf(typeItem: Y.Item): Map<string, Y.Item> {
    let map = this.attributes.get(typeItem);
    if (!map) this.attributes.set(typeItem, (map = new Map()));
    return map;
  }

  /** True when the item will not be visible: deleted by the update or inside something deleted. */
  private isGone(item: Y.Item, depth = 0): boolean {
    if (item.deleted || this.update.isDeletedByUpdate(item.id)) return true;
    if (depth > 8) return false;
    const place = this.placeOf(item);
    // Integrated as garbage (its parent is collected): so is everything inside it.
    if (place === 'gc') return true;
    return 'typeItem' in place && place.typeItem !== undefined && this.isGone(place.typeItem, depth + 1);
  }

  /** The element kind a shared type is (by where it sits and its `type` attribute), or null for none of ours. */
  private roleOf(typeItem: Y.Item): ElementKind | null {
    const known = this.roles.get(typeItem);
    if (known !== undefined) return known;
    this.roles.set(typeItem, null);
    let role: ElementKind | null = null;
    const content = typeItem.content;
    const place = this.placeOf(typeItem);
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlText && typeof place === 'object' && !('missing' in place) && place.sub === null) {
      const kind = this.kindOf(typeItem);
      if (place.root === contentKey && (kind === 'turn' || kind === 'note')) role = kind;
      else if (place.typeItem && kind === 'event' && this.roleOf(place.typeItem) === 'turn') role = 'event';
    }
    this.roles.set(typeItem, role);
    return role;
  }

  /** The `type` attribute the element has after the update. */
  private kindOf(typeItem: Y.Item): unknown {
    const set = this.attributes.get(typeItem)?.get('type');
    if (set) return contentValue(set);
    const type = (typeItem.content as Y.ContentType).type as Y.XmlText;
    return type.getAttribute('type');
  }

  private checkItem(item: Y.Item): void {
    if (this.isGone(item)) return;
    const place = this.resolve(item) as Place | 'gc';
    if (place === 'gc') return;
    const { content } = item;
    if (place.root !== undefined) return this.checkRootItem(item, place.root, place.sub);
    if (this.isGone(place.typeItem)) return;
    const role = this.roleOf(place.typeItem);
    if (role === null) throw new LayoutViolation('content inside something that is not a turn, note or event');
    if (place.sub !== null) {
      const check = elementAttributes[role][place.sub];
      if (!check) throw new LayoutViolation(`a ${role} has no attribute "${place.sub}"`);
      if (content instanceof Y.ContentDeleted) return;
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !check(content.arr[0])) {
        throw new LayoutViolation(`invalid value for the ${role}'s "${place.sub}"`);
      }
      if (place.sub === 'type') this.checkKindUnchanged(place.typeItem, role);
      return;
    }
    if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) {
      if (role === 'event' && content instanceof Y.ContentString) throw new LayoutViolation('an event chip holds no text');
      return;
    }
    if (content instanceof Y.ContentFormat) {
      const check = role === 'event' ? undefined : markAttributes[content.key];
      if (!check || !check(content.value)) throw new LayoutViolation(`invalid mark "${content.key}"`);
      return;
    }
    if (role === 'turn' && content instanceof Y.ContentType && content.type instanceof Y.XmlText) {
      if (this.roleOf(item) !== 'event') throw new LayoutViolation('a turn may only embed event chips');
      return this.checkRequired(item, 'event');
    }
    throw new LayoutViolation(`a ${role} cannot hold ${describe(content)}`);
  }

  private checkRootItem(item: Y.Item, root: string, sub: string | null): void {
    const { content } = item;
    if (root === contentKey) {
      if (sub !== null) throw new LayoutViolation('the document root has no attributes');
      if (content instanceof Y.ContentDeleted) return;
      if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.XmlText)) {
        throw new LayoutViolation(`the document root holds turns and notes only, not ${describe(content)}`);
      }
      const role = this.roleOf(item);
      if (role !== 'turn' && role !== 'note') throw new LayoutViolation('a block must be a turn or a note');
      return this.checkRequired(item, role);
    }
    if (root !== speakersKey && root !== metadataKey) throw new LayoutViolation(`unknown part "${root}" of the document`);
    if (sub === null) throw new LayoutViolation(`"${root}" is a map, not a list`);
    if (content instanceof Y.ContentDeleted) return;
    const value = content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined;
    if (root === speakersKey) {
      const parsed = value === undefined ? null : strictSpeaker.safeParse(value);
      if (!parsed?.success || parsed.data.id !== sub) throw new LayoutViolation(`speaker "${sub}" is not a speaker filed under its own id`);
      return;
    }
    const field = metadataFields[sub];
    if (!field) throw new LayoutViolation(`unknown metadata field "${sub}"`);
    if (value === undefined || !field.safeParse(value).success) throw new LayoutViolation(`invalid value for metadata "${sub}"`);
  }

  /** A new element needs its required attributes, set in the same update. */
  private checkRequired(typeItem: Y.Item, role: ElementKind): void {
    const set = this.attributes.get(typeItem);
    for (const key of requiredAttributes[role]) {
      const entry = set?.get(key);
      if (!entry || this.update.isDeletedByUpdate(entry.id)) throw new LayoutViolation(`a new ${role} needs "${key}"`);
    }
  }

  /** An existing block keeps its kind: a note turning into a turn (or back) would strand its content. */
  private checkKindUnchanged(typeItem: Y.Item, role: ElementKind): void {
    if (!(typeItem.parent instanceof Y.AbstractType)) return;
    const before = ((typeItem.content as Y.ContentType).type as Y.XmlText).getAttribute('type');
    if (before !== undefined && before !== role) throw new LayoutViolation(`a ${String(before)} cannot become a ${role}`);
  }

  /** Deletions must name existing content and leave every surviving element its required attributes. */
  private checkDeletes(): void {
    for (const [client, start, end] of this.update.deleteRanges()) {
      const state = Y.getState(this.doc.store, client);
      if (end > Math.max(state, this.update.endClock(client))) {
        throw new LayoutViolation(`the update deletes content the server does not have (client ${client})`);
      }
      const structs = this.doc.store.clients.get(client);
      if (!structs || start >= state) continue;
      for (let index = Y.findIndexSS(structs, start); index < structs.length && structs[index]!.id.clock < end; index++) {
        const struct = structs[index]!;
        if (this.checksLayout && struct instanceof Y.Item && !struct.deleted && struct.parentSub !== null) this.checkAttributeRemoval(struct);
      }
    }
  }

  private checkAttributeRemoval(entry: Y.Item): void {
    const type = entry.parent as Y.AbstractType<unknown>;
    const typeItem = type._item;
    const key = entry.parentSub!;
    if (!typeItem || typeItem.deleted || this.update.isDeletedByUpdate(typeItem.id) || type._map.get(key) !== entry) return;
    const role = this.roleOf(typeItem);
    if (!role || !requiredAttributes[role].includes(key)) return;
    const replacement = this.attributes.get(typeItem)?.get(key);
    if (!replacement || this.update.isDeletedByUpdate(replacement.id)) throw new LayoutViolation(`the update removes the ${role}'s "${key}"`);
  }
}

function contentValue(item: Y.Item): unknown {
  return item.content instanceof Y.ContentAny && item.content.arr.length === 1 ? item.content.arr[0] : undefined;
}

function describe(content: Y.Item['content']): string {
  if (content instanceof Y.ContentType) return `a ${content.type.constructor.name}`;
  return content.constructor.name.replace(/^Content/, '').toLowerCase() + ' content';
}
