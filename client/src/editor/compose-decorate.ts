import type { DecoratedRange, NodeEntry } from 'slate';

/** A Slate `decorate` function: ranges to mark on a node (leaf renderers read the ranges' keys). */
export type Decorate = (entry: NodeEntry) => DecoratedRange[];

/** Decorates nothing (the cheap value while an overlay is off). */
export const noDecorations: Decorate = () => [];

/**
 * One `decorate` from several overlays (authors, comments, glossary hits): each stays its own module
 * with its own cache, and the editor passes one function to Slate. Overlays that are off are dropped
 * here, so with all of them off a keystroke pays nothing.
 */
export function composeDecorate(...decorators: readonly Decorate[]): Decorate {
  const active = decorators.filter((decorate) => decorate !== noDecorations);
  if (active.length === 0) return noDecorations;
  if (active.length === 1) return active[0]!;
  return (entry) => active.flatMap((decorate) => decorate(entry));
}
