import { AppError } from '@verity/common';

/** What body-parser (http-errors), zlib and the router attach to the errors they throw. */
interface FrameworkError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  code?: unknown;
}

/** body-parser's error types, each with the message a client can act on. */
const byType: Record<string, () => AppError> = {
  'entity.parse.failed': () => new AppError('bad_request', 'The request body is not valid JSON.'),
  'entity.too.large': () => new AppError('payload_too_large', 'The request body is too large.'),
  'encoding.unsupported': () => new AppError('unsupported_media_type', 'The request body’s Content-Encoding is not supported; send it uncompressed, gzip, deflate or br.'),
  'charset.unsupported': () => new AppError('unsupported_media_type', 'The request body’s charset is not supported; send UTF-8.'),
  'request.aborted': () => new AppError('bad_request', 'The request was aborted before its body arrived.'),
  'request.size.invalid': () => new AppError('bad_request', 'The request body’s length does not match its Content-Length.'),
};

/** Other client statuses frameworks use (e.g. send's 404, 416) keep their status under the nearest code. */
const byStatus: Record<number, () => AppError> = {
  400: () => new AppError('bad_request', 'The request could not be read.'),
  403: () => new AppError('forbidden', 'This request is not allowed.'),
  404: () => new AppError('not_found', 'Not found.'),
  413: () => new AppError('payload_too_large', 'The request body is too large.'),
  415: () => new AppError('unsupported_media_type', 'The request body’s type is not supported.'),
};

/** A client error another layer threw, with the status it asked for (absent: the code's own status). */
export interface ClientError {
  appError: AppError;
  status?: number;
}

/**
 * Turns body-parser's, zlib's and the router's own 4xx errors into AppErrors with fixed messages, so
 * they keep their status and share the one error shape; anything else (null) is a 500.
 */
export function fromFrameworkError(error: unknown): ClientError | null {
  if (error instanceof AppError) return { appError: error };
  if (typeof error !== 'object' || error === null) return null;
  const { status, statusCode, type, code } = error as FrameworkError;
  const httpStatus = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : NaN;
  if (!(httpStatus >= 400 && httpStatus <= 499)) return null;
  if (typeof type === 'string' && byType[type]) return { appError: byType[type]() };
  // The router decodes path parameters and marks a bad `%` escape as a 400 URIError.
  if (error instanceof URIError) return { appError: new AppError('bad_request', 'The request path has a malformed % escape.') };
  // A compressed body with garbage inside: zlib's error, given status 400 by body-parser.
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return { appError: new AppError('bad_request', 'The request body could not be decompressed: its Content-Encoding does not match its bytes.') };
  }
  const known = byStatus[httpStatus];
  return known ? { appError: known() } : { appError: new AppError('bad_request', 'The request could not be served.'), status: httpStatus };
}
