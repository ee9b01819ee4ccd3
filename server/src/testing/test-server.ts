/**
 * An in-process server on 127.0.0.1 with an ephemeral port and a real SQLite file in a temp
 * folder, for integration tests that need to look inside (registry, logs) or restart quickly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type SyncLimits } from '../config.ts';
import { memoryLogger } from '../log.ts';
import { startServer, type RunningServer } from '../server.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';

export interface TestServer {
  server: RunningServer;
  store: DocumentStore;
  logger: ReturnType<typeof memoryLogger>;
  dataDir: string;
  syncUrl: string;
  /** http://127.0.0.1:port */
  httpUrl: string;
  /** Stops gracefully and starts again on the same data dir and port. */
  restart(): Promise<void>;
  /** Stops the server and removes the data dir. */
  dispose(): Promise<void>;
}

export async function makeTempDir(prefix = 'eprouvette-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface TestServerOptions {
  dataDir?: string;
  /** Wraps the real store, e.g. to inject failures or hold writes. */
  wrapStore?: (store: DocumentStore) => DocumentStore;
  /** Extra environment variables, as main.ts would read them. */
  env?: Record<string, string>;
}

export async function startTestServer(limits: Partial<SyncLimits> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const base = loadConfig({ HOST: '127.0.0.1', PORT: '0', EPROUVETTE_DATA_DIR: dataDir, ...options.env });
  const logger = memoryLogger();
  const boot = async (port: number) => {
    const storage = await openSqliteStorage(dataDir);
    const store = options.wrapStore?.(storage.documents) ?? storage.documents;
    const server = await startServer({ ...base, port, sync: { ...base.sync, ...limits } }, { ...storage, documents: store }, logger);
    return { store, server, storage };
  };
  let running = await boot(0);
  const port = running.server.port;
  const handle: TestServer = {
    server: running.server,
    store: running.store,
    logger,
    dataDir,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    httpUrl: `http://127.0.0.1:${port}`,
    async restart() {
      await running.server.stop();
      await running.storage.close();
      running = await boot(port);
      handle.server = running.server;
      handle.store = running.store;
    },
    async dispose() {
      await running.server.stop();
      await running.storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
