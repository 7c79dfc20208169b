// Two rows reused across calls (the function is synchronous): labels are compared thousands of times.
let rows = [new Int32Array(64), new Int32Array(64)];

/**
 * Levenshtein distance (insert, delete, substitute), two rows of memory. With a limit, any distance
 * above it is reported as limit + 1 and only the diagonal band the limit allows is computed, so
 * comparing two labels costs their length times the limit, not their lengths multiplied.
 */
export function measureEditDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0 || b.length === 0) return Math.min(a.length + b.length, limit + 1);
  const band = Math.min(limit, Math.max(a.length, b.length));
  const outside = band + 1;
  if ((rows[0] as Int32Array).length < b.length + 2) rows = [new Int32Array(2 * b.length + 2), new Int32Array(2 * b.length + 2)];
  let [previous, current] = rows as [Int32Array, Int32Array];
  for (let j = 0; j <= Math.min(b.length, band); j++) previous[j] = j;
  // Cells just outside the band read as "too far"; each row marks the one past its end for the next.
  previous[Math.min(b.length, band) + 1] = outside;
  for (let i = 1; i <= a.length; i++) {
    const letter = a.charCodeAt(i - 1);
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current[from - 1] = from === 1 ? Math.min(i, outside) : outside;
    let rowMinimum = current[from - 1] as number;
    for (let j = from; j <= to; j++) {
      const substitute = (previous[j - 1] as number) + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitute, outside);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    current[to + 1] = outside;
    // Row minima never decrease, so once one exceeds the limit the distance does too.
    if (rowMinimum > band) return limit + 1;
    [previous, current] = [current, previous];
  }
  const distance = previous[b.length] as number;
  return distance > band ? limit + 1 : distance;
}
