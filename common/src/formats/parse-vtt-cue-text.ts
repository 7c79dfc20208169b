import { decodeHTML } from 'entities';
import type { CueLine } from './build-cue-turns.ts';

// The spec's internal node objects; any other tag name is ignored, its text kept.
const spanTags = new Set(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);

interface OpenNode {
  name: string;
  /** The innermost voice span this node is in (itself for a <v>); its identity tells two spans apart. */
  voice: { name: string } | undefined;
  /** Inside <rt>: ruby text is a reading aid, not words of the transcript. */
  isRubyText: boolean;
}

const isTagBreak = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '.' || char === '>';
const isTagSpace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\f';

/** A start tag's annotation: character references decoded, ASCII whitespace trimmed and collapsed. */
function cleanAnnotation(raw: string): string {
  return decodeHTML(raw)
    .replace(/[\t\n\f\r ]+/g, ' ')
    .trim();
}

/**
 * Reads WebVTT cue text with the spec's tokenizer and tree rules in one pass (linear in its length):
 * text and character references become words; <v Name> spans say who speaks; <c>, <i>, <b>, <u>,
 * <lang>, <ruby> keep their text and lose their styling; <rt> (ruby text) and timestamp tags are
 * dropped. Returns the words line by line with the voice each line is in.
 */
export function parseVttCueText(text: string): CueLine[] {
  const lines: CueLine[] = [];
  let line: CueLine | null = null;
  let lineVoice: OpenNode['voice'];
  const stack: OpenNode[] = [{ name: '', voice: undefined, isRubyText: false }];
  const top = (): OpenNode => stack[stack.length - 1] as OpenNode;

  function addText(raw: string): void {
    const node = top();
    if (node.isRubyText) return;
    decodeHTML(raw)
      .split('\n')
      .forEach((part, index) => {
        if (index > 0) line = null;
        // A new line starts at a line break, and where another voice starts speaking.
        if (line === null || (node.voice !== undefined && node.voice !== lineVoice)) {
          const isVoiceStart = node.voice !== undefined && node.voice !== lineVoice;
          line = node.voice === undefined ? { text: '' } : { text: '', voice: node.voice.name, ...(isVoiceStart ? { isVoiceStart } : {}) };
          lineVoice = node.voice;
          lines.push(line);
        }
        line.text += part;
      });
  }

  function openTag(name: string, annotation: string): void {
    const parent = top();
    if (!spanTags.has(name) || (name === 'rt' && parent.name !== 'ruby')) return;
    const voice = name === 'v' ? { name: annotation } : parent.voice;
    stack.push({ name, voice, isRubyText: parent.isRubyText || name === 'rt' });
  }

  function closeTag(name: string): void {
    const current = top();
    if (stack.length === 1) return;
    if (current.name === name) stack.pop();
    else if (name === 'ruby' && current.name === 'rt') stack.splice(-2, 2);
  }

  let position = 0;
  while (position < text.length) {
    if (text[position] !== '<') {
      const next = text.indexOf('<', position);
      const end = next === -1 ? text.length : next;
      addText(text.slice(position, end));
      position = end;
      continue;
    }
    position++;
    const first = text[position];
    if (first === '/' || (first !== undefined && first >= '0' && first <= '9')) {
      // End tag, or a timestamp tag (karaoke timing inside the cue, which Verity's turns do not keep).
      const close = text.indexOf('>', position);
      const end = close === -1 ? text.length : close;
      if (first === '/') closeTag(text.slice(position + 1, end));
      position = end + 1;
      continue;
    }
    const nameStart = position;
    while (position < text.length && !isTagBreak(text[position])) position++;
    const name = text.slice(nameStart, position);
    // Classes (<c.yellow.bg_blue>) are styling: skipped up to the annotation or the end of the tag.
    if (text[position] === '.') while (position < text.length && !isTagSpace(text[position]) && text[position] !== '>') position++;
    let annotation = '';
    if (isTagSpace(text[position])) {
      const close = text.indexOf('>', position);
      const end = close === -1 ? text.length : close;
      annotation = cleanAnnotation(text.slice(position, end));
      position = end;
    }
    if (text[position] === '>') position++;
    openTag(name, annotation);
  }
  return lines;
}
