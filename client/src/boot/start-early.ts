import { fetchCurrentUser, fetchSetupStatus } from '../api/auth.api.ts';
import { fetchTranscript } from '../api/transcripts.api.ts';
import { startLiveTranscript } from '../realtime/use-live-transcript.ts';

/** Requests started before the app renders, by key, each handed to the first component that asks. */
const started = new Map<string, Promise<unknown>>();
/** An unclaimed connection is closed after this (say the visitor was sent to the sign-in page instead). */
const unclaimedConnectionMs = 30_000;

function keep(key: string, request: Promise<unknown>): void {
  // A failure is the taker's to handle (it asks again); unclaimed, it must not be reported as unhandled.
  request.catch(() => undefined);
  started.set(key, request);
}

/**
 * Starts what the first screen waits for while the rest of the app's code is still being evaluated
 * (main.tsx runs this before importing the app): the session's two requests and, on a transcript's
 * page, its summary and its live connection (join and first sync). In a fresh browser that overlaps
 * the requests and the server's work with compiling the scripts.
 */
export function startEarly(pathname: string): void {
  keep('setup', fetchSetupStatus());
  keep('me', fetchCurrentUser());
  const transcript = /^\/t\/([^/]+)\/?$/.exec(pathname);
  if (!transcript) return;
  const id = decodeURIComponent(transcript[1]!);
  keep(`transcript:${id}`, fetchTranscript(id));
  setTimeout(startLiveTranscript(id), unclaimedConnectionMs);
}

/**
 * The early request for `key`, once (the next caller gets undefined and asks itself); if it failed,
 * `retry` asks again, so a request made before signing in never stands for one made after.
 */
export function takeEarly<T>(key: string, retry: () => Promise<T>): Promise<T> | undefined {
  const request = started.get(key) as Promise<T> | undefined;
  started.delete(key);
  return request?.catch(retry);
}
