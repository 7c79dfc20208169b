import * as Y from 'yjs';

/** One struct of a decoded update (Skip marks a gap: what follows it depends on something missing). */
export type UpdateStruct = Y.Item | Y.GC | Y.Skip;

/**
 * A Yjs v1 update decoded once and indexed for the checks that run before it may be stored: structs by
 * client in clock order (lookup by id in O(log n)) and the delete set as sorted ranges. Decoding is
 * O(size of the update); nothing here looks at a document.
 */
export class DecodedUpdate {
  readonly structs: UpdateStruct[];
  /** Set when the encoding itself is unacceptable (a client listed twice: Yjs would keep only one). */
  readonly problem: string | null = null;
  private readonly byClient = new Map<number, UpdateStruct[]>();
  private readonly deletes = new Map<number, [start: number, end: number][]>();

  /** Throws on bytes that are not a decodable update (protocol.ts has already checked that). */
  constructor(update: Uint8Array) {
    const { structs, ds } = Y.decodeUpdate(update);
    this.structs = structs;
    let previousClient: number | null = null;
    for (const struct of structs) {
      const { client } = struct.id;
      let list = this.byClient.get(client);
      if (client !== previousClient && list) this.problem = `client ${client} appears twice in the update`;
      if (!list) this.byClient.set(client, (list = []));
      list.push(struct);
      previousClient = client;
    }
    for (const [client, items] of ds.clients) {
      const sorted = items.map((item): [number, number] => [item.clock, item.clock + item.len]).sort((a, b) => a[0] - b[0]);
      // Merged, so the ranges are disjoint and binary search works even on a hand-made delete set.
      const ranges: [number, number][] = [];
      for (const range of sorted) {
        const last = ranges.at(-1);
        if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
        else ranges.push(range);
      }
      this.deletes.set(client, ranges);
    }
  }

  /** The client ids whose structs the update carries. */
  get clients(): IterableIterator<number> {
    return this.byClient.keys();
  }

  /** Structs of one client, in clock order. */
  structsOf(client: number): readonly UpdateStruct[] {
    return this.byClient.get(client) ?? [];
  }

  /** The struct holding `id` (a struct covers `length` clocks), if the update carries it. */
  find(id: Y.ID): UpdateStruct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return undefined;
  }

  /** The clock after the update's last struct for `client` (0 when it has none). */
  endClock(client: number): number {
    const last = this.byClient.get(client)?.at(-1);
    return last ? last.id.clock + last.length : 0;
  }

  /** True when the update's own delete set covers `id` (binary search: a hostile delete set may be long). */
  isDeletedByUpdate(id: Y.ID): boolean {
    const ranges = this.deletes.get(id.client);
    if (!ranges) return false;
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = ranges[middle]!;
      if (id.clock < start) high = middle - 1;
      else if (id.clock >= end) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** The delete set as (client, start, end) ranges. */
  *deleteRanges(): Generator<[client: number, start: number, end: number]> {
    for (const [client, ranges] of this.deletes) for (const [start, end] of ranges) yield [client, start, end];
  }
}
