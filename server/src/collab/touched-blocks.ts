import * as Y from 'yjs';

/** What transactions did to the blocks since the last `take()`. */
export interface BlockChanges {
  /** Blocks inserted, or whose attributes changed (text edits alone are not listed). */
  touched: Set<Y.XmlText>;
  /** Blocks deleted. */
  removed: Set<Y.XmlText>;
  /** The speaker roster changed. */
  isRosterChanged: boolean;
  /** The content's own sequence changed (blocks inserted or deleted, or stray content). */
  isContentChanged: boolean;
}

/** A running record of block changes; `take()` hands over what accumulated and starts afresh. */
export interface TouchedBlocks {
  take(): BlockChanges;
  /** True when something was recorded since the last take(). */
  readonly hasChanges: boolean;
}

/**
 * Records, after each transaction on `doc`, the blocks it inserted, deleted or changed attributes of.
 * Runs on 'afterTransaction', before Yjs garbage-collects deleted items (a deleted block's item still
 * says it held a block) and merges structs. Costs what the transaction did: its new structs (from
 * beforeState to afterState), its delete set and its changed types, never a walk of the document.
 */
export function recordTouchedBlocks(doc: Y.Doc, content: Y.XmlText, speakers: Y.Map<unknown>): TouchedBlocks {
  let changes = emptyChanges();
  const blockOf = (struct: Y.AbstractStruct): Y.XmlText | null =>
    struct instanceof Y.Item && struct.parent === content && struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlText
      ? struct.content.type
      : null;
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) {
      // Compared as plain objects: Yjs types its changed map with the abstract base type.
      const changed: unknown = type;
      if (changed === content) changes.isContentChanged = true;
      else if (changed === speakers) changes.isRosterChanged = true;
      else if (type instanceof Y.XmlText && type._item?.parent === content && hasAttributeKey(keys)) changes.touched.add(type);
    }
    for (const [client, afterClock] of transaction.afterState) {
      const beforeClock = transaction.beforeState.get(client) ?? 0;
      if (afterClock <= beforeClock) continue;
      const structs = doc.store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structs, beforeClock); i < structs.length && structs[i]!.id.clock < afterClock; i++) {
        const block = blockOf(structs[i]!);
        if (block) changes.touched.add(block);
      }
    }
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      const block = blockOf(struct);
      if (block) changes.removed.add(block);
    });
  });
  return {
    get hasChanges() {
      return changes.touched.size > 0 || changes.removed.size > 0 || changes.isRosterChanged || changes.isContentChanged;
    },
    take() {
      const taken = changes;
      changes = emptyChanges();
      return taken;
    },
  };
}

function hasAttributeKey(keys: Set<string | null>): boolean {
  for (const key of keys) if (key !== null) return true;
  return false;
}

function emptyChanges(): BlockChanges {
  return { touched: new Set(), removed: new Set(), isRosterChanged: false, isContentChanged: false };
}
