import { useRef, useState, type KeyboardEvent } from 'react';
import { maxCommentLength } from '@verity/common';

/** Someone who may be mentioned. */
export interface MentionCandidate {
  userId: string;
  displayName: string;
}

/** The "@Ad" being typed just before the caret, if any (an @ at the start or after a non-letter). */
export function mentionQuery(textBeforeCaret: string): string | null {
  const match = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}_][\p{L}\p{N}_ .'-]{0,40})?$/u.exec(textBeforeCaret);
  return match ? (match[1] ?? '') : null;
}

interface MentionTextareaProps {
  value: string;
  onChange: (value: string) => void;
  members: readonly MentionCandidate[];
  label: string;
  autoFocus?: boolean;
  /** Ctrl/⌘+Enter. */
  onSubmit?: () => void;
  testId?: string;
}

/**
 * A comment field that offers the transcript's members after an @ (click, or Tab for the first) and
 * inserts "@Display Name"; the server resolves what was written to members when the comment is saved.
 */
export function MentionTextarea({ value, onChange, members, label, autoFocus, onSubmit, testId }: MentionTextareaProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(value.length);
  const query = mentionQuery(value.slice(0, caret));
  const suggestions = query === null ? [] : members.filter((member) => member.displayName.toLowerCase().startsWith(query.toLowerCase().trimEnd())).slice(0, 6);

  const insert = (member: MentionCandidate) => {
    if (query === null) return;
    const before = value.slice(0, caret - query.length);
    const next = `${before}${member.displayName} ${value.slice(caret)}`;
    onChange(next);
    const position = before.length + member.displayName.length + 1;
    setCaret(position);
    requestAnimationFrame(() => field.current?.setSelectionRange(position, position));
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Tab' && suggestions.length > 0 && !event.shiftKey) {
      event.preventDefault();
      insert(suggestions[0]!);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit?.();
    }
  };

  return (
    <div className="mention-field">
      <label className="field">
        <span className="field-label">{label}</span>
        <textarea
          ref={field}
          value={value}
          rows={3}
          maxLength={maxCommentLength}
          autoFocus={autoFocus}
          onChange={(event) => {
            onChange(event.target.value);
            setCaret(event.target.selectionStart);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={handleKeyDown}
          data-testid={testId}
        />
      </label>
      {suggestions.length > 0 ? (
        <ul className="mention-suggestions" role="listbox" aria-label="Mention a member" data-testid="mention-suggestions">
          {suggestions.map((member) => (
            <li key={member.userId} role="option" aria-selected={false}>
              <button type="button" className="button button-ghost button-small" onMouseDown={(event) => event.preventDefault()} onClick={() => insert(member)}>
                @{member.displayName}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
