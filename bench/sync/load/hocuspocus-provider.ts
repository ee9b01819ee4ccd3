/**
 * Hocuspocus driven by its own provider (`@hocuspocus/provider` 3.4.4, with its own yjs and ws),
 * loaded from bench/peers/hocuspocus/node_modules: the provider is installed only there, and its
 * Y.Doc must come from the same yjs copy as the provider, so both are required from that folder.
 *
 * Optional (BENCH_HOCUSPOCUS_CLIENT=provider), for the fan-out and writers workloads only. It is not
 * the default because 1,000 providers in one process measure mostly themselves: each applies every
 * update to its own Y.Doc, one after the other on the load generator's single thread, so the last
 * observer learns of an update tens of milliseconds after the first. Measured here (1,000
 * observers, 20 updates/s): the load generator at 75 % of a core and Hocuspocus's p99 at 107 ms with
 * providers, against 21 % and 30 ms with raw clients speaking its framing, on the same server.
 * Presence, join-large and many-docs would be worse: every provider rebuilds the array of all
 * awareness states on each awareness message (500 × 500 per second), and 150 providers would each
 * apply the 20 MB document inside the load generator.
 *
 * Loading this copy of yjs next to the root one makes yjs print "Yjs was already imported": expected,
 * the two copies are never mixed (docs of this copy only ever meet this copy's provider).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Y from 'yjs';

type Yjs = typeof Y;

interface ProviderWebsocket {
  destroy(): void;
}

interface Provider {
  on(event: 'synced', listener: () => void): void;
  attach(): void;
  destroy(): void;
}

interface ProviderModule {
  HocuspocusProviderWebsocket: new (configuration: { url: string; WebSocketPolyfill: unknown; messageReconnectTimeout?: number }) => ProviderWebsocket;
  HocuspocusProvider: new (configuration: { websocketProvider: ProviderWebsocket; name: string; document: Y.Doc; awareness: null }) => Provider;
}

export interface HocuspocusLibrary {
  Y: Yjs;
  module: ProviderModule;
  WebSocket: unknown;
}

let cached: HocuspocusLibrary | null = null;

export function loadHocuspocusLibrary(repoRoot: string): HocuspocusLibrary {
  if (!cached) {
    const require = createRequire(join(repoRoot, 'bench', 'peers', 'hocuspocus', 'package.json'));
    cached = {
      Y: require('yjs') as Yjs,
      module: require('@hocuspocus/provider') as ProviderModule,
      WebSocket: require('ws') as unknown,
    };
  }
  return cached;
}

export class ProviderClient {
  readonly doc: Y.Doc;
  readonly synced: Promise<number>;
  syncedAt: number | null = null;
  private readonly socket: ProviderWebsocket;
  private readonly provider: Provider;

  constructor(
    library: HocuspocusLibrary,
    options: { url: string; docName: string; clientId?: number; onUpdate?: (update: Uint8Array, receivedAt: number) => void; timeoutMs?: number },
  ) {
    this.doc = new library.Y.Doc();
    if (options.clientId !== undefined) this.doc.clientID = options.clientId;
    if (options.onUpdate) {
      const onUpdate = options.onUpdate;
      // The provider applies remote updates with itself as origin; our own edits have origin null.
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== null) onUpdate(update, performance.now());
      });
    }
    // No awareness: the raw clients used for the other servers publish none in these workloads, and a
    // provider's default empty state would make 1,000 providers exchange 1,000² awareness messages
    // (each rebuilding the array of all states) while the fan-out is measured. Without awareness
    // the provider's liveness check relies on incoming messages only, so its timeout is lengthened
    // beyond the connection phase of 1,000 clients.
    this.socket = new library.module.HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: library.WebSocket,
      messageReconnectTimeout: 600_000,
    });
    this.provider = new library.module.HocuspocusProvider({
      websocketProvider: this.socket,
      name: options.docName,
      document: this.doc,
      awareness: null,
    });
    this.synced = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('provider not synced in time')), options.timeoutMs ?? 30_000);
      timer.unref();
      this.provider.on('synced', () => {
        clearTimeout(timer);
        if (this.syncedAt === null) this.syncedAt = performance.now();
        resolve(this.syncedAt);
      });
    });
    this.synced.catch(() => undefined);
    // A provider given its own websocket provider must be attached to it to connect (3.x).
    this.provider.attach();
  }

  async close(): Promise<void> {
    this.provider.destroy();
    this.socket.destroy();
  }
}
