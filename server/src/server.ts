/**
 * Starts and stops one Éprouvette server around an already opened store: the entry point for
 * main.ts and for in-process integration tests.
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { LiveAccess } from './access/live-access.ts';
import { AttemptLimiter, LoginLimiter, SIGNUP_LIMIT } from './auth/login-limiter.ts';
import { deleteExpiredSessions } from './records/sessions.ts';
import { prepareRecords, type PreparedRecords } from './seed/prepare.ts';
import type { Storage } from './storage/document-store.ts';
import { fanOut } from './sync/observer-fan-out.ts';
import { SyncService } from './sync/sync-service.ts';
import { LiveDocuments } from './documents/live-documents.ts';
import type { Clock } from './versions/clock.ts';
import { VersionRecorder } from './versions/version-recorder.ts';
import { insertVersion } from './versions/version-records.ts';
import { indexedState } from './search/document-state.ts';
import { SearchIndexer } from './search/search-indexer.ts';

const SESSION_SWEEP_MS = 3600_000;

export interface RunningServer {
  /** http://host:port, with 127.0.0.1 when listening on every interface. */
  url: string;
  port: number;
  sync: SyncService;
  /** What start-up created: the admin account, the demo accounts (only on the first start). */
  prepared: PreparedRecords;
  /** Graceful stop: no new connections, pending writes flushed, sockets closed with 1001. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The versions' clock (tests let ten minutes pass at once). */
  versionClock?: Clock;
}

export async function startServer(config: Config, storage: Storage, logger: Logger, options: ServerOptions = {}): Promise<RunningServer> {
  const prepared = await prepareRecords(storage, config, logger);
  // The recorder follows the rooms (it is their observer) and reads their state back through
  // the live documents, which are built on the rooms' registry: hence the late binding.
  const versions: VersionRecorder = new VersionRecorder({
    state: (name) => liveDocuments.state(name),
    save: (version, createdAt) => insertVersion(storage.sql, version, createdAt),
    logger,
    clock: options.versionClock,
  });
  const search: SearchIndexer = new SearchIndexer({ sql: storage.sql, state: (name) => indexedState(sync.registry, storage.documents, name), logger });
  const sync = new SyncService(storage.documents, config.sync, logger, fanOut([versions, search], logger));
  const liveDocuments = new LiveDocuments(sync.registry);
  const liveAccess = new LiveAccess(storage.sql, sync, logger);
  const services = {
    sql: storage.sql,
    documents: storage.documents,
    config,
    logger,
    loginLimiter: new LoginLimiter(),
    signupLimiter: new AttemptLimiter(SIGNUP_LIMIT),
    liveAccess,
    liveDocuments,
    versions,
    search,
  };
  // What was never indexed (the demo just seeded, an upgraded database) is searchable from the first
  // request: indexed before listening (once; later starts find nothing missing).
  await search.catchUp().catch((error: unknown) => logger.error('search', 'catching up failed', { error: String(error) }));
  const app = createApp({ services, sync, storageKind: storage.kind, clientDir: config.clientDir, bench: config.bench });
  // Expired sessions are refused when used; this only keeps the table from growing forever.
  const sweep = setInterval(() => {
    deleteExpiredSessions(storage.sql).catch((error: unknown) => logger.warn('accounts', 'expired session sweep failed', { error: String(error) }));
  }, SESSION_SWEEP_MS);
  sweep.unref();
  // maxPayload makes ws refuse an oversized frame (close 1009) before buffering all of it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: sync.maxPayload, perMessageDeflate: false });
  const server = createAdaptorServer({ fetch: app.fetch, websocket: { server: wss } });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    sync,
    prepared,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(sweep);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await sync.stop();
        // Closing the sockets emptied the rooms: what changed since the last versions is
        // versioned now, before the storage closes, and no unload starts after.
        await versions.stop();
        await search.stop();
        sync.registry.stopTimers();
        if ('closeAllConnections' in server) server.closeAllConnections();
        await closed;
      })()),
  };
}
