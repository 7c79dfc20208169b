import { readZipEntries as unzip } from '../testing/read-zip-entries.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeDocx } from './write-docx.ts';
import { buildFixture } from './transcript.fixture.ts';


const options = { version: 3, approvedBy: 'Ana Lopez', approvedAt: '2024-05-03T09:00:00Z', hash: 'ab'.repeat(32) };

describe('writeDocx', () => {
  afterEach(() => vi.useRealTimers());

  it('holds the title block, bold speaker names, italic events, highlighted uncertain spans and notes', async () => {
    const document = unzip(await writeDocx(buildFixture(), options)).get('word/document.xml') ?? '';
    const text = document.replace(/<[^>]+>/g, '');
    for (const expected of ['Plenary – Day 2', 'Verity Forum 2024', 'Room A, Geneva', '2024-05-02', 'Version: 3', 'Approved by: Ana Lopez', `SHA-256: ${'ab'.repeat(32)}`, 'Moderator: Good morning.\u00a0 Welcome to the co\u2011chair’s session.']) {
      expect(text).toContain(expected);
    }
    expect(document).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Ana Lopez: </w:t></w:r>');
    expect(document).toContain('<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">[\u00a0Laughter\u00a0]</w:t></w:r>');
    expect(document).toContain('<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">Kaspar(?)</w:t></w:r>');
    expect(document).toContain('<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">(The session resumed at 10:05.)</w:t></w:r>');
    expect(document).toContain('&lt;b&gt;');
  });

  it('begins each timed turn with [hh:mm:ss] when asked', async () => {
    const timed = unzip(await writeDocx(buildFixture(), { timecodes: true })).get('word/document.xml') ?? '';
    const plain = unzip(await writeDocx(buildFixture())).get('word/document.xml') ?? '';
    expect(timed).toContain('[00:00:04] ');
    expect(plain).not.toContain('[00:00:04]');
  });

  it('dates its core properties only with the approval time given', async () => {
    const core = unzip(await writeDocx(buildFixture(), options)).get('docProps/core.xml') ?? '';
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-03T09:00:00Z</dcterms:created>');
    expect(core).toContain('<dc:title>Plenary – Day 2</dc:title>');
    expect(unzip(await writeDocx(buildFixture())).get('docProps/core.xml')).not.toContain('dcterms:created');
  });

  it('is byte-identical when written at different times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2021-03-04T05:06:07Z'));
    const first = await writeDocx(buildFixture(), options);
    vi.setSystemTime(new Date('2030-10-11T12:13:14Z'));
    const second = await writeDocx(buildFixture(), options);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
