import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../components/use-document-title.ts';

/** Any path the app does not know. */
export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <div className="empty-state">
      <h1>Page not found</h1>
      <p>The address may be mistyped, or the page has moved.</p>
      <Link to="/" className="button button-secondary">
        Back to transcripts
      </Link>
    </div>
  );
}
