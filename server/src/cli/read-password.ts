import { createInterface } from 'node:readline';

/**
 * Reads a password without echoing it when a person is at the terminal, or the first line of
 * standard input when it is piped (for scripts: `echo "$PW" | npm run cli -- user create …`).
 */
export async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    throw new Error('No password given: pass --password or pipe it on standard input.');
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  let password = '';
  try {
    for await (const chunk of input) {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n' || char === '\u0004') return password;
        if (char === '\u0003') throw new Error('Cancelled.');
        password = char === '\u007f' ? password.slice(0, -1) : password + char;
      }
    }
    return password;
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
