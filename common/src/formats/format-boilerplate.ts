/** Whether a line is a visual separator such as "***" or "-----", which carries no text. */
export function isSeparatorLine(line: string): boolean {
  return /^(?:[*=_~#-]\s*){3,}$/.test(line);
}

/** Trimmed lines as boilerplate text: lines joined by "\n", blank runs become one empty line; null when empty. */
export function formatBoilerplate(lines: readonly string[]): string | null {
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' || isSeparatorLine(line)) {
      if (kept.length > 0 && kept[kept.length - 1] !== '') kept.push('');
    } else kept.push(line);
  }
  while (kept[kept.length - 1] === '') kept.pop();
  return kept.length > 0 ? kept.join('\n') : null;
}
