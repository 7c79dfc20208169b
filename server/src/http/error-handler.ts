import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, type ErrorBody, type ErrorCode } from '@verity/common';
import { fromFrameworkError } from './framework-errors.ts';

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
  unsupported_media_type: 415,
  empty_file: 422,
  binary_file: 415,
  malformed_file: 422,
  file_too_costly: 422,
  range_not_satisfiable: 416,
  invalid_anchor: 422,
  rate_limited: 429,
  internal: 500,
};

/** The HTTP status for an error code: the one place this mapping lives. */
export function statusForCode(code: ErrorCode): number {
  return statusByCode[code];
}

/** The one error middleware: expected errors keep their message and status, anything else is a 500 without internal detail. */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  // Mid-response there is no status left to set: Express closes the connection.
  if (res.headersSent) return next(error);
  const clientError = fromFrameworkError(error);
  if (!clientError) req.log?.error({ err: error }, 'unhandled error');
  const known = clientError?.appError ?? new AppError('internal', 'Something went wrong on our side. The error has been logged.');
  const body: ErrorBody = { error: { code: known.code, message: known.message } };
  res.status(clientError?.status ?? statusForCode(known.code)).json(body);
};

/** Unknown API paths answer with the error shape rather than the client's HTML. */
export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'No such API endpoint.'));
};
