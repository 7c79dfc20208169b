import express, { Router, type Request } from 'express';
import { AppError, fileNameHeaderName, importFileNameSchema, importQuerySchema, type ImportRequest } from '@verity/common';
import { importTranscript } from '../imports/import-transcript.ts';
import { presentTranscript } from '../transcripts/transcript.presenter.ts';
import { currentUser, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { parseInput, validate } from './validate.ts';

/** The uploaded file and what came with it: name in x-file-name (URI-encoded), format and title from the validated query. */
function readUpload(req: Request, query: Pick<ImportRequest, 'format' | 'title'>, maxBytes: number) {
  if (!Buffer.isBuffer(req.body)) {
    // A body of another type is refused as such (415); no body at all is a malformed request.
    const code = req.is('application/octet-stream') === false ? 'unsupported_media_type' : 'bad_request';
    throw new AppError(code, 'Send the file itself as the request body, with Content-Type: application/octet-stream.');
  }
  const rawName = req.get(fileNameHeaderName);
  let decodedName: string | undefined;
  try {
    decodedName = rawName === undefined ? undefined : decodeURIComponent(rawName);
  } catch {
    throw new AppError('bad_request', `The ${fileNameHeaderName} header must be URI-encoded.`);
  }
  const { fileName } = parseInput(importFileNameSchema, { fileName: decodedName });
  return { bytes: new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength), fileName, format: query.format, title: query.title, maxBytes };
}

/**
 * Importing transcript files: preview first, then create. Any signed-in user may import and becomes the
 * owner. Files are read in the parse pool, so a slow one costs its sender a 422 and nobody else anything.
 */
export function importRoutes({ prisma, config, parsePool }: RouteContext): Router {
  const router = Router();
  // Only these routes take a raw body; over the limit, body-parser answers 413 before anything is parsed.
  const rawFile = express.raw({ type: 'application/octet-stream', limit: config.maxUploadBytes });
  router.use(requireUser);

  router.post(
    '/preview',
    rawFile,
    validate({ query: importQuerySchema }, async ({ query }, req, res) => {
      res.json({ preview: await parsePool.preview(readUpload(req, query, config.maxUploadBytes)) });
    }),
  );

  router.post(
    '/',
    rawFile,
    validate({ query: importQuerySchema }, async ({ query }, req, res) => {
      const transcript = await importTranscript(prisma, { ...readUpload(req, query, config.maxUploadBytes), ownerId: currentUser(res).id, reader: parsePool });
      res.status(201).json({ transcript: presentTranscript(transcript, 'owner') });
    }),
  );
  return router;
}
