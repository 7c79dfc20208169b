/**
 * At most `size` recordings are processed (hashed, probed, decoded, transcoded) at once in this process;
 * the rest wait their turn, so a burst of uploads cannot take every core from live editing.
 */
export function createProcessingSlots(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        waiting.shift()?.();
      }
    },
    get running() {
      return running;
    },
  };
}

/** The process's slots: one ffmpeg-heavy job per core on the small machines Verity runs on, two at most. */
export const processingSlots = createProcessingSlots(2);
