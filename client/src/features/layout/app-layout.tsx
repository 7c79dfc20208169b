import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { ChunkBoundary } from '../../components/chunk-boundary.tsx';
import { LoadingState } from '../../components/page-state.tsx';
import { UserMenu } from './user-menu.tsx';

/** The signed-in frame: a top bar with the product name and the user menu, above the current page. */
export function AppLayout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <Link to="/" className="brand">
          Verity
        </Link>
        <nav aria-label="Main" className="top-nav">
          <Link to="/">Transcripts</Link>
          <Link to="/glossaries">Term lists</Link>
        </nav>
        <UserMenu />
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {/* Here too, so the top bar stays while a page's code loads. */}
        <ChunkBoundary what="this page">
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </ChunkBoundary>
      </main>
    </div>
  );
}
