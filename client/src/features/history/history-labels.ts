import type { VersionKind } from '@verity/common';

/** How each kind of version reads in the list. */
export const kindLabels: Record<VersionKind, string> = {
  import: 'Raw import',
  auto: 'Automatic',
  named: 'Named',
  restore: 'Restore',
  approval: 'Approved',
};
