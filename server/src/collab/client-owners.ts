import { randomInt } from 'node:crypto';
import * as Y from 'yjs';

/**
 * Bounds on new client ids: an honest editor uses one per page load (a few if it carries edits over
 * from an earlier copy); each claim is a durable row, so a client minting ids must not grow the table.
 */
export const maxClaimsPerUpdate = 8;
export const maxClaimsPerUserPerSession = 1_000;

/** The outcome of checking an update's client ids against their owners. */
export type ClientClaim = { ok: true; claims: number[] } | { ok: false; client: number; message: string };

/**
 * Which user each Yjs client id of one transcript belongs to: the server's memory of the durable
 * `yjs_client_owners` rows, plus ids handed out but not yet recorded. Every struct carries the client
 * id that made it and blame credits that id's owner, so writing under someone else's id would forge
 * their words. A client id already in the document with no owner is the seed's (the import): reserved.
 */
export class ClientOwners {
  private readonly unrecorded = new Set<number>();
  private readonly claimsByUser = new Map<string, number>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly owners: Map<number, string>,
    /**
     * Who presented under a client id (awareness) before any edit used it: the id is theirs to claim.
     * A forger learns a victim's id from their cursor; this closes the window before the victim's first edit.
     */
    private readonly presenterOf: (client: number) => string | undefined = () => undefined,
  ) {}

  /**
   * May `userId` write structs under `clients`? Lists the ids this write is the first to use (record
   * them with its row, then call `commit`). O(number of clients in the update).
   */
  check(userId: string, clients: Iterable<number>): ClientClaim {
    const claims: number[] = [];
    for (const client of clients) {
      const owner = this.owners.get(client);
      if (owner === undefined) {
        if (Y.getState(this.doc.store, client) > 0) return { ok: false, client, message: `client id ${client} belongs to the imported text` };
        const presenter = this.presenterOf(client);
        if (presenter !== undefined && presenter !== userId) return { ok: false, client, message: `client id ${client} is another user's cursor` };
        claims.push(client);
        if (claims.length > maxClaimsPerUpdate) return { ok: false, client, message: `an update may introduce at most ${maxClaimsPerUpdate} new client ids` };
      } else if (owner !== userId) {
        return { ok: false, client, message: `client id ${client} belongs to another user` };
      } else if (this.unrecorded.has(client)) {
        claims.push(client);
      }
    }
    const total = (this.claimsByUser.get(userId) ?? 0) + claims.filter((client) => !this.unrecorded.has(client)).length;
    if (total > maxClaimsPerUserPerSession) return { ok: false, client: claims[0]!, message: `a user may introduce at most ${maxClaimsPerUserPerSession} client ids per session` };
    return { ok: true, claims };
  }

  /** The claims are stored: the ids are `userId`'s from now on. */
  commit(userId: string, claims: readonly number[]): void {
    const fresh = claims.filter((client) => !this.unrecorded.has(client)).length;
    if (fresh > 0) this.claimsByUser.set(userId, (this.claimsByUser.get(userId) ?? 0) + fresh);
    for (const client of claims) {
      this.owners.set(client, userId);
      this.unrecorded.delete(client);
    }
  }

  /**
   * A client id nobody has used in this transcript, owned by `userId` at once (so nobody else can take
   * it) and recorded with the first row that uses it. For the server's own document and drafts.
   */
  issue(userId: string): number {
    for (;;) {
      const client = randomInt(1, 2 ** 32);
      if (this.owners.has(client) || Y.getState(this.doc.store, client) > 0) continue;
      this.owners.set(client, userId);
      this.unrecorded.add(client);
      return client;
    }
  }

  /** Owner of a client id (userId or systemUserId), undefined for the seed's and unknown ids. */
  ownerOf(client: number): string | undefined {
    return this.owners.get(client);
  }
}
