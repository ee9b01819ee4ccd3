/** The single port: health JSON, the built client with SPA fallback, and configuration errors. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from '../src/testing/child-server.ts';
import { makeTempDir, startTestServer, type TestServer } from '../src/testing/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  const clientDir = await makeTempDir('eprouvette-client-');
  await mkdir(path.join(clientDir, 'assets'));
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>Éprouvette</title>');
  await writeFile(path.join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)');
  server = await startTestServer({}, { env: { EPROUVETTE_CLIENT_DIR: clientDir } });
});
afterAll(() => server.dispose());

describe('HTTP on the single port', () => {
  it('GET /api/health answers JSON', async () => {
    const response = await fetch(`${server.httpUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', storage: 'sqlite', documents: 0, connections: 0 });
  });

  it('unknown API routes are JSON 404s, not the client page', async () => {
    const response = await fetch(`${server.httpUrl}/api/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Ressource introuvable.', code: 'not-found' });
  });

  it('serves hashed assets as immutable and client routes with index.html', async () => {
    const asset = await fetch(`${server.httpUrl}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const route = await fetch(`${server.httpUrl}/d/fiche-experimentation`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Éprouvette</title>');
  });

  it('a bad configuration stops the process with a message naming the variable', async () => {
    await expect(startChildServer({ PORT: 'huit-mille' })).rejects.toThrow(/Configuration invalide[\s\S]*PORT="huit-mille"/);
  });
});
