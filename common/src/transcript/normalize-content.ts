import type { Segment } from './transcript.schema.ts';

/** Merges adjacent text segments and drops empty ones, so equal content has one representation. */
export function normalizeContent(content: readonly Segment[]): Segment[] {
  const result: Segment[] = [];
  for (const segment of content) {
    if (segment.type === 'text') {
      if (segment.text === '') continue;
      const last = result[result.length - 1];
      if (last?.type === 'text') {
        result[result.length - 1] = { type: 'text', text: last.text + segment.text };
        continue;
      }
    }
    result.push({ ...segment });
  }
  return result;
}
