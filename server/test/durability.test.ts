/**
 * The server as a real process: SIGKILL while 20 clients type loses nothing any client received
 * from it; SIGTERM flushes, closes sockets with 1001 and exits 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import * as Y from 'yjs';
import { DEMO_ACCOUNTS } from '../src/seed/demo.ts';
import { createBoardOver, startChildServer, type ChildServer } from '../src/testing/child-server.ts';
import { providerClient, waitFor, type ClientCredentials, type ProviderClient } from '../src/testing/clients.ts';
import { demoIdsOver, loginOver, makeTempDir } from '../src/testing/test-server.ts';
import { openSqliteStore } from '../src/storage/sqlite.ts';

let child: ChildServer | null = null;
let dataDir = '';
const clients: ProviderClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await child?.stop('SIGKILL');
  child = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function storedDoc(name: string): Promise<Y.Doc> {
  const store = await openSqliteStore(dataDir);
  const stored = await store.load(name);
  await store.close();
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A new board on the child server, and the demo owner's credentials to open it with. */
async function newBoard(server: ChildServer): Promise<{ name: string; credentials: ClientCredentials }> {
  const owner = await loginOver(server.url, DEMO_ACCOUNTS[0]!.email);
  const { amiId } = await demoIdsOver(server.url);
  return { name: await createBoardOver(owner, amiId), credentials: owner.credentials };
}

describe('durability of the server process', () => {
  it('kill -9 while 20 clients type loses nothing any client had received', async () => {
    dataDir = await makeTempDir();
    child = await startChildServer({ EPROUVETTE_DATA_DIR: dataDir });
    const { name, credentials } = await newBoard(child);
    for (let i = 0; i < 20; i++) clients.push(providerClient(child.syncUrl, name, undefined, credentials));
    await Promise.all(clients.map((c) => c.synced));

    const typing = clients.map((c, i) =>
      setInterval(() => c.doc.getText('content').insert(0, String.fromCharCode(97 + i)), 5 + (i % 7)),
    );
    // Let edits flow until every client has received plenty from the others, then kill.
    await waitFor(
      () => clients.every((c) => c.doc.getText('content').length > 400),
      'clients exchanging edits',
      30_000,
    );
    await child.stop('SIGKILL');
    typing.forEach(clearInterval);

    // What a client holds from another client can only have come through the server.
    const received = new Map<number, number>();
    for (const c of clients) {
      for (const [clientId, clock] of Y.decodeStateVector(Y.encodeStateVector(c.doc))) {
        if (clientId === c.doc.clientID) continue;
        received.set(clientId, Math.max(received.get(clientId) ?? 0, clock));
      }
    }
    for (const c of clients.splice(0)) c.destroy();

    const stored = Y.decodeStateVector(Y.encodeStateVector(await storedDoc(name)));
    expect(received.size).toBe(20);
    for (const [clientId, clock] of received) {
      expect(stored.get(clientId) ?? 0, `client ${clientId}`).toBeGreaterThanOrEqual(clock);
    }
  });

  it('SIGTERM flushes, closes sockets with 1001 and exits 0', async () => {
    dataDir = await makeTempDir();
    child = await startChildServer({ EPROUVETTE_DATA_DIR: dataDir });
    const { name, credentials } = await newBoard(child);
    const a = providerClient(child.syncUrl, name, undefined, credentials);
    clients.push(a);
    await a.synced;
    const closeCode = new Promise<number>((resolve) =>
      a.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? -1)),
    );
    for (let i = 0; i < 200; i++) a.doc.getText('content').insert(0, 'x');
    const expected = a.doc.getText('content').toString();
    // Wait for the last edit to have been received by the server: its echo of our own state
    // vector is not observable, so ask a second client.
    const b = providerClient(child.syncUrl, name, undefined, credentials);
    clients.push(b);
    await waitFor(() => b.doc.getText('content').toString() === expected, 'second client caught up');
    a.provider.shouldConnect = false;
    b.provider.shouldConnect = false;

    expect(await child.stop('SIGTERM')).toBe(0);
    expect(await closeCode).toBe(1001);
    expect((await storedDoc(name)).getText('content').toString()).toBe(expected);
  });
});
