/** A turn as the rendered text shows it: its element and start (seconds), read from data attributes. */
export interface RenderedTurn {
  element: HTMLElement;
  id: string;
  start: number | null;
}

/** The turns on the page, in document order (the editor renders `data-turn-id` and `data-start`). */
export function readRenderedTurns(root: ParentNode = document): RenderedTurn[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-testid="turn"][data-turn-id]')).map((element) => {
    const start = element.dataset.start;
    return { element, id: element.dataset.turnId!, start: start === undefined || start === '' ? null : Number(start) };
  });
}

/** The turn being played at `seconds`: the last timed turn, in document order, that starts at or before it. */
export function findPlayingTurn<T extends { start: number | null }>(turns: readonly T[], seconds: number): T | null {
  let playing: T | null = null;
  for (const turn of turns) {
    if (turn.start !== null && turn.start <= seconds + 1e-6) playing = turn;
  }
  return playing;
}

/** The turn holding the text cursor, if the cursor is in the transcript. */
export function turnAtSelection(): string | null {
  const node = window.getSelection()?.anchorNode ?? null;
  const element = node instanceof Element ? node : node?.parentElement;
  return element?.closest<HTMLElement>('[data-turn-id]')?.dataset.turnId ?? null;
}
