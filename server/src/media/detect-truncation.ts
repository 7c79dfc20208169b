import fs from 'node:fs/promises';

/**
 * A WAV file whose header promises more audio than the file holds was cut short (ffmpeg plays what is
 * there without complaint). Other formats' truncation shows when they are probed or decoded.
 */
export async function isTruncatedWav(filePath: string): Promise<boolean> {
  const handle = await fs.open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(12);
    await handle.read(header, 0, 12, 0);
    if (header.toString('latin1', 0, 4) !== 'RIFF' || header.toString('latin1', 8, 12) !== 'WAVE') return false;
    // Walk the chunks (a bounded number: a WAV has a handful) to the data chunk and compare its declared size.
    let position = 12;
    for (let index = 0; index < 64 && position + 8 <= size; index += 1) {
      const chunk = Buffer.alloc(8);
      await handle.read(chunk, 0, 8, position);
      const id = chunk.toString('latin1', 0, 4);
      const length = chunk.readUInt32LE(4);
      // 0 and 0xFFFFFFFF are what streaming writers leave when they cannot seek back: no promise made.
      if (id === 'data') return length !== 0 && length !== 0xffffffff && position + 8 + length > size;
      position += 8 + length + (length % 2);
    }
    return position > size;
  } finally {
    await handle.close();
  }
}
