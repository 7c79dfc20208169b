/**
 * Save status as a pure state machine. A document frame is "saved" only when the server acknowledged
 * it (it acks after storing). `epoch` counts connections: an ack from an earlier connection is ignored,
 * and whatever was in flight when the connection dropped counts as unsent, for the resync to carry.
 */
export interface SaveState {
  connection: 'connecting' | 'live' | 'offline';
  epoch: number;
  /** Frames sent on this connection whose ack has not arrived. */
  pending: number;
  /** Local changes no sent frame carries yet (typed offline, or lost with a connection). */
  hasUnsent: boolean;
  /** Message of the last refused save; cleared by the next successful one. */
  error: string | null;
}

export type SaveEvent =
  | { type: 'connecting' }
  | { type: 'joined' }
  | { type: 'disconnected' }
  | { type: 'localChange' }
  /** `coversAll`: the frame carries every local change the server lacks (a sync step 2). */
  | { type: 'sent'; epoch: number; coversAll: boolean }
  | { type: 'acked'; epoch: number; ok: boolean; message?: string };

export const initialSaveState: SaveState = { connection: 'connecting', epoch: 0, pending: 0, hasUnsent: false, error: null };

/** Applies one event. */
export function reduceSaveState(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'connecting':
      return { ...state, connection: 'connecting' };
    case 'joined':
      return { ...state, connection: 'live' };
    case 'disconnected':
      return { ...state, connection: 'offline', epoch: state.epoch + 1, pending: 0, hasUnsent: state.hasUnsent || state.pending > 0 };
    case 'localChange':
      // While live the provider sends the change at once (a `sent` follows); otherwise it waits.
      return state.connection === 'live' ? state : { ...state, hasUnsent: true };
    case 'sent':
      if (event.epoch !== state.epoch) return state;
      return { ...state, pending: state.pending + 1, hasUnsent: event.coversAll ? false : state.hasUnsent };
    case 'acked':
      if (event.epoch !== state.epoch) return state;
      return {
        ...state,
        pending: Math.max(0, state.pending - 1),
        // A refused frame is not stored; the next resync (step 2) will offer its content again.
        hasUnsent: state.hasUnsent || !event.ok,
        error: event.ok ? (state.pending <= 1 ? null : state.error) : (event.message ?? 'The server refused a change.'),
      };
  }
}

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'connecting' | 'error';

/** The status to show. */
export function saveStatusOf(state: SaveState): SaveStatus {
  if (state.connection === 'offline') return 'offline';
  if (state.error) return 'error';
  if (state.connection === 'connecting') return state.hasUnsent ? 'offline' : 'connecting';
  return state.pending > 0 || state.hasUnsent ? 'saving' : 'saved';
}

/** Words for the indicator; "saved" appears only when everything is acknowledged. */
export function saveStatusLabel(state: SaveState): string {
  switch (saveStatusOf(state)) {
    case 'saved':
      return 'All changes saved';
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline — changes kept';
    case 'connecting':
      return 'Connecting…';
    case 'error':
      return `Not saved: ${state.error ?? 'unknown error'}`;
  }
}
