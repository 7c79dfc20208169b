import { AppError } from '@verity/common';
import type { z } from 'zod';

/** Validates one command-line value with the same schema the API uses. */
export function parseOption<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('validation_failed', `${flag}: ${result.error.issues[0]!.message}`);
  return result.data;
}
