/**
 * The server on PostgreSQL (DATABASE_URL set): clients sync, the state survives a restart of the
 * process, and nothing goes to the SQLite data dir.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/seed/demo.ts';
import { createBoardOver, startChildServer } from '../src/testing/child-server.ts';
import { providerClient, waitFor } from '../src/testing/clients.ts';
import { demoIdsOver, loginOver, makeTempDir, sessionWith } from '../src/testing/test-server.ts';

const baseUrl = process.env.EPROUVETTE_TEST_DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/test`;
const schema = `eprouvette_server_${randomUUID().replaceAll('-', '_')}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(() => admin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

describe('server on PostgreSQL', () => {
  it('syncs and keeps the state across a restart', async () => {
    await admin(`CREATE SCHEMA "${schema}"`);
    const url = new URL(baseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dataDir = await makeTempDir();
    const env = { DATABASE_URL: url.toString(), EPROUVETTE_DATA_DIR: dataDir };
    let child = await startChildServer(env);
    try {
      const health = (await (await fetch(`${child.url}/api/health`)).json()) as { storage: string };
      expect(health.storage).toBe('postgres');
      // The session lives in PostgreSQL too, so it still opens the board after the restart.
      const owner = await loginOver(child.url, DEMO_ACCOUNTS[0]!.email);
      const name = await createBoardOver(owner, (await demoIdsOver(child.url)).amiId);
      const a = providerClient(child.syncUrl, name, undefined, owner.credentials);
      const b = providerClient(child.syncUrl, name, undefined, owner.credentials);
      await Promise.all([a.synced, b.synced]);
      a.doc.getText('content').insert(0, 'Comptage des visiteurs en temps réel');
      await waitFor(() => b.doc.getText('content').length > 0, 'b received');
      a.destroy();
      b.destroy();
      expect(await child.stop('SIGTERM')).toBe(0);

      child = await startChildServer(env);
      // Same cookie, but the new process listens on another port: its own origin is another one.
      const c = providerClient(child.syncUrl, name, undefined, sessionWith(child.url, owner.cookie).credentials);
      await c.synced;
      expect(c.doc.getText('content').toString()).toBe('Comptage des visiteurs en temps réel');
      c.destroy();
      const rows = await admin(`SELECT count(*)::int AS n FROM "${schema}".document_updates WHERE name = '${name}'`);
      expect(rows.rows[0].n).toBeGreaterThan(0);
      expect(existsSync(path.join(dataDir, 'eprouvette.db'))).toBe(false);
    } finally {
      await child.stop('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
