import { describe, expect, it } from 'vitest';
import { anchorHits, applyReplacements, collectGlossaryTerms, findGlossaryHits, readSearchableBlocks, type ChangedEvent, type FindHit, type GlossaryHit } from '@verity/common';
import { listActivity } from '../history/list-activity.ts';
import { importTranscript } from '../imports/import-transcript.ts';
import { buildUser } from '../testing/factories.ts';
import { until } from '../testing/live-test-server.ts';
import { useLiveTestServer } from '../testing/use-live-test-server.ts';
import { attachGlossary, listTranscriptGlossaries } from './attach-glossaries.ts';
import { addGlossaryTerm } from './manage-glossary-terms.ts';
import { createGlossary } from './manage-glossaries.ts';

// The glossary over the real socket path with two people (issue 12).

const cart = ['>> MODERATOR: We reached know Cus on the GAC text.', '>> MANON: The GAC agreed.'].join('\n\n');
const live = useLiveTestServer();

const asFindHit = (hit: GlossaryHit): FindHit => ({ blockId: hit.turnId, blockIndex: hit.blockIndex, kind: 'turn', speakerId: null, start: hit.start, end: hit.end, match: hit.text, replacement: hit.fix, before: '', after: '', occurrence: hit.occurrence });

describe('the glossary through the live document', () => {
  it('an attached list reaches the other reviewer live; a fix-all is one attributed change both copies show', async () => {
    const [alice, bob] = await Promise.all(['Alice', 'Bob'].map((displayName) => buildUser(live.db.prisma, { displayName })));
    const transcript = await importTranscript(live.db.prisma, { bytes: new TextEncoder().encode(cart), fileName: 'panel.txt', format: 'cart', ownerId: alice!.id });
    await live.db.prisma.membership.create({ data: { transcriptId: transcript.id, userId: bob!.id, role: 'reviewer' } });
    const [a, b] = [await live.server.join(alice!.id, transcript.id), await live.server.join(bob!.id, transcript.id)];
    const heard: ChangedEvent[] = [];
    b.socket.on('changed', (event) => heard.push(event));

    const list = await createGlossary({ prisma: live.db.prisma, userId: alice!.id, name: 'IGF' });
    await attachGlossary({ prisma: live.db.prisma, transcriptId: transcript.id, userId: alice!.id, glossaryId: list.id });
    await until(() => heard.some((event) => event.topics.includes('glossary')), 'the glossary topic on attach');
    heard.length = 0;
    await addGlossaryTerm({ prisma: live.db.prisma, userId: alice!.id, glossaryId: list.id, term: { term: 'GFCE', misrecognitions: ['GAC'], note: '' } });
    await addGlossaryTerm({ prisma: live.db.prisma, userId: alice!.id, glossaryId: list.id, term: { term: 'consensus', misrecognitions: ['know Cus'], note: '' } });
    await until(() => heard.filter((event) => event.topics.includes('glossary')).length === 2, 'the glossary topic on each term');

    // What Bob's panel does on that event: re-read the lists, match them against his live copy.
    const lists = await listTranscriptGlossaries({ prisma: live.db.prisma, transcriptId: transcript.id, userId: bob!.id });
    const hitsOn = (doc: typeof b.doc) => findGlossaryHits(readSearchableBlocks(doc), collectGlossaryTerms(b.transcript.speakers, lists)).hits;
    expect(hitsOn(b.doc).map((hit) => hit.label)).toEqual(['know Cus → consensus', 'GAC → GFCE', 'GAC → GFCE']);

    // Alice's "Fix all 2" for GFCE: one transaction through her own copy.
    const gacs = hitsOn(a.doc).filter((hit) => hit.fix === 'GFCE');
    const { anchored } = anchorHits(a.doc, gacs.map(asFindHit));
    expect(applyReplacements(a.doc, anchored, { name: 'glossary-fix' })).toEqual({ replaced: 2, skipped: 0 });
    await a.settle();
    await until(async () => {
      await b.settle();
      return hitsOn(b.doc).length === 1;
    }, 'the fix on Bob’s copy');
    expect(readSearchableBlocks(b.doc).map((block) => block.text)).toEqual(['We reached know Cus on the GFCE text.', 'The GFCE agreed.']);
    expect(await live.db.prisma.documentUpdate.count({ where: { transcriptId: transcript.id, userId: alice!.id } })).toBe(1);
    const { entries } = await listActivity(live.db.prisma, { transcriptId: transcript.id });
    // History tells it as one change.
    expect(entries[0]!.summary).toBe('Alice replaced ‘GAC’ with ‘GFCE’, 2 times (turns 1, 2)');
  });
});
