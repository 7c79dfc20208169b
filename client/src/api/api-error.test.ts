import { describe, expect, it } from 'vitest';
import { AppError } from '@verity/common';
import { ApiError, errorMessage } from './api-error.ts';

describe('errorMessage', () => {
  it('shows the server’s and the shared edits’ messages, and nothing internal for anything else', () => {
    expect(errorMessage(new ApiError('conflict', 'Already approved.', 409))).toBe('Already approved.');
    expect(errorMessage(new AppError('not_found', 'This transcript has no speaker "s9".'))).toBe('This transcript has no speaker "s9".');
    expect(errorMessage(new TypeError('x is undefined'))).toBe('Something went wrong. Please try again.');
    expect(errorMessage('boom')).toBe('Something went wrong. Please try again.');
  });
});
