import { AppError, anchorBytesFromBase64, readAnchorText, resolveCommentAnchor, type CommentAnchorBytes } from '@verity/common';
import type { CommentContext } from './load-threads.ts';
import { withCurrentDoc } from './with-current-doc.ts';

/** Longest quote kept (the anchor itself covers however many words were selected). */
export const maxQuoteLength = 2000;

/**
 * The bytes and quote of an anchor a client sends: it must resolve in the current document to a
 * non-empty range inside one turn or note; forged bytes, characters the server has not seen, or words
 * already deleted are refused (invalid_anchor, 422). The quote is read from the server's document,
 * never taken from the client.
 */
export async function readNewAnchor(options: CommentContext, anchor: CommentAnchorBytes): Promise<{ start: Uint8Array<ArrayBuffer>; end: Uint8Array<ArrayBuffer>; quote: string }> {
  const start = anchorBytesFromBase64(anchor.start);
  const end = anchorBytesFromBase64(anchor.end);
  const quote = start && end ? await withCurrentDoc(options, (doc) => {
    const range = resolveCommentAnchor(doc, { start, end });
    return range ? readAnchorText(doc, range) : null;
  }) : null;
  if (!start || !end || quote === null) {
    throw new AppError('invalid_anchor', 'A comment must be on words of the transcript as it stands. Select them again and retry (words typed a moment ago may not have reached the server yet).');
  }
  return { start, end, quote: quote.length > maxQuoteLength ? `${quote.slice(0, maxQuoteLength - 1)}…` : quote };
}
