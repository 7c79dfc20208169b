/** The bytes a Range header asks for, inclusive; `null` means "send the whole file" (no or unusable header). */
export type ByteRange = { start: number; end: number };

/**
 * Reads a `Range: bytes=…` header for a file of `size` bytes (RFC 9110 §14.1.2): one range, in any of the
 * forms `a-b`, `a-` and `-n` (the last n bytes); an end past the file is cut to it. A header in another
 * unit or that does not parse is ignored (whole file, as the RFC allows); a range no byte satisfies, or
 * several ranges (browsers never ask for those; answering them is a way to make us send a file many
 * times over), is `'unsatisfiable'` (416).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (header === undefined) return null;
  const match = /^bytes=(.*)$/i.exec(header.trim());
  if (!match) return null;
  const specs = match[1]!.split(',').map((spec) => spec.trim());
  if (specs.length !== 1) return 'unsatisfiable';
  const spec = /^(\d{0,16})-(\d{0,16})$/.exec(specs[0]!);
  if (!spec || (spec[1] === '' && spec[2] === '')) return null;
  if (spec[1] === '') {
    const suffix = Number(spec[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(spec[1]);
  if (start >= size) return 'unsatisfiable';
  const end = spec[2] === '' ? size - 1 : Number(spec[2]);
  if (end < start) return null;
  return { start, end: Math.min(end, size - 1) };
}
