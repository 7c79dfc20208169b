/** A percentage of `durationMs` done, held below 100 until the work has really finished. */
export function percentDone(doneMs: number, durationMs: number): number {
  if (!(durationMs > 0) || !(doneMs > 0)) return 0;
  return Math.min(99, Math.floor((doneMs / durationMs) * 100));
}

/** The position in milliseconds one line of ffmpeg's `-progress` output reports, or null when it reports none. */
export function parseProgressLine(line: string): number | null {
  const [key, value] = line.trim().split('=', 2);
  if (value === undefined) return null;
  // ffmpeg 4.1 writes out_time_ms in microseconds (a known misnomer); out_time_us is the newer name.
  if (key === 'out_time_us' || key === 'out_time_ms') return /^\d+$/.test(value) ? Number(value) / 1000 : null;
  if (key === 'out_time') {
    const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
    return match ? ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 : null;
  }
  return null;
}

/**
 * Reads ffmpeg's `-progress` key=value stream in chunks (a line may be split across chunks) and reports
 * the percent of `durationMs` done whenever it moves forward.
 */
export function createProgressParser(durationMs: number, onPercent: (percent: number) => void): (chunk: Buffer | string) => void {
  let carry = '';
  let last = -1;
  return (chunk) => {
    const lines = (carry + chunk.toString()).split('\n');
    // Bounded: a stream without newlines cannot grow the carry without end.
    carry = (lines.pop() ?? '').slice(-256);
    for (const line of lines) {
      const ms = parseProgressLine(line);
      if (ms === null) continue;
      const percent = percentDone(ms, durationMs);
      if (percent > last) onPercent((last = percent));
    }
  };
}
