import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import { FormField } from '../../components/form-field.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { AuthLayout } from './auth-layout.tsx';
import { nextParam, safeRedirectPath, withNext } from './safe-redirect.ts';
import { useSession } from './session-context.tsx';

/** Log in with e-mail and password, then return to the page that asked for it. */
export function LoginPage() {
  useDocumentTitle('Log in');
  const { setup, user, login } = useSession();
  const [searchParams] = useSearchParams();
  const next = safeRedirectPath(searchParams.get(nextParam));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { run, isPending, error } = useAsyncAction(login);

  if (setup?.needsSetup) return <Navigate to="/setup" replace />;
  // Signing in sets the user, and this re-render is what takes them onwards.
  if (user) return <Navigate to={next} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run({ email: email.trim(), password });
  }

  return (
    <AuthLayout title="Log in">
      <form className="form" data-testid="login-form" onSubmit={handleSubmit} aria-busy={isPending}>
        <FormField label="E-mail" type="email" name="email" autoComplete="username" required autoFocus value={email} onChange={(event) => setEmail(event.target.value)} />
        <FormField label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <FormError error={error} />
        <button type="submit" className="button button-primary button-block" disabled={isPending}>
          {isPending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      {setup?.openSignup ? (
        <p className="auth-footer">
          New to Verity? <Link to={withNext('/signup', next)}>Create an account</Link>
        </p>
      ) : null}
    </AuthLayout>
  );
}
