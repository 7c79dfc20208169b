import { useCallback, useEffect, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { workspaceTabs, type WorkspaceTab } from './workspace-tabs.ts';

const storageKey = 'verity.sidePanel';
export const minSideWidth = 280;
export const maxSideWidth = 720;
const defaultWidth = 400;
/** The editor keeps at least this much of the window, whatever width the panel was given. */
const minEditorWidth = 520;

interface Stored {
  width: number;
  isCollapsed: boolean;
  tab: WorkspaceTab;
}

function readStored(): Stored {
  const fallback: Stored = { width: defaultWidth, isCollapsed: false, tab: 'queue' };
  try {
    const parsed = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as Partial<Stored> | null;
    if (!parsed) return fallback;
    return {
      width: typeof parsed.width === 'number' ? clampWidth(parsed.width) : fallback.width,
      isCollapsed: parsed.isCollapsed === true,
      tab: workspaceTabs.find((tab) => tab.id === parsed.tab)?.id ?? fallback.tab,
    };
  } catch {
    return fallback;
  }
}

/** A width the window has room for, within the panel's limits. */
export function clampWidth(width: number, windowWidth = typeof window === 'undefined' ? 1920 : window.innerWidth): number {
  return Math.round(Math.max(minSideWidth, Math.min(maxSideWidth, windowWidth - minEditorWidth, width)));
}

/**
 * The side panel's width, collapsed state and tab, kept per browser (localStorage). The separator
 * resizes by dragging or with the arrow keys (16 px a press; Home/End for the limits), as the ARIA
 * window-splitter pattern describes.
 */
export function useSidePanel() {
  const [stored, setStored] = useState<Stored>(readStored);
  useEffect(() => {
    window.localStorage.setItem(storageKey, JSON.stringify(stored));
  }, [stored]);

  const setTab = useCallback((tab: WorkspaceTab) => setStored((current) => ({ ...current, tab, isCollapsed: false })), []);
  const toggle = useCallback(() => setStored((current) => ({ ...current, isCollapsed: !current.isCollapsed })), []);
  const setWidth = useCallback((width: number) => setStored((current) => ({ ...current, width: clampWidth(width) })), []);

  const handlePointerDown = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      event.preventDefault();
      const handle = event.currentTarget;
      handle.setPointerCapture(event.pointerId);
      const startX = event.clientX;
      const startWidth = stored.width;
      const move = (moved: globalThis.PointerEvent) => setWidth(startWidth + (startX - moved.clientX));
      const up = () => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        handle.removeEventListener('pointercancel', up);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
      handle.addEventListener('pointercancel', up);
    },
    [stored.width, setWidth],
  );

  const handleKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const step = { ArrowLeft: 16, ArrowRight: -16 }[event.key as 'ArrowLeft' | 'ArrowRight'];
      if (step !== undefined) setWidth(stored.width + step);
      else if (event.key === 'Home') setWidth(minSideWidth);
      else if (event.key === 'End') setWidth(maxSideWidth);
      else if (event.key === 'Enter') toggle();
      else return;
      event.preventDefault();
    },
    [stored.width, setWidth, toggle],
  );

  return { ...stored, setTab, toggle, setWidth, separator: { onPointerDown: handlePointerDown, onKeyDown: handleKeyDown } };
}
