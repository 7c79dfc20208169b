import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { createLogger, isPrettyLogFormat } from './logger.ts';

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

describe('createLogger', () => {
  it('is readable on a terminal and JSON otherwise, unless LOG_FORMAT says', () => {
    expect(isPrettyLogFormat('auto', true)).toBe(true);
    expect(isPrettyLogFormat('auto', false)).toBe(false);
    expect(isPrettyLogFormat('json', true)).toBe(false);
    expect(isPrettyLogFormat('pretty', false)).toBe(true);
  });

  it('writes one JSON object per line for machines', () => {
    const out = capture();
    createLogger({ level: 'info', format: 'auto', isTerminal: false, destination: out.stream }).info({ port: 3000 }, 'listening');
    const line = JSON.parse(out.text().trim());
    expect(line).toMatchObject({ level: 30, msg: 'listening', port: 3000 });
  });

  it('writes a readable line for a person, synchronously, with secrets still redacted', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', format: 'pretty', isTerminal: false, destination: out.stream });
    logger.info({ port: 3000 }, 'listening');
    logger.warn({ body: { password: 'hunter2hunter2' } }, 'sign-in');
    const text = out.text();
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: listening\n\s+port: 3000\n/);
    expect(text).toContain('WARN: sign-in');
    logger.info({ req: { id: 'r1', method: 'GET', url: '/api/auth/me' }, res: { statusCode: 401 }, responseTime: 20 }, 'request completed');
    expect(out.text()).toMatch(/INFO: request completed GET \/api\/auth\/me → 401 in 20 ms\n/);
    expect(text).not.toContain('hunter2');
    expect(() => JSON.parse(text.split('\n')[0]!)).toThrow();
  });
});

describe('LOG_FORMAT', () => {
  it('defaults to auto and accepts only auto, pretty or json', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT: /);
  });
});
