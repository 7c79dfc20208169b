import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { decodeFrame } from '@verity/common';
import { CoalescedBroadcast } from './coalesced-broadcast.ts';

afterEach(() => vi.useRealTimers());

/** An update from a client of its own inserting `text`. */
function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function setUp(members: number) {
  const sent: { text: string; except: unknown }[] = [];
  const broadcast = new CoalescedBroadcast(
    (message, except) => {
      const frame = decodeFrame(message);
      if (frame.kind !== 'update') throw new Error(`unexpected ${frame.kind}`);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, frame.update);
      sent.push({ text: doc.getText('body').toString(), except });
    },
    () => members,
  );
  return { sent, broadcast };
}

describe('CoalescedBroadcast', () => {
  it('sends at once, skipping the sender, while few connections are joined', () => {
    const { sent, broadcast } = setUp(7);
    expect(broadcast.windowMs).toBe(0);
    broadcast.push(update('a'), 'alice');
    broadcast.push(update('b'), 'bob');
    expect(sent).toEqual([
      { text: 'a', except: 'alice' },
      { text: 'b', except: 'bob' },
    ]);
  });

  it('merges a window of updates into one frame for everyone once many are joined; the window grows with them, capped', () => {
    vi.useFakeTimers();
    const { sent, broadcast } = setUp(200);
    expect(broadcast.windowMs).toBe(20);
    expect(setUp(1_000).broadcast.windowMs).toBe(30);
    broadcast.push(update('a'), 'alice');
    broadcast.push(update('b'), 'bob');
    broadcast.push(update('c'), 'alice');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(19);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    // One frame holding all three (their order in the text is Yjs's, by client id), sent to everyone.
    expect([...sent[0]!.text].sort().join('')).toBe('abc');
    expect(sent[0]!.except).toBeNull();
  });

  it('still skips the sender when the window held only its updates, and flush() sends at once', () => {
    vi.useFakeTimers();
    const { sent, broadcast } = setUp(50);
    broadcast.push(update('a'), 'alice');
    vi.advanceTimersByTime(broadcast.windowMs);
    broadcast.push(update('b'), 'bob');
    broadcast.push(update('c'), 'bob');
    broadcast.flush();
    expect(sent.map((entry) => entry.except)).toEqual(['alice', 'bob']);
    broadcast.flush();
    vi.runAllTimers();
    expect(sent).toHaveLength(2);
  });
});
