import { useMemo } from 'react';
import { ReactEditor } from 'slate-react';
import type { GlossaryHit } from '@verity/common';
import type { TranscriptEditor } from '../../editor/types.ts';
import { glossaryHitRange } from './glossary-decorations.ts';

interface GlossaryHitGroupsProps {
  hits: readonly GlossaryHit[];
  editor: TranscriptEditor | null;
  canFix: boolean;
  onFix: (hits: readonly GlossaryHit[]) => void;
}

/** Hits grouped by the term they should read, with counts, "fix all N", and each hit with Show and Fix. */
export function GlossaryHitGroups({ hits, editor, canFix, onFix }: GlossaryHitGroupsProps) {
  const groups = useMemo(() => {
    const byTerm = new Map<string, { fix: string; source: string; hits: GlossaryHit[] }>();
    for (const hit of hits) {
      const group = byTerm.get(hit.termId) ?? { fix: hit.fix, source: hit.source, hits: [] };
      group.hits.push(hit);
      byTerm.set(hit.termId, group);
    }
    return [...byTerm.entries()];
  }, [hits]);

  const show = (hit: GlossaryHit) => {
    const range = editor ? glossaryHitRange(editor, hit) : null;
    if (!editor || !range) return;
    ReactEditor.focus(editor);
    editor.select(range);
    ReactEditor.toDOMNode(editor, editor).ownerDocument.getSelection()?.focusNode?.parentElement?.scrollIntoView({ block: 'center' });
  };

  if (hits.length === 0) return <p className="muted">Nothing flagged: no known misrecognition is in the text.</p>;
  return (
    <ul className="glossary-groups">
      {groups.map(([termId, group]) => (
        <li key={termId} className="glossary-group" data-testid="glossary-group" data-term={group.fix}>
          <div className="glossary-group-heading">
            <strong>{group.fix}</strong> <span className="muted">{group.source === 'speakers' ? 'a speaker’s name' : group.source}</span>{' '}
            <span className="badge" data-testid="glossary-group-count">{group.hits.length}</span>
            {canFix ? (
              <button type="button" className="button button-secondary button-small" onClick={() => onFix(group.hits)} data-testid="glossary-fix-all">
                Fix all {group.hits.length}
              </button>
            ) : null}
          </div>
          <ul className="glossary-hits">
            {group.hits.map((hit) => (
              <li key={hit.key} className="glossary-hit-row" data-testid="glossary-hit-row">
                <button type="button" className="link-button" onClick={() => show(hit)} title="Show it in the text">
                  <span className="muted">Turn {hit.blockIndex + 1}:</span> …{hit.before}
                  <s>{hit.text}</s>
                  {hit.after}…
                </button>
                {canFix ? (
                  <button type="button" className="button button-ghost button-small" onClick={() => onFix([hit])} aria-label={`Fix ${hit.label}`} data-testid="glossary-fix">
                    Fix
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
