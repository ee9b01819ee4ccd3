import { Hono } from 'hono';
import type { SyncService } from '../sync/sync-service.ts';

/** `GET /api/health`: liveness plus the figures an operator looks at first. */
export function healthRoutes(sync: SyncService, storageKind: string, startedAt: number) {
  return new Hono().get('/', (c) =>
    c.json({
      status: 'ok' as const,
      storage: storageKind,
      documents: sync.registry.size,
      connections: sync.connections.size,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }),
  );
}
