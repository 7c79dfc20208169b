import { errorMessage } from '../api/api-error.ts';

/** The server's message for a failed submit, announced to screen readers as it appears. */
export function FormError({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  return (
    <p className="form-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}
