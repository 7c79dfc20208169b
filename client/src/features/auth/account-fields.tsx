import type { FieldErrors } from '../../components/validate.ts';
import { FormField } from '../../components/form-field.tsx';

/** The values setup and sign-up both ask for. */
export interface AccountValues {
  displayName: string;
  email: string;
  password: string;
}

/** Name, e-mail and new-password fields, shared by the setup and sign-up forms. */
export function AccountFields({ values, errors, onChange }: { values: AccountValues; errors: FieldErrors; onChange: (values: AccountValues) => void }) {
  return (
    <>
      <FormField
        label="Your name"
        name="displayName"
        autoComplete="name"
        required
        autoFocus
        maxLength={100}
        value={values.displayName}
        error={errors.displayName}
        onChange={(event) => onChange({ ...values, displayName: event.target.value })}
      />
      <FormField
        label="E-mail"
        type="email"
        name="email"
        autoComplete="username"
        required
        value={values.email}
        error={errors.email}
        onChange={(event) => onChange({ ...values, email: event.target.value })}
      />
      <FormField
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A few unrelated words make a strong, memorable password."
        value={values.password}
        error={errors.password}
        onChange={(event) => onChange({ ...values, password: event.target.value })}
      />
    </>
  );
}
