/**
 * One open document: the Y.Doc, its WebsocketProvider, the shared text and the connection state.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { describeConnection, isRefusal, syncServerUrl, type Connection, type ConnectionFacts } from './connection-state.ts';
import { tabIdentity, type Identity } from './identity.ts';

export type Awareness = WebsocketProvider['awareness'];

export interface SyncSession {
  readonly name: string;
  readonly doc: Y.Doc;
  /** The shared plain text, `doc.getText('content')`. */
  readonly text: Y.Text;
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
  identity?: Identity;
}

export function createSyncSession(name: string, options: SyncSessionOptions = {}): SyncSession {
  const doc = new Y.Doc();
  const text = doc.getText('content');
  const serverUrl = options.serverUrl ?? syncServerUrl(window.location);
  const provider = new WebsocketProvider(serverUrl, name, doc, {
    // y-websocket stops on every 44xx code by default; only the final ones mean "give up".
    shouldReconnect: (event) => !isRefusal(event.code),
  });
  const identity = options.identity ?? tabIdentity();
  provider.awareness.setLocalStateField('user', identity);

  const facts: ConnectionFacts = {
    online: navigator.onLine,
    status: provider.wsconnected ? 'connected' : 'connecting',
    synced: provider.synced,
    lastCloseCode: null,
    refusedCode: null,
  };
  let loaded = provider.synced;
  let connection = describeConnection(facts, loaded);
  const listeners = new Set<() => void>();

  const update = () => {
    const next = describeConnection(facts, loaded);
    if (
      next.state === connection.state &&
      next.detail === connection.detail &&
      next.loaded === connection.loaded &&
      next.refusedCode === connection.refusedCode
    ) {
      return;
    }
    connection = next;
    for (const listener of listeners) listener();
  };

  const onStatus = ({ status }: { status: ConnectionFacts['status'] }) => {
    facts.status = status;
    if (status !== 'connected') facts.synced = false;
    update();
  };
  const onSync = (synced: boolean) => {
    facts.synced = synced;
    if (synced) {
      loaded = true;
      facts.lastCloseCode = null;
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
    text,
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
      doc.destroy();
    },
  };
}
