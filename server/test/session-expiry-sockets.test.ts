import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@eprouvette/shared';
import { hashToken } from '../src/auth/session-tokens.ts';
import { rawClient, waitFor } from '../src/testing/clients.ts';
import { startTestServer, type TestServer } from '../src/testing/test-server.ts';

const DAY = 24 * 3600 * 1000;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.dispose();
});

describe('a socket whose session expires while it is open', () => {
  it('is closed with 4401 by the next heartbeat, and a live one is kept', async () => {
    const { name } = await server.newDocument();
    const expiring = await server.login('agent.syndicat@demo.eprouvette.fr');
    const lasting = await server.login('cheffe.projet@demo.eprouvette.fr');
    // The first session ends in 20 days (more than 15 left, so opening the socket does not slide
    // it); the second was just created and ends in 30.
    const token = expiring.cookie.split('=')[1]!;
    const db = new Database(path.join(server.dataDir, 'eprouvette.db'));
    try {
      db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?').run(Date.now() + 20 * DAY, hashToken(token));
    } finally {
      db.close();
    }
    const doomed = rawClient(server.syncUrl, name, expiring.credentials);
    const kept = rawClient(server.syncUrl, name, lasting.credentials);
    await Promise.all([doomed.opened, kept.opened]);
    await waitFor(() => doomed.messages.length > 0, 'the expiring socket joined');
    server.server.sync.checkConnections(Date.now() + 25 * DAY);
    expect((await doomed.closed).code).toBe(CloseCode.Unauthenticated);
    expect(kept.socket.readyState).toBe(kept.socket.OPEN);
    kept.socket.close();
  });
});
