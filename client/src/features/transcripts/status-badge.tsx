import type { Role, TranscriptStatus } from '@verity/common';
import { roleLabels, statusLabels } from './labels.ts';

/** A transcript's status as a small coloured label; the text, not the colour, carries the meaning. */
export function StatusBadge({ status }: { status: TranscriptStatus }) {
  return <span className={`badge badge-status-${status}`}>{statusLabels[status]}</span>;
}

/** The signed-in user's role on a transcript. */
export function RoleBadge({ role }: { role: Role }) {
  return <span className="badge badge-role">{roleLabels[role]}</span>;
}
