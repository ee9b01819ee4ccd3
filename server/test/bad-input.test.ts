/**
 * Every kind of bad input closes only the offending connection, with a clear code and one log
 * line; the document is unchanged and another client keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '@eprouvette/shared';
import { providerClient, rawClient, waitFor, type ClientCredentials, type ProviderClient } from '../src/testing/clients.ts';
import { startTestServer, type TestServer } from '../src/testing/test-server.ts';

const LIMIT = 64 * 1024;
let server: TestServer;
let witness: ProviderClient;
/** The demo owner's, for every client: permissions are not what these cases are about. */
let credentials: ClientCredentials;

beforeAll(async () => {
  server = await startTestServer({ maxUpdateBytes: LIMIT, maxSendBufferBytes: 64 * 1024, ratePerSecond: 1000, rateBurst: 200 });
});
afterAll(async () => {
  witness?.destroy();
  await server.dispose();
});

function frame(build: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  build(encoder);
  return encoding.toUint8Array(encoder);
}
const syncUpdate = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

/** Opens a document with one honest client holding some content, for each case. */
async function freshDocument() {
  const { name, owner } = await server.newDocument();
  credentials = owner.credentials;
  witness?.destroy();
  witness = providerClient(server.syncUrl, name, undefined, credentials);
  await witness.synced;
  witness.doc.getText('content').insert(0, 'contenu légitime');
  const roomOf = () => server.server.sync.registry.loadedRooms().find((r) => r.name === name);
  await waitFor(() => roomOf()?.doc.getText('content').toString() === 'contenu légitime' && !roomOf()!.isBusy, 'committed');
  const room = roomOf()!;
  return { name, stateBefore: Y.encodeStateAsUpdate(room.doc), room };
}

async function expectRejected(send: (socket: import('ws').WebSocket) => void, expectedCode: number) {
  const { name, stateBefore, room } = await freshDocument();
  const logLines = server.logger.lines.length;
  const bad = rawClient(server.syncUrl, name, credentials);
  await bad.opened;
  send(bad.socket);
  const closed = await bad.closed;
  expect(closed.code).toBe(expectedCode);
  // The document is unchanged, the honest client still syncs through the server.
  expect(Y.encodeStateAsUpdate(room.doc)).toEqual(stateBefore);
  const other = providerClient(server.syncUrl, name, undefined, credentials);
  await other.synced;
  witness.doc.getText('content').insert(0, '+');
  await waitFor(() => other.doc.getText('content').toString() === '+contenu légitime', 'witness still works');
  other.destroy();
  const logged = server.logger.lines.slice(logLines).filter((line) => line.includes(`code=${expectedCode}`));
  expect(logged).toHaveLength(1);
  return closed;
}

describe('bad input on the sync endpoint', () => {
  it('a truncated varint', async () => {
    await expectRejected((s) => s.send(new Uint8Array([0x80])), CloseCode.BadMessage);
  });

  it('an overlong varint', async () => {
    await expectRejected((s) => s.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])), CloseCode.BadMessage);
  });

  it('an unknown message type', async () => {
    await expectRejected((s) => s.send(new Uint8Array([7, 0])), CloseCode.BadMessage);
  });

  it('a zero-length update (would make Yjs loop forever)', async () => {
    await expectRejected((s) => s.send(syncUpdate(new Uint8Array(0))), CloseCode.BadMessage);
  });

  it('a garbage update', async () => {
    await expectRejected((s) => s.send(syncUpdate(new Uint8Array([5, 250, 3, 9, 9, 9, 1, 200, 17]))), CloseCode.BadMessage);
  });

  it('an update above the size limit', async () => {
    const big = new Y.Doc();
    big.getText('t').insert(0, 'x'.repeat(LIMIT + 10));
    await expectRejected((s) => s.send(syncUpdate(Y.encodeStateAsUpdate(big))), CloseCode.UpdateTooLarge);
  });

  it('a frame far above the limit is cut off by the socket layer (1009) before it is buffered', async () => {
    await expectRejected((s) => s.send(new Uint8Array(4 * LIMIT)), CloseCode.MessageTooBig);
  });

  it('a text frame', async () => {
    await expectRejected((s) => s.send('bonjour'), CloseCode.BadMessage);
  });

  it('awareness that claims another client’s id', async () => {
    await expectRejected((s) => {
      const claimed = witness.doc.clientID;
      const fake = new awarenessProtocol.Awareness(new Y.Doc());
      fake.clientID = claimed;
      fake.setLocalState({ user: { name: 'usurpateur' } });
      // Jump far ahead of the real clock so it is a claim, not an echo.
      fake.meta.set(claimed, { clock: 1000, lastUpdated: Date.now() });
      s.send(frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(fake, [claimed]));
      }));
    }, CloseCode.BadMessage);
  });

  it('a flood of messages (rate limit)', async () => {
    const queryAwareness = new Uint8Array([3]);
    await expectRejected((s) => {
      for (let i = 0; i < 500; i++) s.send(queryAwareness);
    }, CloseCode.RateLimited);
  });

  it('a client that never reads is closed with 1013', async () => {
    const { name } = await freshDocument();
    const slow = rawClient(server.syncUrl, name, credentials);
    await slow.opened;
    // Stop reading at the TCP level: the server's send buffer for this socket can only grow.
    (slow.socket as unknown as { _socket: import('node:net').Socket })._socket.pause();
    const logLines = server.logger.lines.length;
    const payload = 'x'.repeat(48 * 1024);
    await waitFor(() => {
      witness.doc.getText('content').insert(0, payload);
      return server.logger.lines.slice(logLines).some((line) => line.includes(`code=${CloseCode.TryAgainLater}`));
    }, 'slow client closed', 30_000);
    const connectionsOf = () => [...server.server.sync.connections].filter((c) => c.docName === name).length;
    await waitFor(() => connectionsOf() === 1, 'slow connection gone, witness kept');
    const other = providerClient(server.syncUrl, name, undefined, credentials);
    await other.synced;
    expect(other.doc.getText('content').toString()).toBe(witness.doc.getText('content').toString());
    other.destroy();
  });
});
