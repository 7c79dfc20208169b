import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasSeeds, readSeed } from '../formats/fixtures/read-fixture.ts';
import { parseTranscript } from '../formats/parse-transcript.ts';
import { serializeTranscriptJson } from '../formats/serialize-transcript-json.ts';
import { hashTranscript } from '../transcript/hash-transcript.ts';
import { canonicalTranscriptJson } from './canonical-transcript.ts';
import { verifyExport } from './verify-export.ts';
import { writeVerityJson } from './write-verity-json.ts';
import { buildFixture } from './transcript.fixture.ts';

describe('writeVerityJson', () => {
  it('writes the canonical transcript plus the SHA-256 of its canonical form', async () => {
    const transcript = buildFixture();
    const text = await writeVerityJson(transcript);
    const expectedHash = createHash('sha256').update(serializeTranscriptJson(transcript), 'utf8').digest('hex');
    expect(text).toBe(
      `${serializeTranscriptJson(transcript).slice(0, -3)},\n  "recordingSha256": null,\n  "integrity": {\n    "algorithm": "sha256",\n    "canonicalization": "verity-canonical-json/1",\n    "hash": "${expectedHash}"\n  }\n}\n`,
    );
    expect(expectedHash).toBe(await hashTranscript(transcript));
  });

  it('names the recording it was timed against, outside the hashed part', async () => {
    const recording = 'c'.repeat(64);
    const text = await writeVerityJson(buildFixture(), { recordingSha256: recording });
    const data = JSON.parse(text) as { recordingSha256: string | null; integrity: { hash: string } };
    expect(data.recordingSha256).toBe(recording);
    // The hash is the content hash whatever the recording: a version's hash does not move when a recording is named.
    expect(data.integrity.hash).toBe(await hashTranscript(buildFixture()));
    expect(JSON.parse(await writeVerityJson(buildFixture())).integrity.hash).toBe(data.integrity.hash);
    expect(await verifyExport(text)).toMatchObject({ isMatch: true });
    expect(parseTranscript(text)).toEqual(buildFixture());
    // Only a SHA-256 hex is written; anything else is null, never copied into the file.
    expect(JSON.parse(await writeVerityJson(buildFixture(), { recordingSha256: '"},"x":1' })).recordingSha256).toBeNull();
  });

  it('hashes the same whatever order the keys were built in', async () => {
    const transcript = buildFixture();
    const reordered = JSON.parse(JSON.stringify(transcript, Object.keys(transcript).reverse())) as typeof transcript;
    const shuffled = { notes: transcript.notes, turns: transcript.turns.map((turn) => ({ content: turn.content, end: turn.end, start: turn.start, speakerId: turn.speakerId, id: turn.id })), speakers: transcript.speakers, metadata: transcript.metadata, schema: transcript.schema };
    expect(canonicalTranscriptJson(shuffled as typeof transcript)).toBe(serializeTranscriptJson(transcript));
    expect(await writeVerityJson(shuffled as typeof transcript)).toBe(await writeVerityJson(transcript));
    expect(reordered).toBeDefined();
  });

  it('imports back losslessly and verifies', async () => {
    const text = await writeVerityJson(buildFixture());
    expect(parseTranscript(text)).toEqual(buildFixture());
    expect(await verifyExport(text)).toMatchObject({ isMatch: true });
    // Whitespace is not significant: a re-indented file still verifies.
    expect((await verifyExport(JSON.stringify(JSON.parse(text)))).isMatch).toBe(true);
  });

  it('reports a tampered file', async () => {
    const text = (await writeVerityJson(buildFixture())).replace('Yes.', 'No.');
    const result = await verifyExport(text);
    expect(result.isMatch).toBe(false);
    expect(result.computedHash).not.toBe(result.recordedHash);
  });

  it('refuses what it cannot verify', async () => {
    await expect(verifyExport('>> ANA: hello')).rejects.toThrow(/Only a Verity JSON export carries a verifiable hash/);
    await expect(verifyExport(serializeTranscriptJson(buildFixture()))).rejects.toThrow(/no "integrity" block/);
  });

  it.skipIf(!hasSeeds)('round-trips both seeds and verifies them', async () => {
    for (const name of ['000_4888b5e5729f2cf0.txt', '001_cf143e0f9569e927.txt']) {
      const original = parseTranscript(readSeed(name), { fileName: name });
      const text = await writeVerityJson(original);
      expect(parseTranscript(text)).toEqual(original);
      expect((await verifyExport(text)).isMatch).toBe(true);
      expect(await writeVerityJson(original)).toBe(text);
    }
  });
});
