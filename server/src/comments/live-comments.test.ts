import { describe, expect, it } from 'vitest';
import { anchorBytesToBase64, createCommentAnchor, type ChangedEvent } from '@verity/common';
import { importTranscript } from '../imports/import-transcript.ts';
import { buildUser } from '../testing/factories.ts';
import { until, type LiveClient } from '../testing/live-test-server.ts';
import { useLiveTestServer } from '../testing/use-live-test-server.ts';
import { createComment } from './create-comment.ts';
import { listThreads } from './load-threads.ts';
import { resolveComment } from './resolve-comment.ts';

// Comments over the real socket path with two people (issue 12): anchors made from a client's own
// copy, concurrent edits merged by the server, and the `comments` topic reaching the other reviewer.

const live = useLiveTestServer();

async function setUp() {
  const [alice, bob] = await Promise.all(['Alice', 'Bob'].map((displayName) => buildUser(live.db.prisma, { displayName })));
  const cart = '>> PANELIST: The GAC met in Geneva.\n\n>> MODERATOR: Thank you.\n';
  const transcript = await importTranscript(live.db.prisma, { bytes: new TextEncoder().encode(cart), fileName: 'plenary.txt', format: 'cart', ownerId: alice!.id });
  await live.db.prisma.membership.create({ data: { transcriptId: transcript.id, userId: bob!.id, role: 'editor' } });
  const [a, b] = [await live.server.join(alice!.id, transcript.id), await live.server.join(bob!.id, transcript.id)];
  return { id: transcript.id, alice: alice!, bob: bob!, a, b };
}

/** An anchor on `words` of the first turn, made from the client's own copy of the document (as the editor does). */
function anchorIn(client: LiveClient, words: string) {
  const text = client.block(0).toString();
  const start = text.indexOf(words);
  const anchor = createCommentAnchor(client.doc, { blockId: client.block(0).getAttribute('id') as string, start, end: start + words.length })!;
  return { start: anchorBytesToBase64(anchor.start), end: anchorBytesToBase64(anchor.end) };
}

describe('comments through the live document', () => {
  it('anchor words one person just typed, follow both people’s concurrent edits, and reach the other person live', async () => {
    const { id, alice, bob, a, b } = await setUp();
    const heardByBob: ChangedEvent[] = [];
    b.socket.on('changed', (event) => heardByBob.push(event));
    const context = { prisma: live.db.prisma, liveSessions: live.server.liveSessions, transcriptId: id };

    // Alice types, and comments on her new words once the server has them.
    a.block(0).insert(a.block(0).toString().indexOf('met'), 'delegation ');
    await a.settle();
    const thread = await createComment({ ...context, actorId: alice.id, body: 'Which delegation?', anchor: anchorIn(a, 'GAC delegation met') });
    expect(thread.position?.text).toBe('GAC delegation met');
    await until(() => heardByBob.some((event) => event.topics.includes('comments')), 'the comments event');

    // Concurrently: Alice types before the words, Bob inside them; the server merges both.
    a.block(0).insert(0, 'Yesterday ');
    b.block(0).insert(b.block(0).toString().indexOf('met'), 'quietly ');
    await Promise.all([a.settle(), b.settle()]);
    await until(async () => (await listThreads(context))[0]?.position?.text === 'GAC delegation quietly met', 'the anchor after both edits');

    // Bob resolves it; Alice hears of it.
    const heardByAlice: ChangedEvent[] = [];
    a.socket.on('changed', (event) => heardByAlice.push(event));
    await resolveComment({ ...context, actorId: bob.id, role: 'editor', threadId: thread.id });
    await until(() => heardByAlice.some((event) => event.topics.includes('comments')), 'the resolve event');
    expect((await listThreads(context))[0]).toMatchObject({ resolvedBy: { id: bob.id }, position: { text: 'GAC delegation quietly met' } });
  });
});
