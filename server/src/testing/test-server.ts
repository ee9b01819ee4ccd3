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
import type { AmiDetailView, AmiSummaryView, BoardView, OrganisationType } from '@eprouvette/shared';
import { DEMO_ACCOUNTS, DEMO_AMI_TITLE, DEMO_PASSWORD } from '../seed/demo.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import type { ClientCredentials } from './clients.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import type { Clock } from '../versions/clock.ts';

export interface TestServer {
  server: RunningServer;
  store: DocumentStore;
  logger: ReturnType<typeof memoryLogger>;
  dataDir: string;
  syncUrl: string;
  /** http://127.0.0.1:port */
  httpUrl: string;
  /** Logs in (a demo account by default password) and returns a session to call the API with. */
  login(email: string, password?: string): Promise<ApiSession>;
  /** The demo AMI and its boards, as seeded on first start. */
  demo(): Promise<DemoIds>;
  /**
   * A new board in the demo AMI, created over the API by the demo owner, and the owner's session:
   * what sync tests open instead of an arbitrary document name.
   */
  newDocument(title?: string): Promise<{ name: string; owner: ApiSession }>;
  /** Stops gracefully and starts again on the same data dir and port. */
  restart(): Promise<void>;
  /** Stops the server and removes the data dir. */
  dispose(): Promise<void>;
}

export interface ApiSession {
  /** `name=value` of the session cookie, for the `cookie` header. */
  cookie: string;
  /** The server's own origin, which browsers send as `Origin`. */
  origin: string;
  /** fetch on the API with the cookie and Origin set; a plain object body is sent as JSON. */
  api(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  /** Credentials for `providerClient` / `rawClient`. */
  credentials: ClientCredentials;
}

export interface DemoIds {
  amiId: string;
  textDocument: string;
  boards: { id: string; title: string; documentName: string; organisation: string; restricted: boolean; kind: string }[];
}

/** POSTs `body` to an auth route that opens a session, and returns that session. */
async function sessionFrom(httpUrl: string, path: string, body: unknown, status: number, what: string): Promise<ApiSession> {
  const response = await fetch(`${httpUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(httpUrl).origin },
    body: JSON.stringify(body),
  });
  if (response.status !== status) throw new Error(`${what} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (cookie === undefined) throw new Error(`${what} set no cookie`);
  return sessionWith(httpUrl, cookie);
}

/** Logs in over the real API. Exported for tests that run a server in a child process. */
export function loginOver(httpUrl: string, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  return sessionFrom(httpUrl, '/api/auth/login', { email, password }, 200, `login of ${email}`);
}

export interface NewAccount {
  name: string;
  email: string;
  organisation: { name: string; type: OrganisationType };
  password: string;
}

/** Signs a new account up over the real API (a member of no AMI yet) and returns its session. */
export function signUpOver(httpUrl: string, account: NewAccount): Promise<ApiSession> {
  return sessionFrom(httpUrl, '/api/auth/signup', account, 201, `sign-up of ${account.email}`);
}

export function sessionWith(httpUrl: string, cookie: string): ApiSession {
  const origin = new URL(httpUrl).origin;
  return {
    cookie,
    origin,
    credentials: { cookie, origin },
    api: (path, init = {}) =>
      fetch(`${httpUrl}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { cookie, origin, ...(init.body !== undefined && { 'content-type': 'application/json' }) },
        ...(init.body !== undefined && { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      }),
  };
}

export async function demoIdsOver(httpUrl: string): Promise<DemoIds> {
  const owner = await loginOver(httpUrl, DEMO_ACCOUNTS[0]!.email);
  const amis = (await (await owner.api('/api/amis')).json()) as AmiSummaryView[];
  const ami = amis.find((candidate) => candidate.title === DEMO_AMI_TITLE);
  if (ami === undefined) throw new Error('the demo AMI is missing');
  const detail = (await (await owner.api(`/api/amis/${ami.id}`)).json()) as AmiDetailView;
  return {
    amiId: ami.id,
    textDocument: detail.textDocumentName,
    boards: detail.boards.map((board) => ({
      id: board.id,
      title: board.title,
      documentName: board.documentName,
      organisation: board.organisation.name,
      restricted: board.restricted,
      kind: board.kind,
    })),
  };
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
  /** The versions' clock, e.g. a `manualClock()` to let ten minutes pass at once. */
  versionClock?: Clock;
}

export async function startTestServer(limits: Partial<SyncLimits> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const base = loadConfig({ HOST: '127.0.0.1', PORT: '0', EPROUVETTE_DATA_DIR: dataDir, ...options.env });
  const logger = memoryLogger();
  const boot = async (port: number) => {
    const storage = await openSqliteStorage(dataDir);
    const store = options.wrapStore?.(storage.documents) ?? storage.documents;
    const server = await startServer({ ...base, port, sync: { ...base.sync, ...limits } }, { ...storage, documents: store }, logger, {
      versionClock: options.versionClock,
    });
    return { store, server, storage };
  };
  let running = await boot(0);
  // One owner session and one look-up of the demo ids per server, shared by every newDocument().
  let owner: Promise<ApiSession> | undefined;
  let demoIds: Promise<DemoIds> | undefined;
  const port = running.server.port;
  const handle: TestServer = {
    server: running.server,
    store: running.store,
    logger,
    dataDir,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    httpUrl: `http://127.0.0.1:${port}`,
    login: (email, password) => loginOver(handle.httpUrl, email, password),
    demo: () => demoIdsOver(handle.httpUrl),
    newDocument: async (title = 'Tableau de test') => {
      owner ??= loginOver(handle.httpUrl, DEMO_ACCOUNTS[0]!.email);
      demoIds ??= demoIdsOver(handle.httpUrl);
      const session = await owner;
      const response = await session.api(`/api/amis/${(await demoIds).amiId}/boards`, { body: { title, kind: 'atelier' } });
      if (response.status !== 201) throw new Error(`board creation failed: ${response.status} ${await response.text()}`);
      const board = (await response.json()) as BoardView;
      return { name: board.documentName, owner: session };
    },
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
