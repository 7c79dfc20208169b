import { useCallback, useEffect, useRef, useState } from 'react';
import { apiRoutes, can, setTurnStartInDoc, type MediaPeaks, type Recording, type Role } from '@verity/common';
import { fetchPeaks, fetchRecording, setTurnStart } from '../../api/media.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { formatTimecode } from '../../editor/timecode.ts';
import { runUndoableEdit } from '../../editor/undoable-edit.ts';
import { useLiveEditor } from '../workspace/live-editor-context.ts';
import { AttachRecordingButton } from './attach-recording-button.tsx';
import { useMediaPlayback } from './media-playback.tsx';
import { matchPlayerShortcut, stepRate } from './player-shortcuts.ts';
import { findPlayingTurn, readRenderedTurns, turnAtSelection } from './turn-timings.ts';
import { resumePosition, usePlaybackHabits } from './use-playback-habits.ts';
import { Waveform } from './waveform.tsx';

const skipSeconds = 3;

/** The origin of Alt+T timings: the editor's undo manager tracks it besides typing. */
const timingOrigin = { name: 'time-turn' };

/** An open dialog or menu, or a form field (a timecode being edited, Find), keeps Escape for itself; the text does not. */
const isEscapeTaken = (target: EventTarget | null) =>
  (target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) ||
  document.querySelector('dialog[open], [role="menu"], [role="listbox"]') !== null;

/**
 * The player docked above the text: play/pause, skip, speed 0.5–2× with pitch kept, the waveform with
 * turns marked, time and duration, and the shortcuts that work while typing. It marks the turn being
 * played in the text. Each reviewer's playback is their own.
 */
export function MediaPlayer({ transcriptId, role, generation = 0 }: { transcriptId: string; role: Role; /** Bumped when the server says the recording changed: read it again. */ generation?: number }) {
  const query = useApiQuery(`recording:${transcriptId}`, (signal) => fetchRecording(transcriptId, signal));
  const { reload } = query;
  // Re-read keeping what is shown: the same recording (same hash) keeps playing undisturbed.
  useEffect(() => {
    if (generation > 0) reload();
  }, [generation, reload]);
  const canAttach = can(role, 'attachMedia');
  if (query.status !== 'success') return null;
  const recording = query.data;
  if (!recording && !canAttach) return null;
  return (
    <section className="media-player" aria-label="Recording" data-testid="media-player">
      {recording ? <Player key={recording.sha256} transcriptId={transcriptId} recording={recording} canTime={can(role, 'correct')} /> : null}
      {canAttach ? <AttachRecordingButton transcriptId={transcriptId} hasRecording={recording !== null} onAttached={query.setData} /> : null}
    </section>
  );
}

function Player({ transcriptId, recording, canTime }: { transcriptId: string; recording: Recording; canTime: boolean }) {
  const media = useRef<HTMLAudioElement>(null);
  const { attach } = useMediaPlayback();
  const [peaks, setPeaks] = useState<MediaPeaks | null>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [current, setCurrent] = useState(0);
  const [rate, setRate] = useState(1);
  const [isFollowing, setIsFollowing] = useState(true);
  const [turnStarts, setTurnStarts] = useState<number[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const duration = recording.durationMs / 1000;
  const { habits, setHabits } = usePlaybackHabits(media);

  useEffect(() => {
    attach(media.current);
    return () => attach(null);
  }, [attach]);
  useEffect(() => {
    const controller = new AbortController();
    fetchPeaks(transcriptId, controller.signal).then(setPeaks, () => undefined);
    return () => controller.abort();
  }, [transcriptId]);
  useEffect(() => {
    if (media.current) {
      media.current.playbackRate = rate;
      media.current.preservesPitch = true;
    }
  }, [rate]);

  // The turn marks follow the text's timings (re-read every few seconds: timing happens while listening).
  useEffect(() => {
    const read = () => setTurnStarts(readRenderedTurns().flatMap((turn) => (turn.start === null ? [] : [turn.start])));
    read();
    const timer = setInterval(read, 3000);
    return () => clearInterval(timer);
  }, []);

  // Mark the playing turn in the text (a data attribute React does not own), following it if asked.
  const playingTurn = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const playing = findPlayingTurn(readRenderedTurns(), current)?.element ?? null;
    if (playing === playingTurn.current) return;
    playingTurn.current?.removeAttribute('data-playing');
    playing?.setAttribute('data-playing', 'true');
    playingTurn.current = playing;
    if (playing && isFollowing && isPlaying) playing.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [current, isFollowing, isPlaying]);
  useEffect(() => () => playingTurn.current?.removeAttribute('data-playing'), []);

  const seek = useCallback((seconds: number) => {
    if (media.current) media.current.currentTime = Math.min(Math.max(0, seconds), duration);
  }, [duration]);
  const togglePlay = useCallback(() => {
    const element = media.current;
    if (!element) return;
    if (!element.paused) return element.pause();
    if (element.currentTime > 0) element.currentTime = resumePosition(element.currentTime, habits);
    void element.play().catch(() => setNotice('The browser would not start playback; press play.'));
  }, [habits]);
  const liveEditor = useLiveEditor();
  const timeTurn = useCallback(async () => {
    const turnId = turnAtSelection();
    const seconds = media.current ? Math.round(media.current.currentTime * 10) / 10 : 0;
    if (!turnId) return setNotice('Put the cursor in a turn to time it.');
    try {
      // On the person's live copy, as one step of their undo history (Ctrl+Z in the text reverts it);
      // through the server only while the editor is not bound yet.
      if (liveEditor) runUndoableEdit(liveEditor.doc, liveEditor.editor, timingOrigin, (origin) => setTurnStartInDoc(liveEditor.doc, turnId, seconds, origin));
      else await setTurnStart(transcriptId, turnId, seconds);
      setNotice(`Turn starts at ${formatTimecode(seconds)}.`);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : 'Could not set the time.');
    }
  }, [transcriptId, liveEditor]);

  useEffect(() => {
    const handle = (event: KeyboardEvent) => {
      const action = matchPlayerShortcut(event, { isEscapeTaken: isEscapeTaken(event.target) });
      // The split is an edit of the text: the editor handles it (and Slate needs the key to reach it).
      if (!action || action === 'splitTurn' || (action === 'timeTurn' && !canTime)) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'togglePlay') togglePlay();
      else if (action === 'rewind') seek((media.current?.currentTime ?? 0) - skipSeconds);
      else if (action === 'forward') seek((media.current?.currentTime ?? 0) + skipSeconds);
      else if (action === 'slower') setRate((value) => stepRate(value, -1));
      else if (action === 'faster') setRate((value) => stepRate(value, 1));
      else void timeTurn();
    };
    // Capture phase: the keys work while typing in the editor, before it handles them.
    document.addEventListener('keydown', handle, true);
    return () => document.removeEventListener('keydown', handle, true);
  }, [togglePlay, seek, timeTurn, canTime]);

  return (
    <div className="player">
      <audio
        ref={media}
        src={apiRoutes.mediaFile(transcriptId)}
        preload="metadata"
        data-testid="media-audio"
        onPlay={() => setIsPlaying(true)}
        onPause={() => setIsPlaying(false)}
        onTimeUpdate={(event) => setCurrent(event.currentTarget.currentTime)}
        onSeeked={(event) => setCurrent(event.currentTarget.currentTime)}
      />
      <div className="player-controls">
        <button type="button" className="button button-secondary" onClick={() => seek(current - skipSeconds)} aria-label={`Back ${skipSeconds} seconds (F1)`}>
          «
        </button>
        <button type="button" className="button" onClick={togglePlay} data-testid="media-play" aria-label={isPlaying ? 'Pause (Esc)' : 'Play (Esc)'}>
          {isPlaying ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => seek(current + skipSeconds)} aria-label={`Forward ${skipSeconds} seconds (F2)`}>
          »
        </button>
        <label className="player-rate">
          Speed
          <select value={rate} onChange={(event) => setRate(Number(event.target.value))} data-testid="media-rate">
            {[0.5, 0.75, 1, 1.25, 1.5, 1.75, 2].map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
        <span className="player-time" data-testid="media-time">
          {formatTimecode(current)} / {formatTimecode(duration)}
        </span>
        <label className="player-follow">
          <input type="checkbox" checked={isFollowing} onChange={(event) => setIsFollowing(event.target.checked)} /> Follow
        </label>
        <label className="player-follow">
          <input
            type="checkbox"
            checked={habits.rewindOnResumeSeconds > 0}
            onChange={(event) => setHabits({ ...habits, rewindOnResumeSeconds: event.target.checked ? 2 : 0 })}
            data-testid="media-rewind-on-resume"
          />{' '}
          Back 2 s on resume
        </label>
        <label className="player-follow">
          <input type="checkbox" checked={habits.isPausedWhileTyping} onChange={(event) => setHabits({ ...habits, isPausedWhileTyping: event.target.checked })} data-testid="media-pause-while-typing" /> Pause
          while I type
        </label>
        <span className="muted player-file" title={`SHA-256 ${recording.sha256}`}>
          {recording.fileName}
          {recording.isTranscoded ? ' (converted for playback)' : ''}
        </span>
      </div>
      <Waveform peaks={peaks} durationSeconds={duration} currentSeconds={current} turnStarts={turnStarts} onSeek={seek} />
      {notice ? (
        <p className="muted player-notice" role="status" data-testid="media-notice">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
