import { findInTranscript, type FindQuery, type SearchableBlock } from '@verity/common';

/** What the page posts: the blocks as read from the live document, and the query. */
export interface FindRequest {
  blocks: SearchableBlock[];
  query: FindQuery;
}

// A dedicated worker: the page terminates it when a pattern runs past the time budget (run-find.ts).
const scope = self as unknown as { onmessage: ((event: MessageEvent<FindRequest>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => scope.postMessage(findInTranscript(event.data.blocks, event.data.query));
