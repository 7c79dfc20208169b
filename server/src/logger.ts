import { pino, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';

/** Passwords, cookies and CSRF tokens are never written, in either format. */
const redact = ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.currentPassword', '*.newPassword'];

/** Whether logs are written for a person: `auto` asks whether stdout is a terminal. */
export function isPrettyLogFormat(format: 'auto' | 'pretty' | 'json', isTerminal: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && isTerminal);
}

/**
 * Structured logs: JSON lines for machines (pipes, files, Docker, LOG_FORMAT=json), readable coloured
 * lines for a person at a terminal. Pretty printing is synchronous, so nothing is lost on process.exit.
 */
export function createLogger(options: { level: string; format?: 'auto' | 'pretty' | 'json'; isTerminal?: boolean; destination?: NodeJS.WritableStream }): Logger {
  const isPretty = isPrettyLogFormat(options.format ?? 'json', options.isTerminal ?? process.stdout.isTTY === true);
  const settings = { level: options.level, redact };
  if (!isPretty) return options.destination ? pino(settings, options.destination) : pino(settings);
  const pretty = pinoPretty({
    sync: true,
    colorize: options.destination ? false : undefined,
    translateTime: 'SYS:HH:MM:ss',
    // A request is one line a person can scan: "request completed GET /api/auth/me → 401 in 20 ms".
    messageFormat: '{msg}{if req.method} {req.method} {req.url}{end}{if res.statusCode} → {res.statusCode}{end}{if responseTime} in {responseTime} ms{end}',
    ignore: 'pid,hostname,req,res,responseTime',
    destination: options.destination ?? 1,
  });
  return pino(settings, pretty);
}
