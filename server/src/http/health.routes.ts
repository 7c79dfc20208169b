import { Router } from 'express';
import type { RouteContext } from './route-context.ts';

/** Liveness that means something: ok only when the database answers a query. */
export function healthRoutes({ prisma }: RouteContext): Router {
  const router = Router();
  router.get('/healthz', async (req, res) => {
    try {
      await prisma.$queryRaw`SELECT 1`;
      res.json({ status: 'ok', database: 'up' });
    } catch (error) {
      req.log?.warn({ err: error }, 'health check: database unreachable');
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
  return router;
}
