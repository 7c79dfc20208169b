import { useState, type FormEvent } from 'react';
import { changePasswordRequestSchema } from '@verity/common';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import { FormField } from '../../components/form-field.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { splitServerError, validate, type FieldErrors } from '../../components/validate.ts';
import { useCurrentUser, useSession } from '../auth/session-context.tsx';

const emptyForm = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** The signed-in user's details, password change and log out. */
export function AccountPage() {
  useDocumentTitle('Account');
  const user = useCurrentUser();
  const { changePassword, logout } = useSession();
  const [values, setValues] = useState(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [isChanged, setIsChanged] = useState(false);
  const change = useAsyncAction(changePassword);
  const signOut = useAsyncAction(logout);
  const server = splitServerError(change.error, ['currentPassword', 'newPassword']);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsChanged(false);
    const result = validate(changePasswordRequestSchema, values);
    const nextErrors: FieldErrors = result.ok ? {} : { ...result.errors };
    if (!values.currentPassword) nextErrors.currentPassword = 'Enter your current password';
    if (values.confirmPassword !== values.newPassword) nextErrors.confirmPassword = 'Does not match the new password';
    setErrors(nextErrors);
    if (!result.ok || Object.keys(nextErrors).length > 0) return;
    const changed = await change.run(result.data);
    if (changed.ok) {
      setValues(emptyForm);
      setIsChanged(true);
    }
  }

  function update(field: keyof typeof emptyForm, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  return (
    <div className="narrow">
      <h1>Account</h1>
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl className="details">
          <div>
            <dt>Name</dt>
            <dd>{user.displayName}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>{user.email}</dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <form className="form" data-testid="password-form" onSubmit={handleSubmit} noValidate aria-busy={change.isPending}>
          {/* Lets password managers pair the new password with this account. */}
          <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <FormField
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={values.currentPassword}
            error={errors.currentPassword ?? server.fieldErrors.currentPassword}
            onChange={(event) => update('currentPassword', event.target.value)}
          />
          <FormField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
            value={values.newPassword}
            error={errors.newPassword ?? server.fieldErrors.newPassword}
            onChange={(event) => update('newPassword', event.target.value)}
          />
          <FormField
            label="Repeat new password"
            type="password"
            autoComplete="new-password"
            value={values.confirmPassword}
            error={errors.confirmPassword}
            onChange={(event) => update('confirmPassword', event.target.value)}
          />
          <FormError error={server.formError} />
          {isChanged ? (
            <p className="form-success" role="status">
              Your password has been changed.
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={change.isPending}>
              {change.isPending ? 'Changing…' : 'Change password'}
            </button>
          </div>
        </form>
      </section>

      <section className="panel" aria-labelledby="session-heading">
        <h2 id="session-heading">Session</h2>
        <p className="muted">Log out of Verity on this device.</p>
        <FormError error={signOut.error} />
        <button type="button" className="button button-secondary" onClick={() => void signOut.run()} disabled={signOut.isPending}>
          {signOut.isPending ? 'Logging out…' : 'Log out'}
        </button>
      </section>
    </div>
  );
}
