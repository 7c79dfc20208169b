import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { setupRequestSchema } from '@verity/common';
import { isApiError } from '../../api/api-error.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { splitServerError, validate, type FieldErrors } from '../../components/validate.ts';
import { AccountFields, type AccountValues } from './account-fields.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { useSession } from './session-context.tsx';

/** First run: creates the owner account, which can then invite everyone else. */
export function SetupPage() {
  useDocumentTitle('Set up');
  const { setup, user, completeSetup } = useSession();
  const [values, setValues] = useState<AccountValues>({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, isPending, error } = useAsyncAction(completeSetup);
  const server = splitServerError(error, ['displayName', 'email', 'password']);

  if (user) return <Navigate to="/" replace />;
  if (setup && !setup.needsSetup) return <Navigate to="/login" replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(setupRequestSchema, values);
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) await run(result.data);
  }

  return (
    <AuthLayout title="Welcome to Verity" intro={<p>Create the owner account for this installation. You can invite your team once you are in.</p>}>
      <form className="form" data-testid="setup-form" onSubmit={handleSubmit} noValidate aria-busy={isPending}>
        <AccountFields values={values} errors={{ ...server.fieldErrors, ...errors }} onChange={setValues} />
        <FormError error={server.formError} />
        {isApiError(error, 'conflict') ? (
          <p className="auth-footer">
            <Link to="/login" reloadDocument>
              Go to log in
            </Link>
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-block" disabled={isPending}>
          {isPending ? 'Creating account…' : 'Create owner account'}
        </button>
      </form>
    </AuthLayout>
  );
}
