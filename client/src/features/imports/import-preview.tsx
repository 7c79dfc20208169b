import { turnPlainText, type ImportPreview as Preview } from '@verity/common';
import { ImportWarnings } from './import-warnings.tsx';

const formatNames: Record<Preview['detectedFormat'], string> = {
  cart: 'CART real-time captioning text',
  srt: 'SubRip subtitles (SRT)',
  vtt: 'WebVTT subtitles',
  text: 'plain text',
  json: 'Verity JSON',
};

/** What the file would import: counts, what was skipped, speakers, suggestions and the first turns, all as plain text. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const { summary } = preview;
  const speakerNames = new Map(summary.speakers.map((speaker) => [speaker.id, speaker.displayName]));
  const events = Object.entries(summary.eventCounts);
  return (
    <section className="panel import-preview" data-testid="import-preview" aria-label="Import preview">
      <dl className="meta">
        <div>
          <dt>Format</dt>
          <dd data-testid="preview-format">{formatNames[preview.detectedFormat]}</dd>
        </div>
        <div>
          <dt>Turns</dt>
          <dd data-testid="preview-turn-count">{summary.turnCount}</dd>
        </div>
        <div>
          <dt>Speakers</dt>
          <dd data-testid="preview-speaker-count">{summary.speakers.length}</dd>
        </div>
        <div>
          <dt>Unattributed turns</dt>
          <dd>{summary.unattributedTurnCount}</dd>
        </div>
        <div>
          <dt>Uncertain spans</dt>
          <dd>{summary.uncertainCount}</dd>
        </div>
        <div>
          <dt>Notes</dt>
          <dd>{summary.noteCount}</dd>
        </div>
        <div>
          <dt>Words</dt>
          <dd>{summary.wordCount}</dd>
        </div>
      </dl>
      {events.length > 0 ? <p>Events: {events.map(([label, count]) => `${label} ×${count}`).join(', ')}</p> : null}

      <ImportWarnings warnings={preview.warnings} />

      <h2>Speakers</h2>
      <ul className="preview-speakers">
        {summary.speakers.map((speaker) => (
          <li key={speaker.id}>
            {speaker.label} — {speaker.turnCount} {speaker.turnCount === 1 ? 'turn' : 'turns'}
            {speaker.isGeneric ? <span className="badge badge-role">role, not a person</span> : null}
          </li>
        ))}
      </ul>

      {preview.speakerMergeSuggestions.length > 0 || preview.selfIntroductions.length > 0 ? (
        <>
          <h2>Suggestions</h2>
          <p className="muted">Nothing is changed on import; you can act on these while correcting.</p>
          <ul className="preview-suggestions">
            {preview.speakerMergeSuggestions.map((suggestion) => (
              <li key={suggestion.speakerIds.join('+')}>
                “{suggestion.labels[0]}” and “{suggestion.labels[1]}” may be the same person ({suggestion.reason}).
              </li>
            ))}
            {preview.selfIntroductions.map((introduction) => (
              <li key={`${introduction.turnId}:${introduction.name}`}>
                An unattributed turn may be {introduction.name}: “{introduction.evidence}”
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>First turns</h2>
      <ol className="preview-turns">
        {preview.firstTurns.map((turn) => (
          <li key={turn.id}>
            <strong>{turn.speakerId === null ? 'Unattributed' : (speakerNames.get(turn.speakerId) ?? turn.speakerId)}:</strong>{' '}
            <span className="preview-turn-text">{turnPlainText(turn)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
