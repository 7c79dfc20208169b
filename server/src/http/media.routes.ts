import { pipeline } from 'node:stream/promises';
import express, { Router, type Request } from 'express';
import { AppError, attachMediaUrlRequestSchema, createMediaUploadRequestSchema, mediaChunkMaxBytes, mediaChunkQuerySchema, mediaUploadParamsSchema, setTurnStartRequestSchema } from '@verity/common';
import { attachRecordingFromUrl } from '../media/attach-from-url.ts';
import { appendMediaChunk, cancelMediaUpload, createMediaUpload, readMediaUpload } from '../media/media-uploads.ts';
import { parseRange } from '../media/parse-range.ts';
import { detachRecording, findPlayableFile, readPeaks, readRecording } from '../media/read-recording.ts';
import { setTurnStart } from '../timings/set-turn-start.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/** A chunk's bytes, which only the chunk route reads as a raw body. */
function readChunk(req: Request): Uint8Array {
  if (!Buffer.isBuffer(req.body)) {
    const code = req.is('application/octet-stream') === false ? 'unsupported_media_type' : 'bad_request';
    throw new AppError(code, 'Send the chunk itself as the request body, with Content-Type: application/octet-stream.');
  }
  return new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength);
}

/**
 * The transcript's recording under /api/transcripts/:id/media: members play it (file with HTTP ranges,
 * peaks); editors and up attach it by chunked, resumable upload, or detach it. Non-members get 404.
 */
export function mediaRoutes({ prisma, config, liveSessions, mediaStore: store }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  // Over the chunk limit, body-parser answers 413 before the chunk is buffered whole.
  const rawChunk = express.raw({ type: 'application/octet-stream', limit: mediaChunkMaxBytes });
  router.use(requireUser);
  const context = (res: express.Response) => ({ prisma, store, transcriptId: currentAccess(res).transcriptId, actorId: currentUser(res).id });

  router.get('/', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json({ recording: await readRecording({ prisma, transcriptId: currentAccess(res).transcriptId }) });
  });

  router.delete('/', requireTranscript(prisma, 'attachMedia'), async (_req, res) => {
    await detachRecording({ prisma, store, transcriptId: currentAccess(res).transcriptId });
    res.status(204).end();
  });

  router.get('/file', requireTranscript(prisma, 'read'), async (req, res) => {
    const file = await findPlayableFile({ prisma, store, transcriptId: currentAccess(res).transcriptId });
    const range = parseRange(req.get('range'), file.size);
    res.set({ 'accept-ranges': 'bytes', 'content-type': file.contentType, etag: `"${file.sha256}"`, 'content-disposition': 'inline' });
    if (range === 'unsatisfiable') {
      res.set('content-range', `bytes */${file.size}`);
      throw new AppError('range_not_satisfiable', `Ask for one range of bytes within the file's ${file.size}.`);
    }
    const bytes = range ?? { start: 0, end: file.size - 1 };
    if (range) res.status(206).set('content-range', `bytes ${range.start}-${range.end}/${file.size}`);
    res.set('content-length', String(bytes.end - bytes.start + 1));
    if (req.method === 'HEAD') return void res.end();
    // A player that seeks drops the connection mid-stream: that is not an error worth a log line.
    await pipeline(store.readBlob(file.sha256, bytes), res).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') req.log?.warn({ err: error }, 'recording stream failed');
    });
  });

  router.get('/peaks', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.type('application/json').send(await readPeaks({ prisma, store, transcriptId: currentAccess(res).transcriptId }));
  });

  router.post(
    '/uploads',
    requireTranscript(prisma, 'attachMedia'),
    validate({ body: createMediaUploadRequestSchema }, async ({ body }, _req, res) => {
      res.status(201).json({ upload: await createMediaUpload({ ...context(res), request: body, maxMediaBytes: config.maxMediaBytes }) });
    }),
  );

  router.post(
    '/from-url',
    requireTranscript(prisma, 'attachMedia'),
    validate({ body: attachMediaUrlRequestSchema }, async ({ body }, _req, res) => {
      res.json({ recording: await attachRecordingFromUrl({ ...context(res), url: body.url, maxMediaBytes: config.maxMediaBytes, allowPrivate: config.isMediaUrlPrivateAllowed }) });
    }),
  );

  router.get(
    '/uploads/:uploadId',
    requireTranscript(prisma, 'attachMedia'),
    validate({ params: mediaUploadParamsSchema }, async ({ params }, _req, res) => {
      res.json({ upload: await readMediaUpload({ ...context(res), uploadId: params.uploadId }) });
    }),
  );

  router.put(
    '/uploads/:uploadId',
    requireTranscript(prisma, 'attachMedia'),
    rawChunk,
    validate({ params: mediaUploadParamsSchema, query: mediaChunkQuerySchema }, async ({ params, query }, req, res) => {
      res.json(await appendMediaChunk({ ...context(res), uploadId: params.uploadId, offset: query.offset, bytes: readChunk(req) }));
    }),
  );

  router.delete(
    '/uploads/:uploadId',
    requireTranscript(prisma, 'attachMedia'),
    validate({ params: mediaUploadParamsSchema }, async ({ params }, _req, res) => {
      await cancelMediaUpload({ ...context(res), uploadId: params.uploadId });
      res.status(204).end();
    }),
  );

  router.post(
    '/timings',
    requireTranscript(prisma, 'correct'),
    validate({ body: setTurnStartRequestSchema }, async ({ body }, _req, res) => {
      await setTurnStart({ liveSessions, transcriptId: currentAccess(res).transcriptId, actorId: currentUser(res).id, turnId: body.turnId, seconds: body.start });
      res.status(204).end();
    }),
  );

  return router;
}
