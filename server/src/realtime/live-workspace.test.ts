import { describe, expect, it } from 'vitest';
import { anchorHits, applyReplacements, findInTranscript, readSearchableBlocks, turnPlainText, type ChangedEvent } from '@verity/common';
import { listActivity } from '../history/list-activity.ts';
import { createVersion } from '../history/create-version.ts';
import { importTranscript } from '../imports/import-transcript.ts';
import { approveTranscript } from '../review/approve-transcript.ts';
import { submitForReview } from '../review/submit-for-review.ts';
import { buildUser } from '../testing/factories.ts';
import { settleAll, until, type LiveClient } from '../testing/live-test-server.ts';
import { useLiveTestServer } from '../testing/use-live-test-server.ts';
import { addMember } from '../transcripts/members.ts';

// The workspace's live tools over the real socket path with two people (issue 12).

const cart = [
  '>> PANELIST: Good morning everyone. The GAC met in Geneva, and the GAC agreed.',
  '>> MODERATOR: Thank you. We will now hear from the GAC floor.',
  '>> PANELIST: The next item is the budget.',
].join('\n\n');

const live = useLiveTestServer();

async function setUp() {
  const [alice, bob, carol] = await Promise.all(['Alice', 'Bob', 'Carol'].map((displayName) => buildUser(live.db.prisma, { displayName })));
  const transcript = await importTranscript(live.db.prisma, { bytes: new TextEncoder().encode(cart), fileName: 'plenary.txt', format: 'cart', ownerId: alice!.id });
  await live.db.prisma.membership.create({ data: { transcriptId: transcript.id, userId: bob!.id, role: 'editor' } });
  return { id: transcript.id, alice: alice!, bob: bob!, carol: carol! };
}

const texts = (client: LiveClient) => client.transcript.turns.map((turn) => turnPlainText(turn));
const replaceOrigin = { name: 'find-and-replace' };

describe('find & replace through the live document', () => {
  it('a replace-all while another editor types in the affected turns keeps both people’s work, stored and described as one change', async () => {
    const { id, alice, bob } = await setUp();
    const [a, b] = [await live.server.join(alice.id, id), await live.server.join(bob.id, id)];
    const found = findInTranscript(readSearchableBlocks(a.doc), { pattern: 'GAC', replacement: 'GFCE', isCaseSensitive: true, isWholeWord: true, isRegex: false });
    if (!found.ok) throw new Error(found.message);
    expect(found.hits).toHaveLength(3);
    const { anchored } = anchorHits(a.doc, found.hits);

    // Bob types in both affected turns before Alice's replace reaches him, and she applies hers before his arrive.
    b.block(0).insert(b.block(0).length, ' Indeed.');
    b.block(1).insert(0, 'Well. ');
    expect(applyReplacements(a.doc, anchored, replaceOrigin)).toEqual({ replaced: 3, skipped: 0 });
    await settleAll(a, b);

    const expected = ['Good morning everyone. The GFCE met in Geneva, and the GFCE agreed. Indeed.', 'Well. Thank you. We will now hear from the GFCE floor.', 'The next item is the budget.'];
    expect(texts(a)).toEqual(expected);
    expect(texts(b)).toEqual(expected);
    // Alice's replace is one stored update (one transaction), attributed to her.
    expect(await live.db.prisma.documentUpdate.count({ where: { transcriptId: id, userId: alice.id } })).toBe(1);

    const { entries } = await listActivity(live.db.prisma, { transcriptId: id });
    expect(entries.map((entry) => entry.summary)).toContain('Alice replaced ‘GAC’ with ‘GFCE’, 3 times (turns 1, 2)');
  });
});

describe('panels follow what the server knows', () => {
  it('sends everyone joined a typed `changed` event after a review step, a version and a member change', async () => {
    const { id, alice, bob, carol } = await setUp();
    const [a, b] = [await live.server.join(alice.id, id), await live.server.join(bob.id, id)];
    const heard: ChangedEvent[] = [];
    b.socket.on('changed', (event) => heard.push(event));
    const mine: ChangedEvent[] = [];
    a.socket.on('changed', (event) => mine.push(event));

    await submitForReview(live.db.prisma, { transcriptId: id, actorId: alice.id });
    await until(() => heard.length === 1, 'the review event');
    expect(heard[0]).toEqual({ transcriptId: id, topics: ['review'] });

    await createVersion({ prisma: live.db.prisma, liveSessions: live.server.liveSessions, transcriptId: id, kind: 'named', name: 'Checked', actorId: alice.id });
    await until(() => heard.length === 2, 'the versions event');
    expect(heard[1]!.topics).toEqual(['versions']);

    await addMember(live.db.prisma, { transcriptId: id, email: carol.email, role: 'viewer' });
    await until(() => heard.length === 3, 'the members event');
    expect(heard[2]!.topics).toEqual(['members']);
    await until(() => mine.length === 3, 'the owner hearing the same');

    // Approval (a version and a review step), then an edit that reopens the draft.
    await approveTranscript({ prisma: live.db.prisma, liveSessions: live.server.liveSessions, transcriptId: id, actorId: alice.id, waiverReason: 'checked' });
    await until(() => heard.length === 4, 'the approval event');
    expect(heard[3]!.topics).toEqual(['review', 'versions']);
    b.block(0).insert(0, 'So. ');
    await b.settle();
    await until(() => heard.some((event, index) => index > 3 && event.topics.includes('review')), 'the reopened draft');
    expect((await live.db.prisma.transcript.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
  });

  it('tells nobody outside the transcript', async () => {
    const first = await setUp();
    const other = await setUp();
    const outsider = await live.server.join(other.alice.id, other.id);
    const heard: ChangedEvent[] = [];
    outsider.socket.on('changed', (event) => heard.push(event));
    const insider = await live.server.join(first.alice.id, first.id);
    const insiderHeard: ChangedEvent[] = [];
    insider.socket.on('changed', (event) => insiderHeard.push(event));
    await submitForReview(live.db.prisma, { transcriptId: first.id, actorId: first.alice.id });
    await until(() => insiderHeard.length === 1, 'the insider event');
    expect(heard).toEqual([]);
  });
});
