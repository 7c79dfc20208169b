import { AppError } from '../errors.ts';

const timestampPattern = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})$/;

/** Seconds for an SRT or WebVTT timestamp ("01:02:03,500", "02:03.500"), or null when malformed. */
export function parseCueTimestamp(value: string): number | null {
  const match = timestampPattern.exec(value);
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(fraction.padEnd(3, '0')) / 1000;
}

/** Start and end seconds of a "start --> end [settings]" line; throws 'malformed_file' naming the line. */
export function parseCueTiming(line: string, lineNumber: number): { start: number; end: number } {
  const match = /^(\S+)\s+-->\s+(\S+)(?:\s.*)?$/.exec(line.trim());
  const start = match?.[1] ? parseCueTimestamp(match[1]) : null;
  const end = match?.[2] ? parseCueTimestamp(match[2]) : null;
  if (start === null || end === null) {
    throw new AppError('malformed_file', `Line ${lineNumber}: "${line.trim().slice(0, 60)}" is not a cue timing like "00:00:01,000 --> 00:00:04,000".`);
  }
  if (end < start) throw new AppError('malformed_file', `Line ${lineNumber}: the cue ends before it starts.`);
  return { start, end };
}
