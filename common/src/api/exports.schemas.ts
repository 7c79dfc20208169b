import { z } from 'zod';
import { exportFormatIds } from '../exports/export-transcript.ts';
import { versionNumberParam } from './params.schemas.ts';

/** What the export endpoint and CLI accept: a writer's id, or `report` for the correction report. */
export const exportRequestFormatSchema = z.enum(['report', ...exportFormatIds], {
  error: (issue) => `Unknown export format "${String(issue.input ?? '').slice(0, 40)}"; use ${exportFormatIds.join(', ')} or report.`,
});
export type ExportRequestFormat = z.infer<typeof exportRequestFormatSchema>;

/** GET /api/transcripts/:id/export?format=F[&version=N]. */
export const exportQuerySchema = z.object({
  format: exportRequestFormatSchema,
  version: versionNumberParam('must be a version number').optional(),
  /** `true`: plain text, Markdown and DOCX begin each timed turn with "[hh:mm:ss]". */
  timecodes: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
