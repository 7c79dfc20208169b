import { describe, expect, it } from 'vitest';
import { setupRequestSchema } from '@verity/common';
import { ApiError } from '../api/api-error.ts';
import { splitServerError, validate } from './validate.ts';

describe('validate', () => {
  it('returns the parsed data, normalised by the contract schema', () => {
    const result = validate(setupRequestSchema, { email: ' Ada@Example.COM ', displayName: ' Ada ', password: 'long enough pass' });
    expect(result).toEqual({ ok: true, data: { email: 'ada@example.com', displayName: 'Ada', password: 'long enough pass' } });
  });

  it('reports the first problem per field, capitalised', () => {
    const result = validate(setupRequestSchema, { email: 'nope', displayName: '  ', password: 'short' });
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'Must be an e-mail address',
        displayName: 'Must not be empty',
        password: 'Must be at least 10 characters',
      },
    });
  });
});

describe('splitServerError', () => {
  it('puts a field-specific validation message next to the field', () => {
    const error = new ApiError('validation_failed', 'currentPassword: is not your current password', 400);
    expect(splitServerError(error, ['currentPassword', 'newPassword'])).toEqual({
      fieldErrors: { currentPassword: 'Is not your current password' },
      formError: undefined,
    });
  });

  it('keeps other errors at form level', () => {
    const unknownField = new ApiError('validation_failed', 'other: nope', 400);
    const conflict = new ApiError('conflict', 'Already set up', 409);
    expect(splitServerError(unknownField, ['email'])).toEqual({ fieldErrors: {}, formError: unknownField });
    expect(splitServerError(conflict, ['email'])).toEqual({ fieldErrors: {}, formError: conflict });
    expect(splitServerError(undefined, ['email'])).toEqual({ fieldErrors: {}, formError: undefined });
  });
});
