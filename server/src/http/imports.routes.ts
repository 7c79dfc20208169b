import express, { Router, type Request } from 'express';
import { AppError, fileNameHeaderName, importRequestSchema } from '@verity/common';
import { importTranscript } from '../imports/import-transcript.ts';
import { previewImport } from '../imports/preview-import.ts';
import { presentTranscript } from '../transcripts/transcript.presenter.ts';
import { currentUser, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { parseInput } from './validate.ts';

/** The uploaded file and what came with it: name in x-file-name (URI-encoded), format and title in the query. */
function readUpload(req: Request, maxBytes: number) {
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
  const { fileName, format, title } = parseInput(importRequestSchema, { fileName: decodedName, format: req.query.format, title: req.query.title });
  return { bytes: new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength), fileName, format, title, maxBytes };
}

/** Importing transcript files: preview first, then create. Any signed-in user may import and becomes the owner. */
export function importRoutes({ prisma, config }: RouteContext): Router {
  const router = Router();
  // Only these routes take a raw body; over the limit, body-parser answers 413 before anything is parsed.
  const rawFile = express.raw({ type: 'application/octet-stream', limit: config.maxUploadBytes });
  router.use(requireUser);

  router.post('/preview', rawFile, (req, res) => {
    res.json({ preview: previewImport(readUpload(req, config.maxUploadBytes)) });
  });

  router.post('/', rawFile, async (req, res) => {
    const transcript = await importTranscript(prisma, { ...readUpload(req, config.maxUploadBytes), ownerId: currentUser(res).id });
    res.status(201).json({ transcript: presentTranscript(transcript, 'owner') });
  });
  return router;
}
