import type { RequestHandler } from 'express';

/** API answers are per user and change with every edit: no browser or proxy may keep a copy. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  next();
};
