import { useState } from 'react';
import { Range } from 'slate';
import { useSlateSelector } from 'slate-react';
import { selectedBlock } from '../../editor/nodes.ts';
import { uncertainAtSelection } from '../../editor/uncertain.ts';
import { addCommentShortcut, useCommentActions } from '../comments/comment-actions.ts';
import type { EditorCommands } from './use-editor-commands.ts';

/** Sound events offered in the menu; anything else can be typed. */
export const commonEvents = ['Laughter', 'Applause', 'Inaudible', 'Crosstalk', 'Music', 'Silence', 'Gavel'];

interface EditorToolbarProps {
  commands: EditorCommands;
  canEdit: boolean;
  isEventMenuOpen: boolean;
  onEventMenuChange: (isOpen: boolean) => void;
  onShowShortcuts: () => void;
}

/** Actions for where the cursor is; every one also has a shortcut (see the sheet). */
export function EditorToolbar({ commands, canEdit, isEventMenuOpen, onEventMenuChange, onShowShortcuts }: EditorToolbarProps) {
  const uncertainMarker = useSlateSelector((editor) => uncertainAtSelection(editor)?.[0].uncertain ?? null);
  const isInTurn = useSlateSelector((editor) => selectedBlock(editor)?.[0].type === 'turn');
  const [customEvent, setCustomEvent] = useState('');
  const comments = useCommentActions();
  const hasWords = useSlateSelector((editor) => editor.selection !== null && !Range.isCollapsed(editor.selection));
  // Buttons must not steal the editor's selection: act on mouse down, keep focus in the text.
  const keepSelection = (event: { preventDefault: () => void }) => event.preventDefault();

  const insert = (label: string) => {
    onEventMenuChange(false);
    setCustomEvent('');
    if (label.trim()) commands.insertEvent(label.trim());
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Editing tools">
      <button type="button" className="button button-ghost button-small" onMouseDown={keepSelection} onClick={() => commands.goToUncertain('next')} title="Alt+J">
        Next uncertain
      </button>
      <button type="button" className="button button-ghost button-small" onMouseDown={keepSelection} onClick={commands.goToUnattributed} title="Alt+A">
        Next unattributed
      </button>
      {canEdit && uncertainMarker !== null ? (
        <span className="toolbar-group" data-testid="uncertain-actions">
          <span className="muted">Uncertain {uncertainMarker}</span>
          <button type="button" className="button button-secondary button-small" onMouseDown={keepSelection} onClick={commands.resolve} title="Alt+R">
            Resolve
          </button>
          <button type="button" className="button button-secondary button-small" onMouseDown={keepSelection} onClick={commands.rewrite} title="Alt+W">
            Rewrite
          </button>
        </span>
      ) : null}
      {canEdit ? (
        <span className="toolbar-group event-menu-anchor">
          <button
            type="button"
            className="button button-ghost button-small"
            aria-haspopup="menu"
            aria-expanded={isEventMenuOpen}
            disabled={!isInTurn}
            onMouseDown={keepSelection}
            onClick={() => onEventMenuChange(!isEventMenuOpen)}
            title="Alt+E"
          >
            Insert sound…
          </button>
          {isEventMenuOpen ? (
            <div
              className="popover event-menu"
              role="menu"
              aria-label="Sound events"
              onKeyDown={(event) => {
                if (event.key === 'Escape') onEventMenuChange(false);
              }}
            >
              {commonEvents.map((label, index) => (
                <button key={label} type="button" role="menuitem" className="menu-item" autoFocus={index === 0} onMouseDown={keepSelection} onClick={() => insert(label)}>
                  {label}
                </button>
              ))}
              <form
                className="event-custom"
                onSubmit={(event) => {
                  event.preventDefault();
                  insert(customEvent);
                }}
              >
                <input aria-label="Other sound" placeholder="Other…" value={customEvent} onChange={(event) => setCustomEvent(event.target.value)} />
              </form>
            </div>
          ) : null}
        </span>
      ) : null}
      {comments.canComment ? (
        <button type="button" className="button button-ghost button-small" onMouseDown={keepSelection} onClick={comments.startComment} disabled={!hasWords} title={`Comment on the selected words (${addCommentShortcut.keys})`} data-testid="add-comment">
          Comment
        </button>
      ) : null}
      <button type="button" className="button button-ghost button-small toolbar-end" onClick={onShowShortcuts} aria-keyshortcuts="?">
        Shortcuts <kbd>?</kbd>
      </button>
    </div>
  );
}
