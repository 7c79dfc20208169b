/**
 * Every error the product reports, HTTP, socket ack or CLI alike, carries one of these codes.
 * The server maps codes to HTTP statuses in one place (server/src/http/error-handler.ts).
 */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'unsupported_format',
  'unsupported_encoding',
  /** The request body's Content-Type is not the one the route reads (JSON, or the raw file for imports). */
  'unsupported_media_type',
  'empty_file',
  'binary_file',
  'malformed_file',
  /** Reading the file took longer (or more memory) than an import may: a pathological file, refused whole. */
  'file_too_costly',
  /** A Range header no byte of the file satisfies (416). */
  'range_not_satisfiable',
  /** A comment's anchor does not name words of this transcript's current text (forged, or not synced yet): 422. */
  'invalid_anchor',
  'csrf_failed',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The JSON body of every error response and failed socket ack. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** An expected failure with a code the client can act on and a message a person can read. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
