// 1980-01-01 00:00:00, the earliest date a zip entry can carry: DOS date (year-1980)<<9 | month<<5 | day.
const fixedDosDate = (0 << 9) | (1 << 5) | 1;
const fixedDosTime = 0;

/**
 * Sets every entry's modification time in a zip file to 1980-01-01 00:00, in place. Zip writers stamp
 * entries with the current time; the dates sit outside the compressed data and its CRC, so rewriting
 * them keeps the archive valid and makes it reproducible.
 */
export function fixZipDates(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('Not a zip file: no end of central directory record.');
  const count = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  for (let index = 0; index < count; index++) {
    if (view.getUint32(entry, true) !== 0x02014b50) throw new Error('Corrupt zip central directory.');
    view.setUint16(entry + 12, fixedDosTime, true);
    view.setUint16(entry + 14, fixedDosDate, true);
    const local = view.getUint32(entry + 42, true);
    view.setUint16(local + 10, fixedDosTime, true);
    view.setUint16(local + 12, fixedDosDate, true);
    entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return zip;
}
