import { Component, type ReactNode } from 'react';

interface ChunkBoundaryProps {
  /** What failed to load, for the message ("the queue"). */
  what: string;
  children: ReactNode;
}

/**
 * Catches a lazily loaded part (a side panel, a page) whose code could not be fetched — offline when
 * its tab was first shown, or a new deployment replaced the file — so that part says so instead of
 * React unmounting the whole page, the editor and its unsaved words with it. Reloading fetches it anew.
 */
export class ChunkBoundary extends Component<ChunkBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="page-state page-state-error" role="alert" data-testid="chunk-error">
        <p>
          {this.props.what.charAt(0).toUpperCase() + this.props.what.slice(1)} could not be loaded
          {typeof navigator !== 'undefined' && !navigator.onLine ? ' while offline' : ''}. Reload the page to try again; the text is not affected.
        </p>
      </div>
    );
  }
}
