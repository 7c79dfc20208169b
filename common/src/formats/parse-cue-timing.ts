const timestampPattern = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})$/;

/** Start and end seconds of a cue, or why its timing line could not be read (a phrase for a warning). */
export type CueTimingResult = { start: number; end: number } | { failure: string };

/** Seconds for a lenient SRT or plain-text timestamp ("01:02:03,500", "2:03.5"), or null when malformed. */
export function parseCueTimestamp(value: string): number | null {
  const match = timestampPattern.exec(value);
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(fraction.padEnd(3, '0')) / 1000;
}

// Control and bidi-override characters from the file must not reach a terminal (CLI stderr) or reorder the
// preview's text; a backtick would end the quote early.
function isUnsafeInWarning(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x60 || code === 0x61c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** A piece of a line for a warning: cut short (a 1 MB line never becomes a 1 MB message) and made inert. */
export function quoteForWarning(text: string): string {
  let short = text.length > 40 ? text.slice(0, 40) : text;
  if (/[\ud800-\udbff]$/.test(short)) short = short.slice(0, -1);
  const inert = Array.from(short, (char) => (isUnsafeInWarning(char.charCodeAt(0)) ? '\uFFFD' : char)).join('');
  return `\`${inert}${short.length < text.length ? '…' : ''}\``;
}

function invalidTime(token: string, hint: string | null): { failure: string } {
  return { failure: `timing ${quoteForWarning(token)} is not a valid time${hint ? ` (${hint})` : ''}` };
}

/** SRT "start --> end [anything]": hours optional, comma or dot before 1–3 digits of fraction. */
export function parseSrtTiming(line: string): CueTimingResult {
  const arrow = line.indexOf('-->');
  const left = line.slice(0, arrow).trim();
  const right = line.slice(arrow + 3).trim();
  const space = right.search(/\s/);
  const endToken = space === -1 ? right : right.slice(0, space);
  const start = parseCueTimestamp(left);
  if (start === null) return left === '' ? { failure: `timing line ${quoteForWarning(line.trim())} has no start time` } : invalidTime(left, null);
  const end = parseCueTimestamp(endToken);
  if (end === null) return endToken === '' ? { failure: `timing line ${quoteForWarning(line.trim())} has no end time` } : invalidTime(endToken, null);
  return { start, end };
}

// WebVTT whitespace inside a line: tab, form feed, space (and CR, which the parser has already turned into LF).
const isVttWhitespace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\f' || char === '\r' || char === '\n';
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

function skipDigits(input: string, position: number): number {
  let end = position;
  while (isDigit(input[end])) end++;
  return end;
}

/**
 * The spec's "collect a WebVTT timestamp" at `position`: [hours:]mm:ss.ttt with exactly two-digit minutes
 * and seconds (at most 59) and exactly three fraction digits after a dot; a first field that is not two
 * digits, or above 59, is hours. A hint names the usual mistake when it fails.
 */
export function collectVttTimestamp(input: string, position: number): { seconds: number; end: number } | { hint: string | null } {
  if (!isDigit(input[position])) return { hint: null };
  let end = skipDigits(input, position);
  const firstField = input.slice(position, end);
  const isHours = firstField.length !== 2 || Number(firstField) > 59;
  let value1 = Number(firstField);
  if (input[end] !== ':') return { hint: null };
  let start = end + 1;
  end = skipDigits(input, start);
  if (end - start !== 2) return { hint: 'minutes and seconds need two digits each' };
  let value2 = Number(input.slice(start, end));
  let value3: number;
  if (isHours || input[end] === ':') {
    if (input[end] !== ':') return { hint: firstField.length === 2 ? 'minutes go up to 59' : 'minutes and seconds need two digits each' };
    start = end + 1;
    end = skipDigits(input, start);
    if (end - start !== 2) return { hint: 'minutes and seconds need two digits each' };
    value3 = Number(input.slice(start, end));
  } else {
    value3 = value2;
    value2 = value1;
    value1 = 0;
  }
  if (input[end] !== '.') return { hint: input[end] === ',' ? 'WebVTT needs a dot before the milliseconds, not a comma' : 'the milliseconds are missing' };
  start = end + 1;
  end = skipDigits(input, start);
  if (end - start !== 3) return { hint: 'WebVTT needs exactly three digits of milliseconds' };
  if (value2 > 59 || value3 > 59) return { hint: 'minutes and seconds go up to 59' };
  if (!Number.isSafeInteger(value1)) return { hint: 'the hours are too large' };
  return { seconds: value1 * 3600 + value2 * 60 + value3 + Number(input.slice(start, end)) / 1000, end };
}

function tokenAt(line: string, position: number): string {
  let end = position;
  while (end < line.length && !isVttWhitespace(line[end]) && !line.startsWith('-->', end)) end++;
  return line.slice(position, Math.max(end, position + 1));
}

/** The spec's "collect WebVTT cue timings and settings"; the settings (positioning) are left unread. */
export function parseVttTiming(line: string): CueTimingResult {
  let position = 0;
  while (isVttWhitespace(line[position])) position++;
  const start = collectVttTimestamp(line, position);
  if ('hint' in start) {
    return line.startsWith('-->', position) ? { failure: `timing line ${quoteForWarning(line.trim())} has no start time` } : invalidTime(tokenAt(line, position), start.hint);
  }
  position = start.end;
  while (isVttWhitespace(line[position])) position++;
  if (!line.startsWith('-->', position)) return { failure: `timing line ${quoteForWarning(line.trim())} has something other than \`-->\` after its start time` };
  position += 3;
  while (isVttWhitespace(line[position])) position++;
  const end = collectVttTimestamp(line, position);
  if ('hint' in end) return position >= line.length ? { failure: `timing line ${quoteForWarning(line.trim())} has no end time` } : invalidTime(tokenAt(line, position), end.hint);
  return { start: start.seconds, end: end.seconds };
}
