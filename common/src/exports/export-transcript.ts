import { AppError } from '../errors.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import type { ExportOptions } from './export-options.ts';
import { writeCart } from './write-cart.ts';
import { writeMarkdown } from './write-markdown.ts';
import { writePlainText } from './write-plain-text.ts';
import { writeSrt } from './write-srt.ts';
import { writeVerityJson } from './write-verity-json.ts';
import { writeVtt } from './write-vtt.ts';

/** A format Verity writes: how to name, label and produce it. */
export interface ExportFormat {
  label: string;
  /** Everything after the version in the file name: "docx", or "cart.txt" so CART and text never collide. */
  fileExtension: string;
  mimeType: string;
  isBinary: boolean;
  write: (transcript: Transcript, options?: ExportOptions) => Promise<string | Uint8Array>;
}

/** Every export format by id; text writers are wrapped to the one async signature. */
export const exportFormats = {
  cart: { label: 'CART text', fileExtension: 'cart.txt', mimeType: 'text/plain; charset=utf-8', isBinary: false, write: async (t, o) => writeCart(t, o) },
  text: { label: 'Plain text', fileExtension: 'txt', mimeType: 'text/plain; charset=utf-8', isBinary: false, write: async (t, o) => writePlainText(t, o) },
  markdown: { label: 'Markdown', fileExtension: 'md', mimeType: 'text/markdown; charset=utf-8', isBinary: false, write: async (t, o) => writeMarkdown(t, o) },
  srt: { label: 'SRT subtitles', fileExtension: 'srt', mimeType: 'application/x-subrip; charset=utf-8', isBinary: false, write: async (t) => writeSrt(t) },
  vtt: { label: 'WebVTT captions', fileExtension: 'vtt', mimeType: 'text/vtt; charset=utf-8', isBinary: false, write: async (t) => writeVtt(t) },
  json: { label: 'Verity JSON', fileExtension: 'json', mimeType: 'application/json', isBinary: false, write: async (t, o) => writeVerityJson(t, o) },
  docx: {
    label: 'Word document',
    fileExtension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    isBinary: true,
    // Loaded when first written: the docx library is most of a megabyte, and a browser listing the formats never writes one.
    write: async (t, o) => (await import('./write-docx.ts')).writeDocx(t, o),
  },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatId = keyof typeof exportFormats;
export const exportFormatIds = Object.keys(exportFormats) as ExportFormatId[];

/** The format for an id, or 'unsupported_format' naming the ones there are. */
export function findExportFormat(id: string): ExportFormat {
  if (!Object.hasOwn(exportFormats, id)) throw new AppError('unsupported_format', `Unknown export format "${id}"; use ${exportFormatIds.join(', ')}.`);
  return exportFormats[id as ExportFormatId];
}

/**
 * A safe file name carrying title and version: "Plenary – Day 2", 3, docx → "plenary-day-2.v3.docx".
 * ASCII letters, digits and hyphens only (accents dropped), at most 80 characters of title.
 */
export function exportFileName(title: string | null | undefined, version: number | null | undefined, format: ExportFormatId): string {
  const slug =
    (title ?? '')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 80)
      .replace(/^-+|-+$/g, '') || 'transcript';
  const versionPart = version === null || version === undefined ? '' : `.v${version}`;
  return `${slug}${versionPart}.${exportFormats[format].fileExtension}`;
}
