import { describe, expect, it } from 'vitest';
import { listOpenItems, setTurnSpeakerInDoc, suggestTurnSpeakers, type ChangedEvent } from '@verity/common';
import { listActivity } from '../history/list-activity.ts';
import { importTranscript } from '../imports/import-transcript.ts';
import { buildUser } from '../testing/factories.ts';
import { until } from '../testing/live-test-server.ts';
import { useLiveTestServer } from '../testing/use-live-test-server.ts';
import { listQueueState } from './list-queue-state.ts';
import { recordResolution } from './record-resolution.ts';

// The review queue over the real socket path with two people (issue 12).

const cart = ['>> MODERATOR: Welcome. Catherine, would you like to start?', '>> Thank you. I will be brief.', '>> CATHERINE SMITH: As I said.'].join('\n\n');
const live = useLiveTestServer();

describe('the review queue through the live document', () => {
  it('a suggested speaker applied by one reviewer is her attributed edit; the other sees the item go and the record arrive', async () => {
    const [alice, bob] = await Promise.all(['Alice', 'Bob'].map((displayName) => buildUser(live.db.prisma, { displayName })));
    const transcript = await importTranscript(live.db.prisma, { bytes: new TextEncoder().encode(cart), fileName: 'panel.txt', format: 'cart', ownerId: alice!.id });
    await live.db.prisma.membership.create({ data: { transcriptId: transcript.id, userId: bob!.id, role: 'editor' } });
    const [a, b] = [await live.server.join(alice!.id, transcript.id), await live.server.join(bob!.id, transcript.id)];
    const heard: ChangedEvent[] = [];
    b.socket.on('changed', (event) => heard.push(event));

    const [suggestion] = suggestTurnSpeakers(a.transcript);
    const turn = a.transcript.turns[1]!;
    expect(suggestion).toMatchObject({ turnId: turn.id, name: 'Catherine Smith', source: 'hand-off', evidence: 'Catherine, would you like to start?' });
    const item = listOpenItems(b.transcript).find((entry) => entry.kind === 'unattributed')!;
    expect(item.turnId).toBe(turn.id);

    // What the queue's Apply does: the speaker through Alice's own copy, then the record.
    setTurnSpeakerInDoc(a.doc, turn.id, suggestion!.speakerId, { name: 'review-queue' });
    await a.settle();
    await recordResolution(live.db.prisma, { transcriptId: transcript.id, actorId: alice!.id, request: { itemKey: item.key, kind: 'unattributed', action: 'speakerApplied', label: 'Turn 2 → Catherine Smith (hand-off)' } });

    await until(async () => {
      await b.settle();
      return b.transcript.turns[1]!.speakerId === suggestion!.speakerId;
    }, 'the speaker on Bob’s copy');
    expect(listOpenItems(b.transcript).some((entry) => entry.key === item.key)).toBe(false);
    await until(() => heard.some((event) => event.topics.includes('queue')), 'the queue topic');
    const state = await listQueueState(live.db.prisma, { transcriptId: transcript.id });
    expect(state.resolutions.map((entry) => `${entry.by.displayName}: ${entry.label}`)).toEqual(['Alice: Turn 2 → Catherine Smith (hand-off)']);
    expect(await live.db.prisma.documentUpdate.count({ where: { transcriptId: transcript.id, userId: alice!.id } })).toBe(1);
    const { entries } = await listActivity(live.db.prisma, { transcriptId: transcript.id });
    expect(entries[0]!.summary).toBe('Alice reassigned turn 2 from Unattributed to CATHERINE SMITH');
  });
});
