/**
 * Loading and unloading documents under storage trouble: a failed load refuses the connection
 * and leaves nothing behind; a document is never unloaded while one of its writes is pending.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@eprouvette/shared';
import type { DocumentStore } from '../src/storage/document-store.ts';
import { providerClient, rawClient, waitFor, type ProviderClient } from '../src/testing/clients.ts';
import { startTestServer, type TestServer } from '../src/testing/test-server.ts';

let server: TestServer | null = null;
const clients: ProviderClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.dispose();
  server = null;
});

/** Delegates to the real store, with hooks to fail or hold calls. */
function hookedStore(real: DocumentStore, hooks: { load?: () => Promise<void>; append?: () => Promise<void> }): DocumentStore {
  return {
    kind: real.kind,
    load: async (name) => {
      await hooks.load?.();
      return real.load(name);
    },
    append: async (entries) => {
      await hooks.append?.();
      return real.append(entries);
    },
    compact: (...args) => real.compact(...args),
    stats: (name) => real.stats(name),
    deleteWithPrefix: (prefix) => real.deleteWithPrefix(prefix),
    close: () => real.close(),
  };
}

describe('document lifecycle', () => {
  it('a failed load closes the connection with 1011, leaks nothing, and the next open succeeds', async () => {
    let failNext = false;
    server = await startTestServer({}, {
      wrapStore: (real) => hookedStore(real, {
        load: async () => {
          if (failNext) {
            failNext = false;
            throw new Error('disque indisponible');
          }
        },
      }),
    });
    const { name, owner } = await server.newDocument();
    // Armed only now: the start reads the demo's documents for the search index.
    failNext = true;
    const first = rawClient(server.syncUrl, name, owner.credentials);
    expect((await first.closed).code).toBe(CloseCode.InternalError);
    await waitFor(() => server!.server.sync.connections.size === 0, 'connection released');
    expect(server.server.sync.registry.size).toBe(0);
    expect(server.logger.lines.some((line) => line.includes('document load failed') && line.includes('disque indisponible'))).toBe(true);

    const second = providerClient(server.syncUrl, name, undefined, owner.credentials);
    clients.push(second);
    await second.synced;
    expect(server.server.sync.registry.has(name)).toBe(true);
  });

  it('is not unloaded while a write for it is pending, and the write lands', async () => {
    let releaseWrites: () => void = () => {};
    let holding = false;
    server = await startTestServer({ unloadDelayMs: 0 }, {
      wrapStore: (real) => hookedStore(real, {
        append: () => (holding ? new Promise<void>((resolve) => (releaseWrites = resolve)) : Promise.resolve()),
      }),
    });
    const { name, owner } = await server.newDocument();
    const a = providerClient(server.syncUrl, name, undefined, owner.credentials);
    await a.synced;
    holding = true;
    a.doc.getText('content').insert(0, 'mesure de débit de nuit');
    await waitFor(() => server!.server.sync.registry.loadedRooms()[0]?.isBusy === true, 'write pending');
    a.destroy();
    await waitFor(() => server!.server.sync.connections.size === 0, 'client gone');
    // Give the (zero) unload delay several chances to fire while the write is held.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.server.sync.registry.has(name)).toBe(true);
    holding = false;
    releaseWrites();
    await waitFor(() => !server!.server.sync.registry.has(name), 'unloaded after the write');
    const stored = await server.store.stats(name);
    expect(stored.logCount + (stored.snapshotBytes > 0 ? 1 : 0)).toBeGreaterThan(0);
    const b = providerClient(server.syncUrl, name, undefined, owner.credentials);
    clients.push(b);
    await b.synced;
    expect(b.doc.getText('content').toString()).toBe('mesure de débit de nuit');
  });

  it('a failed write closes the document’s connections with 1011; clients resend on reconnect', async () => {
    let failWrites = false;
    server = await startTestServer({}, {
      wrapStore: (real) => hookedStore(real, {
        append: async () => {
          if (failWrites) throw new Error('disque plein');
        },
      }),
    });
    const { name, owner } = await server.newDocument();
    const a = providerClient(server.syncUrl, name, undefined, owner.credentials);
    const b = providerClient(server.syncUrl, name, undefined, owner.credentials);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const codes: number[] = [];
    b.provider.on('connection-close', (event: { code: number } | null) => event && codes.push(event.code));
    failWrites = true;
    a.doc.getText('content').insert(0, 'perdu ?');
    await waitFor(() => codes.includes(CloseCode.InternalError), 'connections closed');
    // Nothing of the failed write was sent to b before it was durable.
    expect(b.doc.getText('content').toString()).toBe('');
    failWrites = false;
    await waitFor(() => b.doc.getText('content').toString() === 'perdu ?', 'a resent its edit after reconnecting');
  });
});
