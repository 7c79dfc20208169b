import type { z } from 'zod';
import { ApiError } from '../api/api-error.ts';

/** Field name → the first problem with it, phrased for display next to the field. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * Checks form values against a contract schema before sending them, so people see the same rules the
 * server enforces next to the field they concern, instead of one message after a round trip.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    errors[field] ??= capitalize(issue.message);
  }
  return { ok: false, errors };
}

function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Moves a server `validation_failed` message of the form "field: problem" next to that field when the
 * form has it; anything else stays a form-level error.
 */
export function splitServerError(error: unknown, fields: readonly string[]): { fieldErrors: FieldErrors; formError: unknown } {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return { fieldErrors: {}, formError: error };
  const match = /^([A-Za-z]+): (.+)$/s.exec(error.message);
  if (!match?.[1] || !match[2] || !fields.includes(match[1])) return { fieldErrors: {}, formError: error };
  return { fieldErrors: { [match[1]]: capitalize(match[2]) }, formError: undefined };
}
