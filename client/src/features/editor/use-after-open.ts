import { useEffect, useState } from 'react';

/**
 * False while the editor opens, true once its text has rendered and the browser has had a quiet moment
 * (at most 500 ms later). Overlays that fetch and re-decorate every text node (comments, glossary
 * hits) wait for it, like the side panels: each change of `decorate` re-runs Slate's decoration
 * selector on all of a 4-hour transcript's text nodes; during the open that tripled the time in it.
 */
export function useAfterOpen(): boolean {
  const [isOpen, setIsOpen] = useState(false);
  useEffect(() => {
    if (isOpen) return;
    const open = () => setIsOpen(true);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(open, 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(open, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }, [isOpen]);
  return isOpen;
}
