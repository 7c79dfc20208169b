import { describe, expect, it } from 'vitest';
import { AppError } from '@verity/common';
import { fromFrameworkError } from './framework-errors.ts';

describe('fromFrameworkError', () => {
  it('keeps AppErrors as they are', () => {
    const error = new AppError('conflict', 'taken');
    expect(fromFrameworkError(error)).toEqual({ appError: error });
  });

  it('gives framework 4xx errors a code and a fixed message, never their own text', () => {
    const parse = fromFrameworkError(Object.assign(new SyntaxError('Unexpected token } in JSON at position 7: secret'), { status: 400, type: 'entity.parse.failed' }));
    expect(parse?.appError).toMatchObject({ code: 'bad_request', message: 'The request body is not valid JSON.' });
    const zlib = fromFrameworkError(Object.assign(new Error('incorrect header check'), { status: 400, code: 'Z_DATA_ERROR' }));
    expect(zlib?.appError.message).toMatch(/decompressed/);
    const uri = fromFrameworkError(Object.assign(new URIError("Failed to decode param '%E0'"), { status: 400 }));
    expect(uri?.appError.message).toBe('The request path has a malformed % escape.');
    expect(fromFrameworkError(Object.assign(new Error('x'), { statusCode: 413, type: 'entity.too.large' }))?.appError.code).toBe('payload_too_large');
    expect(fromFrameworkError(Object.assign(new Error('Range Not Satisfiable'), { status: 416 }))).toEqual({ appError: expect.any(AppError), status: 416 });
  });

  it('leaves unknown errors and server-side statuses to the 500 path', () => {
    expect(fromFrameworkError(new Error('boom'))).toBeNull();
    expect(fromFrameworkError(Object.assign(new Error('stream.not.readable'), { status: 500 }))).toBeNull();
    expect(fromFrameworkError({ status: '400' })).toBeNull();
    expect(fromFrameworkError(null)).toBeNull();
    expect(fromFrameworkError('a string')).toBeNull();
  });
});
