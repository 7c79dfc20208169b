import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { can, type GlossaryHit, type Role } from '@verity/common';
import { addGlossaryTerm, attachGlossary, createGlossary, detachGlossary, listGlossaries } from '../../api/glossary.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { PanelError } from '../../components/panel-error.tsx';
import { LoadingState } from '../../components/page-state.tsx';
import type { TranscriptEditor } from '../../editor/types.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { AttachedList } from './attached-list.tsx';
import { GlossaryHitGroups } from './glossary-hit-groups.tsx';
import { applyGlossaryFix, useGlossaryHits } from './use-glossary-hits.ts';

interface GlossaryPanelProps {
  transcriptId: string;
  myRole: Role;
  provider: LiveTranscriptProvider;
  /** The bound editor, whose undo history takes the fixes; null until it is ready. */
  editor: TranscriptEditor | null;
}

/**
 * The Glossary tab: the term lists attached to this transcript and the speakers' names as terms, the
 * words flagged in the text with a one-click fix each and "fix all" per term (the user's own undoable
 * edits through the live document), and, for the transcript's owner, attaching, creating and filling
 * lists (terms, CSV). Lists and hits follow live: others' typing, fixes and list changes show at once.
 */
export function GlossaryPanel({ transcriptId, myRole, provider, editor }: GlossaryPanelProps) {
  const glossary = useGlossaryHits(provider);
  const canAttach = can(myRole, 'attachGlossaries');
  const canFix = can(myRole, 'correct') && editor !== null;
  const action = useAsyncAction((change: () => Promise<unknown>) => change());
  const perform = async <T,>(change: () => Promise<T>): Promise<T | null> => {
    const result = await action.run(change);
    if (result.ok) glossary.reload();
    return result.ok ? (result.value as T) : null;
  };
  const [message, setMessage] = useState<string | null>(null);

  const fix = (hits: readonly GlossaryHit[]) => {
    if (!editor) return;
    const { fixed, skipped } = applyGlossaryFix(editor, hits);
    setMessage(`Fixed ${fixed}${skipped > 0 ? ` (${skipped} changed meanwhile and ${skipped === 1 ? 'was' : 'were'} left)` : ''}. Ctrl+Z in the text undoes it.`);
  };

  const attachedIds = new Set(glossary.lists.map((list) => list.id));
  const speakerTerms = glossary.terms.filter((term) => term.source === 'speakers');

  return (
    <section className="panel glossary-panel" aria-labelledby="glossary-heading" data-testid="glossary-panel">
      <div className="panel-heading">
        <h2 id="glossary-heading">Glossary</h2>
        <Link to="/glossaries" className="button button-ghost button-small">
          Your term lists
        </Link>
      </div>
      {glossary.status === 'loading' && glossary.lists.length === 0 ? <LoadingState label="Loading the glossary…" /> : null}
      <PanelError error={glossary.status === 'error' ? glossary.error : null} onRetry={glossary.reload} />
      <PanelError error={action.error} onDismiss={action.reset} />
      {message ? (
        <p className="muted" role="status" data-testid="glossary-message">
          {message}
        </p>
      ) : null}

      <h3>
        Flagged in the text <span className="badge" data-testid="glossary-hit-count">{glossary.hits.length}</span>
      </h3>
      {glossary.isTruncated ? <p className="muted">Only the first {glossary.hits.length} are listed.</p> : null}
      <GlossaryHitGroups hits={glossary.hits} editor={editor} canFix={canFix} onFix={fix} />

      <h3>Term lists on this transcript</h3>
      {glossary.lists.length === 0 && glossary.status === 'ready' ? <p className="muted">No term list is attached{canAttach ? '' : ' (the transcript’s owner attaches them)'}.</p> : null}
      <ul className="glossary-lists">
        {glossary.lists.map((list) => (
          <AttachedList
            key={list.id}
            list={list}
            canDetach={canAttach}
            isBusy={action.isPending}
            onDetach={() => void perform(() => detachGlossary(transcriptId, list.id))}
            onAddTerm={async (term) => (await perform(() => addGlossaryTerm(list.id, term))) !== null}
            runImport={(change) => perform(change)}
          />
        ))}
      </ul>

      <h3>Terms from speakers</h3>
      {speakerTerms.length === 0 ? <p className="muted">No named speakers yet.</p> : null}
      <ul className="glossary-speaker-terms" data-testid="glossary-speaker-terms">
        {speakerTerms.map((term) => (
          <li key={term.id}>
            <strong>{term.term}</strong>
            {term.misrecognitions.length > 0 ? <span className="muted"> — flags {term.misrecognitions.join(', ')}</span> : null}
          </li>
        ))}
      </ul>

      {canAttach ? <AttachControls transcriptId={transcriptId} attachedIds={attachedIds} isBusy={action.isPending} perform={perform} /> : null}
    </section>
  );
}

interface AttachControlsProps {
  transcriptId: string;
  attachedIds: ReadonlySet<string>;
  isBusy: boolean;
  perform: <T>(change: () => Promise<T>) => Promise<T | null>;
}

/** The owner's controls: attach one of their lists, or create a new one and attach it at once. */
function AttachControls({ transcriptId, attachedIds, isBusy, perform }: AttachControlsProps) {
  const mine = useApiQuery('my-glossaries', (signal) => listGlossaries(signal));
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const available = useMemo(() => (mine.data ?? []).filter((list) => !attachedIds.has(list.id)), [mine.data, attachedIds]);
  return (
    <div className="glossary-attach" data-testid="glossary-attach">
      <PanelError error={mine.error} onRetry={mine.reload} />
      {available.length > 0 ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const id = chosen || available[0]!.id;
            void perform(() => attachGlossary(transcriptId, id)).then(() => mine.reload());
          }}
        >
          <select value={chosen || available[0]!.id} onChange={(event) => setChosen(event.target.value)} aria-label="Your term list to attach" data-testid="glossary-attach-select">
            {available.map((list) => (
              <option key={list.id} value={list.id}>
                {list.name} ({list.termCount} terms)
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary button-small" disabled={isBusy} data-testid="glossary-attach-submit">
            Attach
          </button>
        </form>
      ) : null}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void perform(async () => {
            const created = await createGlossary(name.trim());
            return attachGlossary(transcriptId, created.id);
          }).then((result) => {
            if (result) setName('');
            mine.reload();
          });
        }}
      >
        <input value={name} onChange={(event) => setName(event.target.value)} placeholder="New term list" maxLength={120} aria-label="Name of a new term list" data-testid="glossary-new-name" />
        <button type="submit" className="button button-secondary button-small" disabled={isBusy || name.trim() === ''} data-testid="glossary-new-submit">
          Create and attach
        </button>
      </form>
    </div>
  );
}
