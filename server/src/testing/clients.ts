/**
 * Clients for integration tests: the stock y-websocket `WebsocketProvider` (what browsers run),
 * and a raw socket for sending hand-made or hostile frames.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface ProviderClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  destroy(): void;
}

/** How a test client authenticates: the session cookie, and the Origin a browser would send. */
export interface ClientCredentials {
  cookie?: string;
  origin?: string;
}

/** `ws` with the credentials set on every (re)connection, as a browser would send them. */
function authenticatedWebSocket(credentials: ClientCredentials) {
  const headers: Record<string, string> = {};
  if (credentials.cookie !== undefined) headers.cookie = credentials.cookie;
  if (credentials.origin !== undefined) headers.origin = credentials.origin;
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export function providerClient(syncUrl: string, name: string, doc = new Y.Doc(), credentials: ClientCredentials = {}): ProviderClient {
  // disableBc: otherwise two providers in one process sync over BroadcastChannel, not the server.
  const provider = new WebsocketProvider(syncUrl, name, doc, { WebSocketPolyfill: authenticatedWebSocket(credentials) as never, disableBc: true });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface RawClient {
  socket: WebSocket;
  messages: Uint8Array[];
  opened: Promise<void>;
  /** Resolves with the close code and reason the client saw. */
  closed: Promise<{ code: number; reason: string }>;
}

export function rawClient(syncUrl: string, name: string, credentials: ClientCredentials = {}): RawClient {
  const Socket = authenticatedWebSocket(credentials);
  const socket = new Socket(`${syncUrl}/${name}`);
  const messages: Uint8Array[] = [];
  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  socket.on('error', () => {});
  return {
    socket,
    messages,
    opened: new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    }),
    closed: new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
  };
}

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. Never a sleep-then-assert. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
