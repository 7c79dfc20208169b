import path from 'node:path';
import express, { Router } from 'express';

/** Vite names built assets `name-<hash>.ext`: a content hash of at least 8 base64url characters. */
const hashedAssetPattern = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9.]+$/;

/** A year, the longest lifetime caches honour; with `immutable`, browsers do not even revalidate. */
export const hashedAssetCacheControl = 'public, max-age=31536000, immutable';

/** Everything else (index.html above all) is revalidated on every load, so a deploy is seen at once. */
export const revalidateCacheControl = 'no-cache';

/** Cache-Control for a file in the client build, by its path relative to the build folder. */
export function cacheControlForAsset(relativePath: string): string {
  return hashedAssetPattern.test(relativePath.split(path.sep).join('/')) ? hashedAssetCacheControl : revalidateCacheControl;
}

/**
 * The built single-page client: content-hashed assets cached for a year, index.html and unhashed
 * files revalidated; client-side routes (/login, /t/:id …) load index.html. A missing /assets/ file is
 * a 404, never index.html that a browser would cache as a script.
 */
export function clientAssetRoutes(clientDist: string): Router {
  const router = Router();
  router.use(
    express.static(clientDist, {
      index: false,
      cacheControl: false,
      setHeaders: (res, filePath) => res.setHeader('cache-control', cacheControlForAsset(path.relative(clientDist, filePath))),
    }),
  );
  router.get(/^(?!\/api\/|\/socket\.io\/|\/assets\/).*/, (_req, res) => {
    res.sendFile('index.html', { root: clientDist, cacheControl: false, headers: { 'cache-control': revalidateCacheControl } });
  });
  return router;
}
