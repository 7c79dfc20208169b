import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeDocx } from './write-docx.ts';
import { buildFixture } from './transcript.fixture.ts';

/** The text of every entry of a zip file, read from its central directory. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const entries = new Map<string, string>();
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < view.getUint16(end + 10, true); index++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    entries.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

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
