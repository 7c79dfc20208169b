import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CursorEditor, withCursors, withYHistory, withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor, Range, type Descendant } from 'slate';
import { Editable, ReactEditor, Slate, withReact, type RenderChunkProps } from 'slate-react';
import * as Y from 'yjs';
import { contentKey, type User } from '@verity/common';
import { findBlockPath, isTurn, selectedBlock } from '../../editor/nodes.ts';
import { matchShortcut } from '../../editor/shortcuts.ts';
import type { CursorData, TranscriptEditor as TranscriptEditorType } from '../../editor/types.ts';
import { skipReactSelectionSnapshot } from '../../editor/skip-react-selection-snapshot.ts';
import { userColor } from '../../editor/user-color.ts';
import { withTranscript } from '../../editor/with-transcript.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { composeDecorate } from '../../editor/compose-decorate.ts';
import { connectEditor } from '../../editor/connect-editor.ts';
import { useBlameDecorate } from '../history/blame-decorations.ts';
import { useCommentDecorate } from '../comments/comment-decorations.ts';
import { useCommentThreadsAfter } from '../comments/use-comment-threads-after.ts';
import { useGlossaryDecorate } from '../glossary/glossary-decorations.ts';
import { GlossaryOverlay } from '../glossary/glossary-overlay.tsx';
import type { GlossaryHit } from '@verity/common';
import { useMediaPlayback } from '../media/media-playback.tsx';
import { matchPlayerShortcut } from '../media/player-shortcuts.ts';
import { EditorActionsContext, SpeakersContext, type EditorActions } from './editor-context.ts';
import { EditorToolbar } from './editor-toolbar.tsx';
import { renderTranscriptElement, renderTranscriptLeaf } from './element-views.tsx';
import { PresenceBar } from './presence-bar.tsx';
import { RemoteCursorOverlay } from './remote-cursors.tsx';
import { ShortcutSheet } from './shortcut-sheet.tsx';
import { SpeakerRoster } from './speaker-roster.tsx';
import { useAfterOpen } from './use-after-open.ts';
import { useClaims } from './use-claims.ts';
import { useEditorCommands } from './use-editor-commands.ts';
import { useSpeakers } from './use-speakers.ts';
import { isTypingTarget } from '../../components/is-typing-target.ts';

/**
 * Top-level children per chunk. A keystroke re-renders only its own chunk, and `content-visibility`
 * skips layout and paint of off-screen chunks, so small chunks keep typing cheap in a 4-hour
 * transcript (npm run bench:editor: 500 → 40 roughly halved the work per keystroke).
 */
const chunkSize = 40;
const emptyValue: Descendant[] = [];

function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  return (
    <div {...attributes} className={lowest ? 'editor-chunk' : undefined}>
      {children}
    </div>
  );
}


interface TranscriptEditorProps {
  provider: LiveTranscriptProvider;
  user: User;
  canEdit: boolean;
  header: ReactNode;
  onEditorReady?: (editor: TranscriptEditorType | null) => void;
}

/** The live editor: Slate bound to the shared Y.Doc, with per-user undo, remote cursors and presence. */
export function TranscriptEditor({ provider, user, canEdit, header, onEditorReady }: TranscriptEditorProps) {
  const editor = useMemo(() => {
    const sharedRoot = provider.doc.get(contentKey, Y.XmlText) as Y.XmlText;
    const cursorData: CursorData = { userId: user.id, name: user.displayName, color: userColor(user.id) };
    // withYHistory tracks only this editor's local origin, so undo never removes someone else's edit.
    const created = withTranscript(withReact(withCursors(withYHistory(withYjs(createEditor(), sharedRoot, { autoConnect: false })), provider.awareness, { data: cursorData }))) as TranscriptEditorType;
    created.getChunkSize = (node) => (Editor.isEditor(node) ? chunkSize : null);
    return created;
  }, [provider, user.id, user.displayName]);

  const [isEmpty, setIsEmpty] = useState(false);
  useEffect(() => {
    connectEditor(editor);
    performance.mark('verity:bound');
    // The server seeds every transcript with a turn and keeps one there, so clients never add one.
    setIsEmpty(editor.children.length === 0);
    return () => YjsEditor.disconnect(editor);
  }, [editor]);
  useEffect(() => {
    onEditorReady?.(editor);
    return () => onEditorReady?.(null);
  }, [editor, onEditorReady]);
  // A big transcript would otherwise pay an O(document) DOM walk in React on every keystroke.
  useEffect(() => skipReactSelectionSnapshot(ReactEditor.toDOMNode(editor, editor)), [editor]);

  const speakers = useSpeakers(provider.doc);
  const blameDecorate = useBlameDecorate(editor);
  const [glossaryHits, setGlossaryHits] = useState<readonly GlossaryHit[]>([]);
  const glossaryDecorate = useGlossaryDecorate(editor, glossaryHits);
  // The comment and glossary overlays read and decorate once the text is shown (see useAfterOpen).
  const isOpen = useAfterOpen();
  // Each overlay (authors, comments, glossary hits) keeps its own cache; Slate gets one function.
  const commentDecorate = useCommentDecorate(editor, provider.doc, useCommentThreadsAfter(provider, isOpen).threads);
  const decorate = useMemo(() => composeDecorate(blameDecorate, glossaryDecorate, commentDecorate), [blameDecorate, glossaryDecorate, commentDecorate]);
  const speakerMap = useMemo(() => new Map(speakers.map((speaker) => [speaker.id, speaker])), [speakers]);
  const { claim, claimEdit } = useClaims(provider.awareness);

  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  const [roster, setRoster] = useState<{ turnId: string; anchor: DOMRect } | null>(null);
  const [isSheetOpen, setIsSheetOpen] = useState(false);
  const [isEventMenuOpen, setIsEventMenuOpen] = useState(false);

  const openRoster = useCallback((turnId: string, anchor: HTMLElement) => setRoster({ turnId, anchor: anchor.getBoundingClientRect() }), []);
  const openRosterForSelection = useCallback(() => {
    const entry = selectedBlock(editor);
    if (!entry || !isTurn(entry[0])) return;
    const chip = ReactEditor.toDOMNode(editor, entry[0]).querySelector<HTMLElement>('[data-testid="speaker-chip"]');
    if (chip) openRoster(entry[0].id, chip);
  }, [editor, openRoster]);
  const openEventMenu = useCallback(() => setIsEventMenuOpen(true), []);

  const commands = useEditorCommands({ editor, doc: provider.doc, canEdit, claim, notify: setNotice, openRosterForSelection, openEventMenu });
  const { playhead } = useMediaPlayback();

  const actions = useMemo<EditorActions>(
    () => ({ canEdit, openRoster, setTimecode: commands.setTimecode, removeEvent: commands.removeEvent }),
    [canEdit, openRoster, commands],
  );

  const closeRoster = useCallback(() => {
    setRoster(null);
    ReactEditor.focus(editor);
  }, [editor]);

  // "?" opens the sheet unless the person is typing (in the text or any field).
  useEffect(() => {
    const handle = (event: globalThis.KeyboardEvent) => {
      if (event.key === '?' && !isTypingTarget(event.target)) {
        event.preventDefault();
        setIsSheetOpen(true);
      }
    };
    document.addEventListener('keydown', handle);
    return () => document.removeEventListener('keydown', handle);
  }, []);

  const handleKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const isMod = event.ctrlKey || event.metaKey;
      if (isMod && !event.altKey && event.code === 'KeyZ') {
        event.preventDefault();
        if (event.shiftKey) editor.redo();
        else editor.undo();
        return;
      }
      if (isMod && !event.altKey && !event.shiftKey && event.code === 'KeyY') {
        event.preventDefault();
        editor.redo();
        return;
      }
      if (matchPlayerShortcut(event, { isEscapeTaken: true }) === 'splitTurn') {
        event.preventDefault();
        commands.splitAtPlayhead(playhead());
        return;
      }
      const action = matchShortcut(event);
      if (action) {
        event.preventDefault();
        commands.run[action]();
        return;
      }
      if (!canEdit || isMod || event.altKey) return;
      const { selection } = editor;
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        commands.split();
        return;
      }
      if (event.key === 'Backspace' && selection && Range.isCollapsed(selection)) {
        const entry = selectedBlock(editor);
        if (entry && (entry[1][0] ?? 0) > 0 && Editor.isStart(editor, selection.anchor, entry[1])) {
          event.preventDefault();
          commands.merge();
        }
      }
    },
    [editor, commands, canEdit, playhead],
  );

  const handleBeforeInput = useCallback(() => {
    const entry = selectedBlock(editor);
    if (entry) claimEdit(entry[0].id);
  }, [editor, claimEdit]);

  const handleSelectionChange = useCallback(() => {
    const turnId = selectedBlock(editor)?.[0].id ?? null;
    const state = provider.awareness.getLocalState();
    if (state?.turnId !== turnId) provider.awareness.setLocalStateField('turnId', turnId);
  }, [editor, provider]);

  const handleBlur = useCallback(() => {
    // Keep our last position visible to others only while we are in the text.
    CursorEditor.sendCursorPosition(editor, null);
  }, [editor]);

  const surfaceRef = useRef<HTMLDivElement>(null);
  const rosterTurn = roster ? findBlockPath(editor, roster.turnId) : null;
  const rosterNode = rosterTurn ? editor.children[rosterTurn[0] ?? 0] : undefined;

  return (
    <Slate editor={editor} initialValue={emptyValue} onSelectionChange={handleSelectionChange}>
      <EditorActionsContext.Provider value={actions}>
        <SpeakersContext.Provider value={speakerMap}>
          <div className="editor-header">
            <PresenceBar awareness={provider.awareness} />
            {header}
          </div>
          <EditorToolbar
            commands={commands}
            canEdit={canEdit}
            isEventMenuOpen={isEventMenuOpen}
            onEventMenuChange={setIsEventMenuOpen}
            onShowShortcuts={() => setIsSheetOpen(true)}
          />
          <div className="editor-notice" role="status" aria-live="polite" data-testid="editor-notice">
            {notice}
          </div>
          {isEmpty && !canEdit ? <p className="muted">This transcript has no text yet.</p> : null}
          {/* The text scrolls on its own; presence and the toolbar above it stay in view. */}
          <div className="editor-scroll" data-testid="editor-scroll">
            <RemoteCursorOverlay containerRef={surfaceRef}>
              <Editable
                className="transcript-editor"
                data-testid="transcript-editor"
                aria-label={canEdit ? 'Transcript text' : 'Transcript text (read only)'}
                aria-multiline="true"
                readOnly={!canEdit}
                decorate={decorate}
                renderElement={renderTranscriptElement}
                renderLeaf={renderTranscriptLeaf}
                renderChunk={renderChunk}
                onKeyDown={handleKeyDown}
                onDOMBeforeInput={handleBeforeInput}
                onBlur={handleBlur}
                spellCheck
              />
            </RemoteCursorOverlay>
          </div>
          {roster && rosterNode && isTurn(rosterNode) ? (
            <SpeakerRoster
              speakers={speakers}
              currentSpeakerId={rosterNode.speakerId ?? null}
              anchor={roster.anchor}
              onSelect={(speakerId) => {
                commands.relabel(roster.turnId, speakerId);
                closeRoster();
              }}
              onCreate={(name) => {
                commands.createSpeakerFor(roster.turnId, name);
                closeRoster();
              }}
              onClose={closeRoster}
            />
          ) : null}
          {isOpen ? <GlossaryOverlay provider={provider} editor={editor} speakers={speakers} canEdit={canEdit} onHits={setGlossaryHits} /> : null}
          {isSheetOpen ? <ShortcutSheet onClose={() => setIsSheetOpen(false)} /> : null}
        </SpeakersContext.Provider>
      </EditorActionsContext.Provider>
    </Slate>
  );
}
