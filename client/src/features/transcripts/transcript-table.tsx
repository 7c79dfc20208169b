import { Link } from 'react-router-dom';
import type { TranscriptSummary } from '@verity/common';
import { RelativeTime } from '../../components/relative-time.tsx';
import { RoleBadge, StatusBadge } from './status-badge.tsx';

/** The transcripts a user can open, most recently updated first. */
export function TranscriptTable({ transcripts }: { transcripts: TranscriptSummary[] }) {
  const sorted = [...transcripts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="transcript-list">
        <caption className="visually-hidden">Your transcripts</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Your role</th>
            <th scope="col">Owner</th>
            <th scope="col" className="align-end">
              Updated
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((transcript) => (
            <tr key={transcript.id} data-testid="transcript-row">
              <th scope="row" className="cell-title">
                <Link to={`/t/${encodeURIComponent(transcript.id)}`}>{transcript.title}</Link>
              </th>
              <td>
                <StatusBadge status={transcript.status} />
              </td>
              <td>
                <RoleBadge role={transcript.role} />
              </td>
              <td className="muted">{transcript.ownerName}</td>
              <td className="align-end muted nowrap">
                <RelativeTime value={transcript.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
