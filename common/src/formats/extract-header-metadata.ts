import type { TranscriptMetadata } from '../transcript/transcript.schema.ts';

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthNames = months.join('|');
// "during the Thirteenth Annual Meeting of the IGF in Paris, France, from 12 to 14 November 2018"
// Sticky, tried only where the first "during the" begins: from every later one too, a long line was cubic.
const duringPattern = new RegExp(`during the (.+?) in ([^,]+(?:,\\s*[^,]+?)?),?\\s+(?:from|on)\\s+(\\d{1,2})(?:\\s+(${monthNames}))?(?:\\s+to\\s+(\\d{1,2})\\s+(${monthNames}))?\\s+(\\d{4})`, 'iy');
// "IGF 2018 - Day 3 - Salle II - WS281 Title"
const sessionLinePattern = /^(\S.*?\b(?:19|20)\d{2})\s+[-–—‑]\s+(.+)$/;

// Header facts sit in the first lines of a header and in lines of a paragraph's length. The patterns
// backtrack (polynomially) within a line, so bounding lines and line length bounds the work per file.
const maxHeaderLines = 60;
const maxDuringLineLength = 1_000;
const maxSessionLineLength = 300;

function matchDuring(line: string): RegExpExecArray | null {
  const start = /during the /i.exec(line);
  if (!start || line.length > maxDuringLineLength) return null;
  duringPattern.lastIndex = start.index;
  return duringPattern.exec(line);
}

type HeaderFacts = Pick<TranscriptMetadata, 'title' | 'event' | 'venue' | 'date'>;

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

/** Title, event, venue and date from IGF-style header lines (the first 60); fields the header does not state stay null. */
export function extractHeaderMetadata(lines: readonly string[]): HeaderFacts {
  const facts: HeaderFacts = { title: null, event: null, venue: null, date: null };
  let room: string | null = null;
  let place: string | null = null;
  let day: number | null = null;
  let range: { start: string; end: string } | null = null;
  for (const line of lines.slice(0, maxHeaderLines)) {
    const during = matchDuring(line);
    if (during && !range) {
      const [, event = '', where = '', firstDay = '', firstMonth, lastDay, lastMonth, year = ''] = during;
      facts.event = event.trim();
      place = where.trim();
      const endMonth = months.indexOf((lastMonth ?? firstMonth ?? '').toLowerCase()) + 1;
      const startMonth = firstMonth ? months.indexOf(firstMonth.toLowerCase()) + 1 : endMonth;
      const start = isoDate(Number(year), startMonth, Number(firstDay));
      range = { start, end: lastDay ? isoDate(Number(year), endMonth, Number(lastDay)) : start };
      continue;
    }
    const session = !facts.title && line.length < maxSessionLineLength ? sessionLinePattern.exec(line) : null;
    if (session) {
      const parts = (session[2] ?? '').split(/\s+[-–—‑]\s+/);
      const dayPart = parts.findIndex((part) => /^Day\s+\d+$/i.test(part));
      if (dayPart >= 0) day = Number(/\d+/.exec(parts[dayPart] ?? '')?.[0]);
      const rest = parts.filter((_part, index) => index !== dayPart);
      facts.title = rest.pop() ?? null;
      room = rest.length > 0 ? rest.join(', ') : null;
      facts.event ??= session[1] ?? null;
    }
  }
  facts.venue = [room, place].filter((part) => part).join(', ') || null;
  if (range) {
    // "Day 3" of a 12–14 November meeting is 14 November; otherwise the whole meeting as an ISO interval.
    const dated = day !== null ? addDays(range.start, day - 1) : null;
    if (dated && dated <= range.end) facts.date = dated;
    else facts.date = range.start === range.end ? range.start : `${range.start}/${range.end}`;
  }
  return facts;
}
