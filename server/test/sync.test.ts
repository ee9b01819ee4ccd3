import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncLimits } from '../src/config.ts';
import { providerClient, waitFor, type ClientCredentials, type ProviderClient } from '../src/testing/clients.ts';
import { startTestServer, type TestServer } from '../src/testing/test-server.ts';

let server: TestServer | null = null;
let credentials: ClientCredentials = {};
const clients: ProviderClient[] = [];

/** A server and one new board on it; clients then open that board as its owner. */
async function serverWithDocument(limits: Partial<SyncLimits> = {}): Promise<string> {
  server = await startTestServer(limits);
  const { name, owner } = await server.newDocument();
  credentials = owner.credentials;
  return name;
}

function client(name: string, doc?: Y.Doc): ProviderClient {
  const created = providerClient(server!.syncUrl, name, doc, credentials);
  clients.push(created);
  return created;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.dispose();
  server = null;
  credentials = {};
});

const text = (c: ProviderClient) => c.doc.getText('content').toString();

describe('sync server with stock WebsocketProvider clients', () => {
  it('two clients converge, both ways', async () => {
    const name = await serverWithDocument();
    const a = client(name);
    const b = client(name);
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('content').insert(0, 'Capteurs acoustiques ');
    b.doc.getText('content').insert(0, 'LoRaWAN ');
    await waitFor(() => text(a) === text(b) && text(a).length === 'Capteurs acoustiques LoRaWAN '.length, 'convergence');
  });

  it('a late joiner receives the full state', async () => {
    const name = await serverWithDocument();
    const a = client(name);
    await a.synced;
    a.doc.getMap('board').set('note-1', 'Télérelève des compteurs');
    a.doc.getText('content').insert(0, 'Rendement de réseau');
    await waitFor(() => server!.server.sync.registry.loadedRooms()[0]?.isBusy === false, 'write committed');
    const late = client(name);
    await late.synced;
    expect(late.doc.getMap('board').get('note-1')).toBe('Télérelève des compteurs');
    expect(text(late)).toBe('Rendement de réseau');
  });

  it('relays awareness, to the sender too, and removes it when the client leaves', async () => {
    const name = await serverWithDocument();
    const a = client(name);
    const b = client(name);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Agente de Lille' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Agente de Lille', 'awareness at b');
    // The echo to the sender is what keeps an idle stock client from timing out after 30 s.
    const before = a.provider.wsLastMessageReceived;
    a.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(() => a.provider.wsLastMessageReceived > before, 'echo to the sender');
    clients.splice(clients.indexOf(a), 1);
    a.provider.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'awareness removed at b');
  });

  it('keeps the state across a restart, and reconnecting clients do not re-append their document', async () => {
    const name = await serverWithDocument();
    const a = client(name);
    const b = client(name);
    await Promise.all([a.synced, b.synced]);
    for (let i = 0; i < 50; i++) a.doc.getText('content').insert(0, `ligne ${i}\n`);
    await waitFor(() => text(b) === text(a), 'b up to date');
    await waitFor(() => server!.server.sync.registry.loadedRooms()[0]?.isBusy === false, 'writes committed');
    const before = await server!.store.stats(name);
    const expected = text(a);

    await server!.restart();
    await waitFor(() => a.provider.wsconnected && b.provider.wsconnected && a.provider.synced && b.provider.synced, 'reconnected');
    const fresh = client(name);
    await fresh.synced;
    expect(text(fresh)).toBe(expected);
    // Both clients sent their whole state back on reconnect (SyncStep2): none of it was new.
    await waitFor(() => server!.server.sync.registry.loadedRooms()[0]?.isBusy === false, 'writes committed');
    const after = await server!.store.stats(name);
    expect(after.logBytes + after.snapshotBytes).toBeLessThanOrEqual(before.logBytes + before.snapshotBytes);
  });

  it('edits made while disconnected reach the server when the client reconnects', async () => {
    const name = await serverWithDocument();
    const a = client(name);
    const b = client(name);
    await Promise.all([a.synced, b.synced]);
    a.provider.disconnect();
    a.doc.getText('content').insert(0, 'écrit hors ligne');
    a.provider.connect();
    await waitFor(() => text(b) === 'écrit hors ligne', 'offline edit delivered');
  });

  it('unloads a document after its last client leaves, and reloads it intact', async () => {
    const name = await serverWithDocument({ unloadDelayMs: 50 });
    const a = client(name);
    await a.synced;
    a.doc.getText('content').insert(0, 'sondes d’humidité');
    await waitFor(() => server!.server.sync.registry.loadedRooms()[0]?.isBusy === false, 'write committed');
    expect(server!.server.sync.registry.has(name)).toBe(true);
    clients.splice(0).forEach((c) => c.destroy());
    await waitFor(() => !server!.server.sync.registry.has(name), 'document unloaded');
    const b = client(name);
    await b.synced;
    expect(text(b)).toBe('sondes d’humidité');
  });

  it('compacts the log into a snapshot past the threshold without losing anything', async () => {
    const name = await serverWithDocument({ compactAfterUpdates: 20 });
    const a = client(name);
    await a.synced;
    for (let i = 0; i < 100; i++) {
      a.doc.getArray('items').push([i]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(() => server!.server.sync.registry.loadedRooms()[0]?.isBusy === false, 'idle');
    const stats = await server!.store.stats(name);
    expect(stats.snapshotBytes).toBeGreaterThan(0);
    expect(stats.logCount).toBeLessThan(100);
    const stored = await server!.store.load(name);
    const copy = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(copy, u);
    expect(copy.getArray('items').toArray()).toEqual([...Array(100).keys()]);
  });
});
