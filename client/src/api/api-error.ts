import { z } from 'zod';
import { AppError, errorCodes, type ErrorCode } from '@verity/common';

/** A failed API call, carrying the server's code and a message fit to show a person. `status` is 0 when the server was unreachable. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** True when `error` is an ApiError with `code`. */
export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

/** Used when a body is missing or unreadable, e.g. a proxy's HTML error page. */
function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  return 'internal';
}

function messageForStatus(status: number): string {
  if (status === 401) return 'Please log in to continue.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'The server ran into a problem. Please try again.';
  return `The request failed (HTTP ${status}).`;
}

/** Turns an error response into an ApiError, trusting the body's `{ error: { code, message } }` when it has that shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(codeForStatus(status), messageForStatus(status), status);
  const { code, message } = parsed.data.error;
  const knownCode = knownCodes.has(code) ? (code as ErrorCode) : codeForStatus(status);
  return new ApiError(knownCode, message.trim() || messageForStatus(status), status);
}

/** The message to show for anything a request may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  // Thrown by the shared document's edits on the person's own copy (a speaker someone just merged away).
  if (error instanceof AppError) return error.message;
  return 'Something went wrong. Please try again.';
}
