import type { RequestHandler } from 'express';
import { AppError } from '@verity/common';
import type { z } from 'zod';

/** Parses a value with a schema, or throws the first problem as `path: message` (validation_failed). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
    throw new AppError('validation_failed', `${where}: ${issue.message}`);
  }
  return result.data;
}

/** Replaces req.body with its parsed value, or reports the first problem as `path: message`. */
export function validateBody(schema: z.ZodType): RequestHandler {
  return (req, _res, next) => {
    try {
      // A body that is not JSON was never parsed; say so instead of reporting its fields missing.
      if (req.is('application/json') === false) throw new AppError('unsupported_media_type', 'Send the request body as JSON, with Content-Type: application/json.');
      req.body = parseInput(schema, req.body ?? {});
      next();
    } catch (error) {
      next(error);
    }
  };
}
