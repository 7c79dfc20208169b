import type { RequestHandler } from 'express';
import { parse } from 'cookie';

/** Parses the Cookie header once into req.cookies (we need no signed cookies: sessions are server-side). */
export const parseCookies: RequestHandler = (req, _res, next) => {
  req.cookies = parse(req.headers.cookie ?? '');
  next();
};
