import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, type ErrorBody, type ErrorCode } from '@verity/common';

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_format: 415,
  unsupported_encoding: 415,
  empty_file: 422,
  binary_file: 415,
  malformed_file: 422,
  rate_limited: 429,
  internal: 500,
};

/** The HTTP status for an error code: the one place this mapping lives. */
export function statusForCode(code: ErrorCode): number {
  return statusByCode[code];
}

/** Turns body-parser's own errors (bad JSON, too large) into AppErrors so they share the error shape. */
function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('bad_request', 'The request body is not valid JSON.');
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AppError('bad_request', 'The request body encoding is not supported.');
  return null;
}

/** The one error middleware: expected errors keep their message, anything else is a 500 without internal detail. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = toAppError(error);
  if (!appError) req.log?.error({ err: error }, 'unhandled error');
  const known = appError ?? new AppError('internal', 'Something went wrong on our side. The error has been logged.');
  const body: ErrorBody = { error: { code: known.code, message: known.message } };
  res.status(statusForCode(known.code)).json(body);
};

/** Unknown API paths answer with the error shape rather than the client's HTML. */
export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'No such API endpoint.'));
};
