import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeAwarenessFrame, encodeQueryAwarenessFrame, encodeSyncStep1Frame, encodeSyncStep2Frame, encodeUpdateFrame } from './frames.ts';

describe('frames', () => {
  it('round-trips every frame kind in the y-websocket layout', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(encodeSyncStep1Frame(bytes)).toEqual(new Uint8Array([0, 0, 3, 1, 2, 3]));
    expect(decodeFrame(encodeSyncStep1Frame(bytes))).toEqual({ kind: 'syncStep1', stateVector: bytes });
    expect(decodeFrame(encodeSyncStep2Frame(bytes))).toEqual({ kind: 'syncStep2', update: bytes });
    expect(decodeFrame(encodeUpdateFrame(bytes))).toEqual({ kind: 'update', update: bytes });
    expect(decodeFrame(encodeAwarenessFrame(bytes))).toEqual({ kind: 'awareness', update: bytes });
    expect(decodeFrame(encodeQueryAwarenessFrame())).toEqual({ kind: 'queryAwareness' });
  });

  it('rejects unknown types, truncated and trailing bytes', () => {
    expect(() => decodeFrame(new Uint8Array([7]))).toThrow(/unknown frame type/);
    expect(() => decodeFrame(new Uint8Array([0, 9, 0]))).toThrow(/unknown sync/);
    expect(() => decodeFrame(new Uint8Array([3, 1]))).toThrow(/trailing bytes/);
    expect(() => decodeFrame(new Uint8Array([0, 2, 5, 1]))).toThrow();
  });
});
