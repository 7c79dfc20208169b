import { useId, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Speaker } from '@verity/common';

interface SpeakerRosterProps {
  speakers: Speaker[];
  currentSpeakerId: string | null;
  anchor: DOMRect;
  onSelect: (speakerId: string | null) => void;
  onCreate: (name: string) => void;
  onClose: () => void;
}

type Option = { kind: 'speaker'; speaker: Speaker } | { kind: 'create'; name: string } | { kind: 'none' };

/** Searchable speaker list (combobox + listbox) to reassign a turn or add a new speaker. */
export function SpeakerRoster({ speakers, currentSpeakerId, anchor, onSelect, onCreate, onClose }: SpeakerRosterProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  const options = useMemo<Option[]>(() => {
    const needle = query.trim().toLowerCase();
    const matches = speakers.filter((speaker) => !needle || `${speaker.displayName} ${speaker.label}`.toLowerCase().includes(needle));
    const list: Option[] = matches.map((speaker) => ({ kind: 'speaker', speaker }));
    const isExact = speakers.some((speaker) => speaker.displayName.toLowerCase() === needle);
    if (needle && !isExact) list.push({ kind: 'create', name: query.trim() });
    if (!needle) list.push({ kind: 'none' });
    return list;
  }, [speakers, query]);

  const choose = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'speaker') onSelect(option.speaker.id);
    else if (option.kind === 'create') onCreate(option.name);
    else onSelect(null);
  };

  const activeIndex = Math.min(active, options.length - 1);
  const style = { top: Math.min(anchor.bottom + 4, window.innerHeight - 320), left: Math.max(8, Math.min(anchor.left, window.innerWidth - 300)) };

  return createPortal(
    <>
      <div className="popover-backdrop" onMouseDown={onClose} />
      <div className="popover speaker-roster" role="dialog" aria-label="Change speaker" style={style} data-testid="speaker-roster">
        <input
          className="roster-search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={options.length ? `${listId}-${activeIndex}` : undefined}
          aria-label="Find or add a speaker"
          placeholder="Find or add a speaker…"
          value={query}
          autoFocus
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((activeIndex + 1) % options.length);
            else if (event.key === 'ArrowUp') setActive((activeIndex - 1 + options.length) % options.length);
            else if (event.key === 'Enter') choose(options[activeIndex]);
            else if (event.key === 'Escape') onClose();
            else return;
            event.preventDefault();
          }}
        />
        <ul id={listId} role="listbox" aria-label="Speakers" className="roster-list">
          {options.map((option, index) => (
            <li
              key={option.kind === 'speaker' ? option.speaker.id : option.kind}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={`roster-option${index === activeIndex ? ' is-active' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(option)}
            >
              {option.kind === 'speaker' ? (
                <>
                  {option.speaker.displayName}
                  {option.speaker.id === currentSpeakerId ? <span className="muted"> (current)</span> : null}
                  {option.speaker.role ? <span className="muted"> · {option.speaker.role}</span> : null}
                </>
              ) : option.kind === 'create' ? (
                <>Add speaker “{option.name}”</>
              ) : (
                <span className="muted">No speaker (unattributed)</span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </>,
    document.body,
  );
}
