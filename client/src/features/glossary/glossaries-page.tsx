import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Glossary } from '@verity/common';
import { addGlossaryTerm, createGlossary, deleteGlossary, deleteGlossaryTerm, getGlossary, listGlossaries, renameGlossary, updateGlossaryTerm } from '../../api/glossary.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { ErrorState, LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { GlossaryCsvControls } from './glossary-csv-controls.tsx';
import { GlossaryTermForm } from './glossary-term-form.tsx';

/**
 * /glossaries: the signed-in user's term lists across their transcripts (a meeting series reuses one):
 * create, rename, delete, edit terms, import and export CSV, and see where each is attached.
 */
export function GlossariesPage() {
  useDocumentTitle('Term lists');
  const lists = useApiQuery('glossaries', (signal) => listGlossaries(signal));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const action = useAsyncAction((change: () => Promise<unknown>) => change());

  if (lists.status === 'loading') return <LoadingState label="Loading your term lists…" />;
  if (lists.status === 'error') return <ErrorState error={lists.error} onRetry={lists.reload} />;
  const current = selectedId ?? lists.data[0]?.id ?? null;

  return (
    <section className="glossaries-page" data-testid="glossaries-page">
      <h1>Term lists</h1>
      <p className="muted">
        A term list holds correct spellings and what speech recognition makes of them. Attach a list to your transcripts from their Glossary tab; the same list serves a whole meeting series.
      </p>
      <PanelError error={action.error} onDismiss={action.reset} />
      <div className="glossary-page-grid">
        <div>
          <ul className="glossary-lists">
            {lists.data.map((list) => (
              <li key={list.id} className="glossary-list">
                <button type="button" className="link-button" aria-current={list.id === current} onClick={() => setSelectedId(list.id)} data-testid="glossary-page-list">
                  <strong>{list.name}</strong> <span className="muted">· {list.termCount} terms</span>
                </button>
              </li>
            ))}
          </ul>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void action.run(() => createGlossary(name.trim())).then((result) => {
                if (!result.ok) return;
                setName('');
                setSelectedId((result.value as Glossary).id);
                lists.reload();
              });
            }}
          >
            <input value={name} onChange={(event) => setName(event.target.value)} placeholder="New term list" maxLength={120} aria-label="Name of a new term list" />
            <button type="submit" className="button button-primary button-small" disabled={action.isPending || name.trim() === ''}>
              Create
            </button>
          </form>
        </div>
        {current ? <GlossaryEditor key={current} glossaryId={current} onChanged={lists.reload} onDeleted={() => { setSelectedId(null); lists.reload(); }} /> : <p className="muted">No term list yet.</p>}
      </div>
    </section>
  );
}

/** One list: its name, where it is attached, its terms (edit, remove, add), CSV import and export. */
function GlossaryEditor({ glossaryId, onChanged, onDeleted }: { glossaryId: string; onChanged: () => void; onDeleted: () => void }) {
  const glossary = useApiQuery(`glossary:${glossaryId}`, (signal) => getGlossary(glossaryId, signal));
  const action = useAsyncAction((change: () => Promise<unknown>) => change());
  const [editing, setEditing] = useState<string | null>(null);
  const apply = async (change: () => Promise<Glossary>): Promise<boolean> => {
    const result = await action.run(change);
    if (result.ok) {
      glossary.setData(result.value as Glossary);
      onChanged();
    }
    return result.ok;
  };
  if (glossary.status === 'loading') return <LoadingState />;
  if (glossary.status === 'error') return <ErrorState error={glossary.error} onRetry={glossary.reload} />;
  const list = glossary.data;
  return (
    <div data-testid="glossary-editor">
      <h2>{list.name}</h2>
      <PanelError error={action.error} onDismiss={action.reset} />
      <div className="inline-form">
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => {
            const name = window.prompt('New name for the term list', list.name)?.trim();
            if (name) void apply(() => renameGlossary(list.id, name));
          }}
        >
          Rename
        </button>
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => {
            if (window.confirm(`Delete “${list.name}”? It leaves every transcript it is attached to.`)) void action.run(() => deleteGlossary(list.id)).then((result) => result.ok && onDeleted());
          }}
        >
          Delete
        </button>
      </div>
      <p className="muted">
        {list.attachedTo.length === 0 ? 'Not attached to any transcript.' : 'Attached to: '}
        {list.attachedTo.map((transcript, index) => (
          <span key={transcript.id}>
            {index > 0 ? ', ' : ''}
            <Link to={`/t/${transcript.id}`}>{transcript.title}</Link>
          </span>
        ))}
      </p>
      <GlossaryCsvControls glossaryId={list.id} isBusy={action.isPending} run={async (change) => { const result = await action.run(change); if (!result.ok) return null; glossary.reload(); onChanged(); return result.value as Awaited<ReturnType<typeof change>>; }} onImported={() => undefined} />
      <ul className="glossary-terms">
        {list.terms.map((term) => (
          <li key={term.id} className="glossary-list" data-testid="glossary-term">
            {editing === term.id ? (
              <GlossaryTermForm initial={term} isBusy={action.isPending} submitLabel="Save" onCancel={() => setEditing(null)} onSubmit={async (changed) => { const isDone = await apply(() => updateGlossaryTerm(list.id, term.id, changed)); if (isDone) setEditing(null); return isDone; }} />
            ) : (
              <div className="inline-form">
                <strong>{term.term}</strong>
                {term.misrecognitions.length > 0 ? <span className="muted">← {term.misrecognitions.join(', ')}</span> : null}
                {term.note ? <span className="muted">· {term.note}</span> : null}
                <button type="button" className="button button-ghost button-small" onClick={() => setEditing(term.id)}>
                  Edit
                </button>
                <button type="button" className="button button-ghost button-small" onClick={() => void apply(() => deleteGlossaryTerm(list.id, term.id))} aria-label={`Remove ${term.term}`}>
                  Remove
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h3>Add a term</h3>
      <GlossaryTermForm isBusy={action.isPending} submitLabel="Add term" onSubmit={(term) => apply(() => addGlossaryTerm(list.id, term))} />
    </div>
  );
}
