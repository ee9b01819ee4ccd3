/**
 * One open document: the Y.Doc, its WebsocketProvider, an offline copy if asked, and the connection state,
 * including whether the server accepts this connection's edits.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import { describeConnection, isRefusal, syncServerUrl, type Connection, type ConnectionFacts } from './connection-state.ts';
import type { Identity } from './identity.ts';

/** Types of the y-websocket auth message: the stock `permission denied`, and the server's `write granted`. */
const AUTH_PERMISSION_DENIED = 0;
const AUTH_WRITE_GRANTED = 1;

export type Awareness = WebsocketProvider['awareness'];

export interface SyncSession {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  readonly identity: Identity;
  getConnection(): Connection;
  subscribeConnection(listener: () => void): () => void;
  destroy(): void;
}

export interface SyncSessionOptions {
  /** Defaults to `ws(s)://<page host>/sync`. */
  serverUrl?: string;
  /** Who this tab is for the others (presence). */
  identity: Identity;
  /**
   * Keeps a copy of the document in the browser (IndexedDB) under this name, so that it opens
   * and can be edited without the network; the edits merge when the connection returns.
   */
  offlineStore?: string;
}

export function createSyncSession(name: string, options: SyncSessionOptions): SyncSession {
  const doc = new Y.Doc();
  const offline = options.offlineStore === undefined ? null : new IndexeddbPersistence(options.offlineStore, doc);
  const serverUrl = options.serverUrl ?? syncServerUrl(window.location);
  const provider = new WebsocketProvider(serverUrl, name, doc, {
    // y-websocket stops on every 44xx code by default; only the final ones mean "give up".
    shouldReconnect: (event) => !isRefusal(event.code),
  });
  const identity = options.identity;
  provider.awareness.setLocalStateField('user', identity);

  const facts: ConnectionFacts = {
    online: navigator.onLine,
    status: provider.wsconnected ? 'connected' : 'connecting',
    synced: provider.synced,
    lastCloseCode: null,
    refusedCode: null,
    access: 'unknown',
  };
  /** The server spoke about writing on the current connection (it does so before syncing). */
  let accessToldOnThisConnection = false;
  let loaded = provider.synced;
  let connection = describeConnection(facts, loaded);
  const listeners = new Set<() => void>();

  const update = () => {
    const next = describeConnection(facts, loaded);
    if (
      next.state === connection.state &&
      next.detail === connection.detail &&
      next.loaded === connection.loaded &&
      next.refusedCode === connection.refusedCode &&
      next.access === connection.access
    ) {
      return;
    }
    connection = next;
    for (const listener of listeners) listener();
  };

  // Replaces y-websocket's handler, which only logs a warning: the editor must know.
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    const type = decoding.readVarUint(decoder);
    const reason = decoding.readVarString(decoder);
    if (type === AUTH_PERMISSION_DENIED && reason === 'read-only') facts.access = 'read-only';
    else if (type === AUTH_WRITE_GRANTED) facts.access = 'write';
    else return;
    accessToldOnThisConnection = true;
    update();
  };

  const onStatus = ({ status }: { status: ConnectionFacts['status'] }) => {
    facts.status = status;
    if (status !== 'connected') facts.synced = false;
    if (status === 'connected') accessToldOnThisConnection = false;
    update();
  };
  const onSync = (synced: boolean) => {
    facts.synced = synced;
    if (synced) {
      loaded = true;
      facts.lastCloseCode = null;
      if (!accessToldOnThisConnection) facts.access = 'write';
    }
    update();
  };
  const onConnectionClose = (event: CloseEvent | null) => {
    facts.synced = false;
    if (event && isRefusal(event.code)) {
      // The server refused for good: reconnecting cannot help.
      provider.shouldConnect = false;
      facts.refusedCode = event.code;
    } else if (event) {
      facts.lastCloseCode = event.code;
    }
    update();
  };
  const onOnline = () => {
    facts.online = true;
    if (facts.refusedCode === null) provider.connect(); // do not wait for the backoff
    update();
  };
  const onOffline = () => {
    facts.online = false;
    update();
  };
  /** Tell the others right away that this tab leaves, rather than after the awareness timeout. */
  const onPageHide = () => {
    provider.awareness.setLocalState(null);
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) provider.awareness.setLocalStateField('user', identity);
  };

  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onConnectionClose);
  // One list, so that what is added here is exactly what destroy() removes.
  const windowListeners = [
    ['online', onOnline],
    ['offline', onOffline],
    ['pagehide', onPageHide],
    ['pageshow', onPageShow],
  ] as const;
  for (const [type, listener] of windowListeners) window.addEventListener(type, listener as EventListener);

  return {
    name,
    doc,
    provider,
    awareness: provider.awareness,
    identity,
    getConnection: () => connection,
    subscribeConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      for (const [type, listener] of windowListeners) window.removeEventListener(type, listener as EventListener);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onConnectionClose);
      provider.awareness.setLocalState(null);
      provider.destroy();
      void offline?.destroy();
      doc.destroy();
    },
  };
}
