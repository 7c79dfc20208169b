import type { VersionKind } from '@verity/common';

/** How each kind of version reads in the list. */
export const kindLabels: Record<VersionKind, string> = {
  import: 'Raw import',
  auto: 'Automatic',
  named: 'Named',
  restore: 'Restore',
  approval: 'Approved',
};

/** "14:03" today, "3 Mar 14:03" before. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  const clock = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === new Date().toDateString() ? clock : `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${clock}`;
}
