import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { signupRequestSchema } from '@verity/common';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { splitServerError, validate, type FieldErrors } from '../../components/validate.ts';
import { AccountFields, type AccountValues } from './account-fields.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { nextParam, safeRedirectPath, withNext } from './safe-redirect.ts';
import { useSession } from './session-context.tsx';

/** Self-service sign-up, offered only when the installation allows it. */
export function SignupPage() {
  useDocumentTitle('Create an account');
  const { setup, user, signup } = useSession();
  const [searchParams] = useSearchParams();
  const next = safeRedirectPath(searchParams.get(nextParam));
  const [values, setValues] = useState<AccountValues>({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, isPending, error } = useAsyncAction(signup);
  const server = splitServerError(error, ['displayName', 'email', 'password']);

  if (setup?.needsSetup) return <Navigate to="/setup" replace />;
  if (user) return <Navigate to={next} replace />;

  if (!setup?.openSignup) {
    return (
      <AuthLayout title="Sign-up is closed" intro={<p>Accounts on this Verity are created by invitation. Ask a transcript owner to add you.</p>}>
        <p className="auth-footer">
          Already have an account? <Link to={withNext('/login', next)}>Log in</Link>
        </p>
      </AuthLayout>
    );
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(signupRequestSchema, values);
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) await run(result.data);
  }

  return (
    <AuthLayout title="Create an account">
      <form className="form" data-testid="signup-form" onSubmit={handleSubmit} noValidate aria-busy={isPending}>
        <AccountFields values={values} errors={{ ...server.fieldErrors, ...errors }} onChange={setValues} />
        <FormError error={server.formError} />
        <button type="submit" className="button button-primary button-block" disabled={isPending}>
          {isPending ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p className="auth-footer">
        Already have an account? <Link to={withNext('/login', next)}>Log in</Link>
      </p>
    </AuthLayout>
  );
}
