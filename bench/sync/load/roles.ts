/**
 * Writers and observers for the propagation workloads, built on the raw client (every server) or,
 * for Hocuspocus in provider mode, on its own provider. Either way a writer is a Y.Doc whose local
 * edits reach the server, and an observer reports each update it receives with its receipt time.
 */
import * as RootY from 'yjs';
import type { Endpoint, HocuspocusClient } from '../types.ts';
import { SyncClient, type Connectable } from './client.ts';
import { ProviderClient, loadHocuspocusLibrary } from './hocuspocus-provider.ts';

export interface RoleOptions {
  endpoint: Endpoint;
  repoRoot: string;
  docName: string;
  hocuspocusClient: HocuspocusClient;
  onUpdate?: (update: Uint8Array, receivedAt: number) => void;
  timeoutMs?: number;
}

export interface Writer {
  /** The yjs copy the doc belongs to (the provider's own for Hocuspocus in provider mode). */
  Y: typeof RootY;
  doc: RootY.Doc;
  client: Connectable;
}

export function usesProvider(options: Pick<RoleOptions, 'endpoint' | 'hocuspocusClient'>): boolean {
  return options.endpoint.dialect === 'hocuspocus' && options.hocuspocusClient === 'provider';
}

export function makeObserver(options: RoleOptions): Connectable {
  if (usesProvider(options)) {
    return new ProviderClient(loadHocuspocusLibrary(options.repoRoot), {
      url: options.endpoint.url,
      docName: options.docName,
      ...(options.onUpdate ? { onUpdate: options.onUpdate } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }
  return new SyncClient({
    endpoint: options.endpoint,
    docName: options.docName,
    ...(options.onUpdate ? { onUpdate: options.onUpdate } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}

/** A writer with Yjs client id `clientId`; it may also observe (onUpdate) the others' updates. */
export function makeWriter(options: RoleOptions, clientId: number): Writer {
  if (usesProvider(options)) {
    const library = loadHocuspocusLibrary(options.repoRoot);
    const client = new ProviderClient(library, {
      url: options.endpoint.url,
      docName: options.docName,
      clientId,
      ...(options.onUpdate ? { onUpdate: options.onUpdate } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    return { Y: library.Y, doc: client.doc, client };
  }
  const doc = new RootY.Doc();
  doc.clientID = clientId;
  const client = new SyncClient({
    endpoint: options.endpoint,
    docName: options.docName,
    doc,
    ...(options.onUpdate ? { onUpdate: options.onUpdate } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  // The raw client never applies remote updates to this doc, so every update is a local edit.
  doc.on('update', (update: Uint8Array) => client.sendUpdate(update));
  return { Y: RootY, doc, client };
}
