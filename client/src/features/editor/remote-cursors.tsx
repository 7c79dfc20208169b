import { useRemoteCursorOverlayPositions, type CursorOverlayData } from '@slate-yjs/react';
import type { ReactNode, RefObject } from 'react';
import type { CursorData } from '../../editor/types.ts';

function RemoteCursor({ cursor }: { cursor: CursorOverlayData<CursorData> }) {
  const color = cursor.data?.color ?? '#52607a';
  return (
    <>
      {cursor.selectionRects.map((rect, index) => (
        <div
          key={index}
          className="remote-selection"
          style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height, backgroundColor: color }}
        />
      ))}
      {cursor.caretPosition ? (
        <div className="remote-caret" style={{ ...cursor.caretPosition, backgroundColor: color }}>
          <span className="remote-caret-name" style={{ backgroundColor: color }}>
            {cursor.data?.name ?? 'Someone'}
          </span>
        </div>
      ) : null}
    </>
  );
}

/** Other people's carets and selections in their colours, drawn over the text (never inside it). */
export function RemoteCursorOverlay({ containerRef, children }: { containerRef: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  const [cursors] = useRemoteCursorOverlayPositions<CursorData>({ containerRef: containerRef as RefObject<HTMLDivElement> });
  return (
    <div ref={containerRef} className="editor-surface">
      {children}
      <div className="remote-cursors" aria-hidden="true">
        {cursors.map((cursor) => (
          <RemoteCursor key={cursor.clientId} cursor={cursor} />
        ))}
      </div>
    </div>
  );
}
