import express, { Router } from 'express';
import {
  AppError,
  attachGlossaryRequestSchema,
  attachedGlossaryParamsSchema,
  createGlossaryRequestSchema,
  glossaryLimits,
  glossaryParamsSchema,
  glossaryTermInputSchema,
  glossaryTermParamsSchema,
  importGlossaryQuerySchema,
  parseGlossaryCsv,
  renameGlossaryRequestSchema,
  writeGlossaryCsv,
} from '@verity/common';
import { attachGlossary, detachGlossary, listTranscriptGlossaries } from '../glossary/attach-glossaries.ts';
import { addGlossaryTerm, deleteGlossaryTerm, importGlossaryTerms, updateGlossaryTerm } from '../glossary/manage-glossary-terms.ts';
import { createGlossary, deleteGlossary, getGlossary, listGlossaries, renameGlossary } from '../glossary/manage-glossaries.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/** Term lists under /api/glossaries: each person manages their own (lists, terms, CSV import and export). */
export function glossaryRoutes({ prisma }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);
  // The CSV upload is the one raw body here; over the bound, body-parser answers 413 before reading it.
  const rawCsv = express.raw({ type: 'application/octet-stream', limit: glossaryLimits.csvBytes });
  const owner = (res: express.Response) => ({ prisma, userId: currentUser(res).id });

  router.get('/', async (_req, res) => {
    res.json({ glossaries: await listGlossaries(owner(res)) });
  });
  router.post('/', validate({ body: createGlossaryRequestSchema }, async ({ body }, _req, res) => {
    res.status(201).json(await createGlossary({ ...owner(res), name: body.name }));
  }));
  router.get('/:glossaryId', validate({ params: glossaryParamsSchema }, async ({ params }, _req, res) => {
    res.json(await getGlossary({ ...owner(res), glossaryId: params.glossaryId }));
  }));
  router.patch('/:glossaryId', validate({ params: glossaryParamsSchema, body: renameGlossaryRequestSchema }, async ({ params, body }, _req, res) => {
    res.json(await renameGlossary({ ...owner(res), glossaryId: params.glossaryId, name: body.name }));
  }));
  router.delete('/:glossaryId', validate({ params: glossaryParamsSchema }, async ({ params }, _req, res) => {
    await deleteGlossary({ ...owner(res), glossaryId: params.glossaryId });
    res.status(204).end();
  }));

  router.post('/:glossaryId/terms', validate({ params: glossaryParamsSchema, body: glossaryTermInputSchema }, async ({ params, body }, _req, res) => {
    res.status(201).json(await addGlossaryTerm({ ...owner(res), glossaryId: params.glossaryId, term: body }));
  }));
  router.patch('/:glossaryId/terms/:termId', validate({ params: glossaryTermParamsSchema, body: glossaryTermInputSchema }, async ({ params, body }, _req, res) => {
    res.json(await updateGlossaryTerm({ ...owner(res), glossaryId: params.glossaryId, termId: params.termId, term: body }));
  }));
  router.delete('/:glossaryId/terms/:termId', validate({ params: glossaryTermParamsSchema }, async ({ params }, _req, res) => {
    res.json(await deleteGlossaryTerm({ ...owner(res), glossaryId: params.glossaryId, termId: params.termId }));
  }));

  router.post('/:glossaryId/import', rawCsv, validate({ params: glossaryParamsSchema, query: importGlossaryQuerySchema }, async ({ params, query }, req, res) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type', 'Send the CSV file itself as the request body, with Content-Type: application/octet-stream.');
    // Who may change the list is checked before the file is read: a stranger learns nothing from its errors.
    await getGlossary({ ...owner(res), glossaryId: params.glossaryId });
    const parsed = parseGlossaryCsv(new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength));
    if (!parsed.ok) throw new AppError('malformed_file', parsed.message);
    res.json(await importGlossaryTerms({ ...owner(res), glossaryId: params.glossaryId, terms: parsed.terms, mode: query.mode }));
  }));
  router.get('/:glossaryId/export.csv', validate({ params: glossaryParamsSchema }, async ({ params }, _req, res) => {
    const glossary = await getGlossary({ ...owner(res), glossaryId: params.glossaryId });
    res.attachment(`${glossary.name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim() || 'glossary'}.csv`);
    res.type('text/csv; charset=utf-8').send(writeGlossaryCsv(glossary.terms));
  }));
  return router;
}

/** A transcript's attached lists under /api/transcripts/:id/glossaries: members read them, its owners attach and detach. */
export function transcriptGlossaryRoutes({ prisma }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);
  const context = (res: express.Response) => ({ prisma, transcriptId: currentAccess(res).transcriptId, userId: currentUser(res).id });

  router.get('/', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json({ glossaries: await listTranscriptGlossaries(context(res)) });
  });
  router.post('/', requireTranscript(prisma, 'attachGlossaries'), validate({ body: attachGlossaryRequestSchema }, async ({ body }, _req, res) => {
    res.json({ glossaries: await attachGlossary({ ...context(res), glossaryId: body.glossaryId }) });
  }));
  router.delete('/:glossaryId', requireTranscript(prisma, 'attachGlossaries'), validate({ params: attachedGlossaryParamsSchema }, async ({ params }, _req, res) => {
    res.json({ glossaries: await detachGlossary({ ...context(res), glossaryId: params.glossaryId }) });
  }));
  return router;
}
