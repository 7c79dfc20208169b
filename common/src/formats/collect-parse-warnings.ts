import type { Transcript } from '../transcript/transcript.schema.ts';

/** Something an importer skipped or changed while reading a file, about one line of it (1-based). */
export interface ParseWarning {
  line: number;
  message: string;
}

/** A parsed file and what was skipped or changed on the way, for the user to check before importing. */
export interface ParsedTranscript {
  transcript: Transcript;
  warnings: ParseWarning[];
}

/** How many warnings a parse keeps; the rest are counted in one closing entry. */
export const maxParseWarnings = 100;

/**
 * Warnings in file order, bounded: a file of a million bad blocks yields a readable list of the first
 * ones and a count, never a million-entry preview.
 */
export class ParseWarnings {
  private readonly kept: ParseWarning[] = [];
  private omittedCount = 0;
  private firstOmittedLine = 0;

  /** Records a warning about `line`. */
  add(line: number, message: string): void {
    if (this.kept.length < maxParseWarnings) this.kept.push({ line, message });
    else if (this.omittedCount++ === 0) this.firstOmittedLine = line;
  }

  /** How many warnings were recorded, kept or not. */
  get count(): number {
    return this.kept.length + this.omittedCount;
  }

  /** The kept warnings, plus one entry saying how many more there were. */
  toArray(): ParseWarning[] {
    if (this.omittedCount === 0) return [...this.kept];
    const more = `${this.omittedCount} more ${this.omittedCount === 1 ? 'problem' : 'problems'} from this line on ${this.omittedCount === 1 ? 'is' : 'are'} not listed`;
    return [...this.kept, { line: this.firstOmittedLine, message: more }];
  }

  /** ": line 3: … (and 4 more problems)" for an error message that refuses the whole file; '' when none. */
  describeFirst(): string {
    const first = this.kept[0];
    if (!first) return '';
    const rest = this.count - 1;
    return `: line ${first.line}: ${first.message}${rest > 0 ? ` (and ${rest} more ${rest === 1 ? 'problem' : 'problems'})` : ''}`;
  }
}
