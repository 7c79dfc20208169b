import { useEffect } from 'react';

/** Sets the tab title to "<title> · Verity", so many open tabs stay tellable apart. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Verity` : 'Verity';
  }, [title]);
}
