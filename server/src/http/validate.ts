import type { RequestHandler } from 'express';
import { AppError } from '@verity/common';
import type { z } from 'zod';

/** Replaces req.body with its parsed value, or reports the first problem as `path: message`. */
export function validateBody(schema: z.ZodType): RequestHandler {
  return (req, _res, next) => {
    const result = schema.safeParse(req.body ?? {});
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
      next(new AppError('validation_failed', `${where}: ${issue.message}`));
      return;
    }
    req.body = result.data;
    next();
  };
}
