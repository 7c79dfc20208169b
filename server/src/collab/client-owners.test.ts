import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClientOwners, maxClaimsPerUpdate, maxClaimsPerUserPerSession } from './client-owners.ts';
import { systemUserId } from './system-user.ts';

function seededDoc(): { doc: Y.Doc; seedClient: number } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'seed');
  return { doc, seedClient: doc.clientID };
}

describe('ClientOwners', () => {
  it('lets a user claim fresh ids, then only that user writes under them; the seed’s and issued ids are reserved', () => {
    const { doc, seedClient } = seededDoc();
    const owners = new ClientOwners(doc, new Map([[7, 'ada']]));
    expect(owners.check('ada', [7])).toEqual({ ok: true, claims: [] });
    expect(owners.check('bea', [7])).toMatchObject({ ok: false, client: 7 });
    expect(owners.check('bea', [seedClient])).toMatchObject({ ok: false, message: expect.stringContaining('imported') });
    const claim = owners.check('bea', [8]);
    expect(claim).toEqual({ ok: true, claims: [8] });
    owners.commit('bea', [8]);
    expect(owners.check('ada', [8])).toMatchObject({ ok: false });
    const server = owners.issue(systemUserId);
    expect(owners.check('ada', [server])).toMatchObject({ ok: false });
    // Issued ids are recorded with the first row that uses them.
    expect(owners.check(systemUserId, [server])).toEqual({ ok: true, claims: [server] });
  });

  it('keeps presence ids for whoever presented under them', () => {
    const { doc } = seededDoc();
    const owners = new ClientOwners(doc, new Map(), (client) => (client === 9 ? 'ada' : undefined));
    expect(owners.check('bea', [9])).toMatchObject({ ok: false, message: expect.stringContaining('cursor') });
    expect(owners.check('ada', [9])).toEqual({ ok: true, claims: [9] });
  });

  it('bounds new ids per update and per user, so nobody can mint rows without end', () => {
    const { doc } = seededDoc();
    const owners = new ClientOwners(doc, new Map());
    const many = Array.from({ length: maxClaimsPerUpdate + 1 }, (_, k) => 100 + k);
    expect(owners.check('ada', many)).toMatchObject({ ok: false, message: expect.stringContaining('at most') });
    for (let k = 0; k < maxClaimsPerUserPerSession; k++) owners.commit('ada', [1_000 + k]);
    expect(owners.check('ada', [5])).toMatchObject({ ok: false, message: expect.stringContaining('per session') });
    expect(owners.check('bea', [5])).toEqual({ ok: true, claims: [5] });
  });
});
