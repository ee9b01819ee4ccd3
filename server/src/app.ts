/**
 * The Hono application: every route of the single port — REST API under /api, the sync
 * WebSocket under /sync/<document>, and the built client for everything else.
 */
import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import type { WebSocket } from 'ws';
import type { Logger } from './log.ts';
import { healthRoutes } from './http/health.ts';
import { staticClientRoutes } from './http/static-client.ts';
import type { SyncService } from './sync/sync-service.ts';

export interface AppDeps {
  sync: SyncService;
  storageKind: string;
  clientDir: string;
  logger: Logger;
}

export function createApp({ sync, storageKind, clientDir, logger }: AppDeps) {
  const startedAt = Date.now();
  const api = new Hono().route('/health', healthRoutes(sync, storageKind, startedAt));
  const app = new Hono();
  app.route('/api', api);
  app.all('/api/*', (c) => c.json({ error: 'Ressource introuvable.' }, 404));
  app.get(
    '/sync/:name',
    upgradeWebSocket((c) => {
      const name = c.req.param('name') ?? '';
      return {
        // Hono wraps the socket in a generic context; the sync layer works on the raw `ws`
        // socket to keep the per-frame path free of copies and event objects.
        onOpen: (_event, ws) => sync.accept(ws.raw as WebSocket, name),
      };
    }),
  );
  app.route('/', staticClientRoutes(clientDir, logger));
  app.onError((error, c) => {
    logger.error('http', 'unhandled error', { path: c.req.path, error: String(error) });
    return c.json({ error: 'Erreur interne du serveur.' }, 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
