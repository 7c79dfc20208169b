import type { ParseWarnings } from './collect-parse-warnings.ts';

function formatSeconds(seconds: number): string {
  const milliseconds = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(milliseconds / 3_600_000))}:${pad(Math.floor(milliseconds / 60_000) % 60)}:${pad(Math.floor(milliseconds / 1000) % 60)}.${pad(milliseconds % 1000, 3)}`;
}

/** The warning for a cue that ends before it starts: kept (as the WebVTT parser keeps it) with its end moved to its start. */
export function describeBackwardsCue(start: number, end: number): string {
  return `the cue ends at ${formatSeconds(end)}, before it starts at ${formatSeconds(start)}; it was kept with its end set to its start`;
}

/**
 * Caption text as the WebVTT parser's first step prepares it: BOM removed, CRLF and CR as LF, and NUL
 * replaced by U+FFFD (with one warning naming the first line), so no NUL ever reaches storage.
 */
export function normalizeCaptionText(input: string, warnings: ParseWarnings): string {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const firstNul = text.indexOf('\0');
  if (firstNul === -1) return text;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < firstNul; index = text.indexOf('\n', index + 1)) line++;
  const parts = text.split('\0');
  const count = parts.length - 1;
  warnings.add(line, `${count === 1 ? 'a NUL character was' : `${count} NUL characters were`} replaced by U+FFFD (�)`);
  return parts.join('\uFFFD');
}
