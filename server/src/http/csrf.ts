import { createMiddleware } from 'hono/factory';
import { isAllowedOrigin } from '../auth/origins.ts';
import type { AppEnv } from './context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a state-changing request must carry an allowed Origin header.
 * Browsers always send Origin on such requests (fetch and forms alike), so a missing one is
 * refused too — other clients (scripts, tests) set it like a browser would.
 */
export const csrfMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method) && !isAllowedOrigin(c.req.header('origin'), c.req.url, c.var.services.config)) {
    c.var.services.logger.warn('http', 'cross-origin request refused', { method: c.req.method, path: c.req.path, origin: c.req.header('origin') });
    return c.json({ error: 'Requête refusée : elle ne vient pas d’Éprouvette.', code: 'cross-origin' }, 403);
  }
  await next();
});
