import { pino, type Logger } from 'pino';

/** Structured JSON logs; passwords, cookies and CSRF tokens are never written. */
export function createLogger(options: { level: string }): Logger {
  return pino({
    level: options.level,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.currentPassword', '*.newPassword'],
  });
}
