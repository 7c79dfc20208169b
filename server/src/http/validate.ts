import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@verity/common';
import type { z } from 'zod';

/** Schemas (from common/) for the parts of a request a route reads; a part without one is not read. */
export interface InputSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a validated handler receives: each part as its schema's output type. */
export interface Input<S extends InputSchemas> {
  body: Parsed<S['body']>;
  query: Parsed<S['query']>;
  params: Parsed<S['params']>;
}

/** Parses a value with a schema, or throws the first problem as `path: message` (validation_failed). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new AppError('validation_failed', `${issue.path.length > 0 ? issue.path.join('.') : where}: ${issue.message}`);
  }
  return result.data;
}

/** A path that does not parse names nothing: 404 with the schema's own message ("No such version."). */
export function parseParams<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('not_found', result.error.issues[0]!.message);
  return result.data;
}

/**
 * The typed boundary (Outline's `ctx.input`): parses body, query and path parameters with their schemas
 * before the handler runs and hands it the typed, canonical values, so nothing downstream reads
 * `req.body`, `req.query` or `req.params` itself. Body and query problems are 400 `path: message`; a body
 * that is not JSON is 415; path problems are 404.
 */
export function validate<S extends InputSchemas>(schemas: S, handler: (input: Input<S>, req: Request, res: Response) => void | Promise<void>): RequestHandler {
  return (req, res) => {
    // A body that is not JSON was never parsed; say so instead of reporting its fields missing.
    // (An empty body, as fetch sends for a bare POST, is no body: the schema reads it as {}.)
    if (schemas.body && req.is('application/json') === false && req.get('content-length') !== '0') {
      throw new AppError('unsupported_media_type', 'Send the request body as JSON, with Content-Type: application/json.');
    }
    const input = {
      params: schemas.params ? parseParams(schemas.params, req.params) : undefined,
      query: schemas.query ? parseInput(schemas.query, req.query, 'query') : undefined,
      body: schemas.body ? parseInput(schemas.body, req.body ?? {}) : undefined,
    } as Input<S>;
    // Express 5 passes a rejected promise (or a throw) to the error middleware.
    return handler(input, req, res);
  };
}
