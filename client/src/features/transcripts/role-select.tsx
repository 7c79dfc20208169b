import { useId } from 'react';
import type { GrantableRole } from '@verity/common';
import { grantableRoles, roleDescriptions, roleLabels } from './labels.ts';

/** A labelled picker for the roles an owner can grant, each with what it allows. */
export function RoleSelect({ label, value, onChange }: { label: string; value: GrantableRole; onChange: (role: GrantableRole) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value as GrantableRole)}>
        {grantableRoles.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]} — {roleDescriptions[role]}
          </option>
        ))}
      </select>
    </div>
  );
}
