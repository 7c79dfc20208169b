import { useEffect, useMemo, useRef, useState } from 'react';
import type { MediaPeaks } from '@verity/common';

/** Folds peak pairs into one min/max per canvas column (exported for tests). */
export function columnsFor(peaks: Pick<MediaPeaks, 'data' | 'length'>, width: number): Int8Array {
  const columns = new Int8Array(width * 2);
  if (peaks.length === 0 || width <= 0) return columns;
  for (let x = 0; x < width; x += 1) {
    const from = Math.floor((x * peaks.length) / width);
    const to = Math.max(from + 1, Math.floor(((x + 1) * peaks.length) / width));
    let min = 0;
    let max = 0;
    for (let index = from; index < to && index < peaks.length; index += 1) {
      min = Math.min(min, peaks.data[index * 2]!);
      max = Math.max(max, peaks.data[index * 2 + 1]!);
    }
    columns[x * 2] = min;
    columns[x * 2 + 1] = max;
  }
  return columns;
}

interface WaveformProps {
  peaks: MediaPeaks | null;
  durationSeconds: number;
  currentSeconds: number;
  /** Start times of the timed turns, drawn as marks. */
  turnStarts: readonly number[];
  onSeek: (seconds: number) => void;
}

/**
 * The whole recording's waveform from the server's peaks (nothing is decoded in the browser), with the
 * turns marked and the playhead; a click seeks. Drawn on a canvas, scaled to the device's pixels.
 */
export function Waveform({ peaks, durationSeconds, currentSeconds, turnStarts, onSeek }: WaveformProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const height = 56;
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const scale = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const columns = useMemo(() => (peaks ? columnsFor(peaks, Math.round(width * scale)) : null), [peaks, width, scale]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const pixels = Math.round(width * scale);
    element.width = pixels;
    element.height = height * scale;
    context.clearRect(0, 0, pixels, height * scale);
    const middle = (height * scale) / 2;
    const playedUpTo = durationSeconds > 0 ? (currentSeconds / durationSeconds) * pixels : 0;
    if (columns) {
      for (let x = 0; x < pixels; x += 1) {
        const min = columns[x * 2]!;
        const max = columns[x * 2 + 1]!;
        context.fillStyle = x < playedUpTo ? '#2a5db0' : '#9bb3d8';
        const top = middle - (max / 128) * middle;
        context.fillRect(x, top, 1, Math.max(1, ((max - min) / 128) * middle));
      }
    }
    context.fillStyle = '#c2410c';
    for (const start of turnStarts) {
      if (durationSeconds > 0) context.fillRect(Math.round((start / durationSeconds) * pixels), 0, Math.max(1, scale), height * scale * 0.3);
    }
    context.fillStyle = '#111';
    context.fillRect(Math.round(playedUpTo), 0, Math.max(1, scale), height * scale);
  }, [columns, width, scale, durationSeconds, currentSeconds, turnStarts]);

  return (
    <canvas
      ref={canvas}
      className="waveform"
      style={{ width: '100%', height }}
      data-testid="waveform"
      role="slider"
      aria-label="Position in the recording"
      aria-valuemin={0}
      aria-valuemax={Math.round(durationSeconds)}
      aria-valuenow={Math.round(currentSeconds)}
      onClick={(event) => {
        const box = event.currentTarget.getBoundingClientRect();
        if (box.width > 0 && durationSeconds > 0) onSeek(((event.clientX - box.left) / box.width) * durationSeconds);
      }}
    />
  );
}
