import express from 'express';
import supertest from 'supertest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { activityQuerySchema, AppError, compareQuerySchema, exportQuerySchema, memberParamsSchema, titleSchema } from '@verity/common';
import { errorHandler } from './error-handler.ts';
import { validate, type Input } from './validate.ts';

const bodySchema = z.object({ title: titleSchema, count: z.number().int().optional() });
const querySchema = z.object({ page: z.coerce.number().int().min(1).default(1) });

/** A one-route app: what the handler saw is echoed back. */
function appWith(route: express.RequestHandler, method: 'get' | 'post' = 'post') {
  const app = express();
  app.use(express.json());
  app[method]('/things/:userId', route);
  app.use(errorHandler);
  return supertest(app);
}

const userId = '0F8FAD5B-D9CB-469F-A165-70867728950E';

describe('validate({ body, query, params }, handler)', () => {
  const echo = validate({ body: bodySchema, query: querySchema, params: memberParamsSchema }, (input, _req, res) => {
    expectTypeOf(input).toEqualTypeOf<Input<{ body: typeof bodySchema; query: typeof querySchema; params: typeof memberParamsSchema }>>();
    expectTypeOf(input.body).toEqualTypeOf<{ title: string; count?: number | undefined }>();
    expectTypeOf(input.query.page).toEqualTypeOf<number>();
    expectTypeOf(input.params.userId).toEqualTypeOf<string>();
    res.json(input);
  });

  it('hands the handler parsed values: transformed, defaulted, unknown keys dropped, ids lower-cased', async () => {
    const response = await appWith(echo).post(`/things/${userId}?page=3&extra=1`).send({ title: '  Hearing  ', isAdmin: true });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ body: { title: 'Hearing' }, query: { page: 3 }, params: { userId: userId.toLowerCase() } });
    const defaulted = await appWith(echo).post(`/things/${userId}`).send({ title: 'x' });
    expect(defaulted.body.query).toEqual({ page: 1 });
  });

  it('reports the first body or query problem as `path: message`, 400', async () => {
    const empty = await appWith(echo).post(`/things/${userId}`).send({ title: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ error: { code: 'validation_failed', message: 'title: must not be empty' } });
    const wrongType = await appWith(echo).post(`/things/${userId}`).send({ title: 'x', count: '3' });
    expect(wrongType.body.error.message).toMatch(/^count: /);
    const badQuery = await appWith(echo).post(`/things/${userId}?page=0`).send({ title: 'x' });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.message).toMatch(/^page: /);
    const array = await appWith(echo).post(`/things/${userId}`).send([{ title: 'x' }]);
    expect(array.status).toBe(400);
    expect(array.body.error.message).toMatch(/^body: /);
  });

  it('refuses a body that is not JSON with 415, and reads a missing body as {}', async () => {
    const text = await appWith(echo).post(`/things/${userId}`).set('content-type', 'text/plain').send('title=x');
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    const none = await appWith(echo).post(`/things/${userId}`);
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/^title: /);
  });

  it('answers 404 with the schema’s message when a path parameter does not parse', async () => {
    for (const bad of ['not-a-uuid', '0f8fad5b-d9cb-469f-a165-70867728950', `${userId}x`, "1' OR '1'='1"]) {
      const response = await appWith(echo).post(`/things/${encodeURIComponent(bad)}`).send({ title: 'x' });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: 'not_found', message: 'No such member.' } });
    }
  });

  it('leaves parts without a schema undefined, and passes handler errors (sync or async) to the error middleware', async () => {
    const bare = validate({}, (input, _req, res) => {
      expectTypeOf(input.body).toEqualTypeOf<undefined>();
      res.json({ isEmpty: input.body === undefined && input.query === undefined && input.params === undefined });
    });
    expect((await appWith(bare, 'get').get(`/things/${userId}`)).body).toEqual({ isEmpty: true });
    const failing = validate({}, async () => {
      await Promise.resolve();
      throw new AppError('conflict', 'Already done.');
    });
    expect((await appWith(failing, 'get').get(`/things/${userId}`)).body).toEqual({ error: { code: 'conflict', message: 'Already done.' } });
    const crashing = validate({}, () => {
      throw new Error('secret internals');
    });
    const crashed = await appWith(crashing, 'get').get(`/things/${userId}`);
    expect(crashed.status).toBe(500);
    expect(JSON.stringify(crashed.body)).not.toContain('secret');
  });

  it('the export format is an enum: known ids pass typed, anything else is refused by name', async () => {
    const route = validate({ query: exportQuerySchema }, ({ query }, _req, res) => {
      expectTypeOf(query.format).toEqualTypeOf<'report' | 'cart' | 'text' | 'markdown' | 'srt' | 'vtt' | 'json' | 'docx'>();
      res.json(query);
    });
    expect((await appWith(route, 'get').get(`/things/${userId}?format=docx&version=2`)).body).toEqual({ format: 'docx', version: 2 });
    for (const bad of ['pdf', 'constructor', '__proto__', 'DOCX', '']) {
      const response = await appWith(route, 'get').get(`/things/${userId}?format=${bad}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^format: Unknown export format/);
    }
    const twice = await appWith(route, 'get').get(`/things/${userId}?format=docx&format=json`);
    expect(twice.status).toBe(400);
    const badVersion = await appWith(route, 'get').get(`/things/${userId}?format=json&version=1e3`);
    expect(badVersion.body.error.message).toBe('version: must be a version number');
  });

  it('parses numbers in the query one way: digits only, so a blank, a sign or an exponent is refused, never read as 0', async () => {
    const compare = validate({ query: compareQuerySchema }, ({ query }, _req, res) => {
      expectTypeOf(query.to).toEqualTypeOf<number | 'current'>();
      res.json(query);
    });
    expect((await appWith(compare, 'get').get(`/things/${userId}?from=0`)).body).toEqual({ from: 0, to: 'current' });
    expect((await appWith(compare, 'get').get(`/things/${userId}?from=2&to=7`)).body).toEqual({ from: 2, to: 7 });
    for (const bad of ['from=', 'from=-1', 'from=1e3', 'from=%201', 'from=0x1', 'from=1&to=now', 'from=1&from=2']) {
      const response = await appWith(compare, 'get').get(`/things/${userId}?${bad}`);
      expect(response.status, bad).toBe(400);
    }
    const activity = validate({ query: activityQuerySchema }, ({ query }, _req, res) => {
      res.json({ before: query.before ?? null });
    });
    expect((await appWith(activity, 'get').get(`/things/${userId}?before=12`)).body).toEqual({ before: 12 });
    expect((await appWith(activity, 'get').get(`/things/${userId}`)).body).toEqual({ before: null });
    expect((await appWith(activity, 'get').get(`/things/${userId}?before=soon`)).status).toBe(400);
  });
});
