/**
 * The Hono application: every route of the single port — REST API under /api, the sync
 * WebSocket under /sync/<document>, and the built client for everything else.
 */
import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { WebSocket } from 'ws';
import { decideUpgrade } from './access/sync-gate.ts';
import { activityRoutes } from './activity/activity-routes.ts';
import { visitRoutes } from './activity/visit-routes.ts';
import { boardCommentRoutes } from './comments/board-comment-routes.ts';
import { amiTextCommentRoutes } from './comments/comment-routes.ts';
import { evaluationRoutes } from './evaluation/evaluation-routes.ts';
import { accountRoutes } from './http/account-routes.ts';
import { amiRoutes } from './http/ami-routes.ts';
import { authRoutes } from './http/auth-routes.ts';
import { boardRoutes } from './http/board-routes.ts';
import { domainRoutes, organisationRoutes } from './http/catalog-routes.ts';
import type { AppEnv, Services } from './http/context.ts';
import { csrfMiddleware } from './http/csrf.ts';
import { healthRoutes } from './http/health.ts';
import { amiInvitationRoutes, invitationRoutes } from './http/invitation-routes.ts';
import { imageRoutes } from './http/image-routes.ts';
import { memberRoutes } from './http/member-routes.ts';
import { sessionMiddleware } from './http/session-middleware.ts';
import { sessionTokenFromCookieHeader } from './http/session-cookie.ts';
import { staticClientRoutes } from './http/static-client.ts';
import { searchRoutes } from './search/search-routes.ts';
import type { SyncService } from './sync/sync-service.ts';
import { templateRoutes } from './templates/template-routes.ts';
import { versionRoutes } from './versions/version-routes.ts';

export interface AppDeps {
  services: Services;
  sync: SyncService;
  storageKind: string;
  clientDir: string;
  bench: boolean;
}

/** The REST API, chained so that its routes and types reach the client through `hc<ApiType>`. */
function apiRoutes(sync: SyncService, storageKind: string) {
  return new Hono<AppEnv>()
    .route('/health', healthRoutes(sync, storageKind, Date.now()))
    .route('/auth', authRoutes)
    .route('/me', accountRoutes)
    .route('/domains', domainRoutes)
    .route('/organisations', organisationRoutes)
    .route('/amis', amiRoutes)
    .route('/amis', boardRoutes)
    .route('/amis', memberRoutes)
    .route('/amis', amiInvitationRoutes)
    .route('/amis', imageRoutes)
    .route('/amis', amiTextCommentRoutes)
    .route('/amis', boardCommentRoutes)
    .route('/amis', versionRoutes)
    .route('/amis', evaluationRoutes)
    .route('/amis', activityRoutes)
    .route('/amis', visitRoutes)
    .route('/templates', templateRoutes)
    .route('/invitations', invitationRoutes)
    .route('/search', searchRoutes);
}

export type ApiType = ReturnType<typeof apiRoutes>;

export function createApp({ services, sync, storageKind, clientDir, bench }: AppDeps) {
  const { logger } = services;
  const app = new Hono<AppEnv>();
  app.use('/api/*', async (c, next) => {
    c.set('services', services);
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.use('/api/*', csrfMiddleware, sessionMiddleware);
  app.route('/api', apiRoutes(sync, storageKind));
  app.all('/api/*', (c) => c.json({ error: 'Ressource introuvable.', code: 'not-found' }, 404));
  app.get(
    '/sync/:name',
    upgradeWebSocket(async (c) => {
      const name = c.req.param('name') ?? '';
      // Decided before the upgrade completes, so nothing the socket sends is ever read unchecked.
      const gate = await decideUpgrade(services.sql, services.config, {
        url: c.req.url,
        origin: c.req.header('origin'),
        sessionToken: sessionTokenFromCookieHeader(c.req.header('cookie')),
        docName: name,
      });
      return {
        onOpen: (_event, ws) => {
          // Hono wraps the socket in a generic context; the sync layer works on the raw `ws`
          // socket to keep the per-frame path free of copies and event objects.
          const socket = ws.raw as WebSocket;
          if (gate.ok) return sync.accept(socket, name, gate.grant);
          logger.warn('sync', 'refused connection', { code: gate.closeCode, reason: gate.reason });
          socket.close(gate.closeCode, gate.reason);
        },
      };
    }),
  );
  // The board benchmark page is part of the client; without EPROUVETTE_BENCH it does not exist.
  if (!bench) app.all('/bench/*', (c) => c.text('Page introuvable.', 404));
  app.route('/', staticClientRoutes(clientDir, logger));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 400) {
      // Hono's JSON validator throws this on a body that is not JSON at all.
      return c.json({ error: 'La requête n’est pas du JSON valide.', code: 'invalid-request' }, 400);
    }
    logger.error('http', 'unhandled error', { path: c.req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return c.json({ error: 'Erreur interne du serveur : réessayez dans un instant.', code: 'internal' }, 500);
  });
  return app;
}
