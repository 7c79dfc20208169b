import { describe, expect, it } from 'vitest';
import { initialSaveState, reduceSaveState, saveStatusLabel, saveStatusOf, type SaveEvent, type SaveState } from './save-status.ts';

const run = (events: SaveEvent[], from: SaveState = initialSaveState) => events.reduce(reduceSaveState, from);
const live = run([{ type: 'joined' }]);

describe('save status', () => {
  it('is saving while any sent update awaits its ack, saved only when all are acknowledged', () => {
    let state = run([{ type: 'localChange' }, { type: 'sent', epoch: 0, coversAll: false }, { type: 'sent', epoch: 0, coversAll: false }], live);
    expect(saveStatusLabel(state)).toBe('Saving…');
    state = reduceSaveState(state, { type: 'acked', epoch: 0, ok: true });
    expect(saveStatusOf(state)).toBe('saving');
    state = reduceSaveState(state, { type: 'acked', epoch: 0, ok: true });
    expect(saveStatusLabel(state)).toBe('All changes saved');
  });

  it('keeps offline edits as unsent until a sync step 2 after reconnecting is acknowledged', () => {
    let state = run([{ type: 'sent', epoch: 0, coversAll: false }, { type: 'disconnected' }], live);
    expect(saveStatusLabel(state)).toBe('Offline — changes kept');
    expect(state.hasUnsent).toBe(true);
    state = run([{ type: 'localChange' }, { type: 'connecting' }], state);
    expect(saveStatusOf(state)).toBe('offline');
    // A late ack from the dropped connection must not count.
    state = reduceSaveState(state, { type: 'acked', epoch: 0, ok: true });
    expect(state.pending).toBe(0);
    state = run([{ type: 'sent', epoch: 1, coversAll: true }, { type: 'joined' }], state);
    expect(saveStatusOf(state)).toBe('saving');
    state = reduceSaveState(state, { type: 'acked', epoch: 1, ok: true });
    expect(saveStatusOf(state)).toBe('saved');
  });

  it('an update frame does not clear older unsent changes', () => {
    const state = run([{ type: 'disconnected' }, { type: 'localChange' }, { type: 'connecting' }, { type: 'joined' }, { type: 'sent', epoch: 1, coversAll: false }, { type: 'acked', epoch: 1, ok: true }], live);
    expect(saveStatusOf(state)).toBe('saving');
  });

  it('shows a refused save as an error', () => {
    const state = run([{ type: 'sent', epoch: 0, coversAll: false }, { type: 'acked', epoch: 0, ok: false, message: 'forbidden' }], live);
    expect(saveStatusOf(state)).toBe('error');
    expect(saveStatusLabel(state)).toContain('forbidden');
  });
});
