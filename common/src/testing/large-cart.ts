const words = 'the committee will now hear testimony on the budget for the coming year and the schedule of the works'.split(' ');

/**
 * A CART transcript of about `bytes` bytes (tests of the largest importable transcript): turns of
 * `wordsPerTurn` words by three speakers, each ending with its number (`turn 41.`) so a test can find
 * the last one. ASCII only, so characters and bytes agree.
 */
export function buildLargeCart(bytes: number, wordsPerTurn = 200): { text: string; turns: number; lastMarker: string } {
  const speakers = ['ALICE', 'BOB', 'CAROL'];
  const parts: string[] = [];
  let size = 0;
  let turns = 0;
  for (;;) {
    const body = Array.from({ length: wordsPerTurn }, (_, k) => words[(turns * 7 + k) % words.length]).join(' ');
    const part = `>> ${speakers[turns % speakers.length]}: ${body} turn ${turns}.\n\n`;
    if (size + part.length > bytes) break;
    parts.push(part);
    size += part.length;
    turns++;
  }
  return { text: parts.join(''), turns, lastMarker: `turn ${turns - 1}.` };
}
