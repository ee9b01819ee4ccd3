import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES } from '@eprouvette/shared';
import { startTestServer, type ApiSession, type DemoIds, type TestServer } from '../src/testing/test-server.ts';

let server: TestServer;
let demo: DemoIds;
let editor: ApiSession;
let commenter: ApiSession;

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);

function upload(session: ApiSession, boardId: string, bytes: Uint8Array, amiId = demo.amiId) {
  return fetch(`${server.httpUrl}/api/amis/${amiId}/boards/${boardId}/images`, {
    method: 'POST',
    headers: { cookie: session.cookie, origin: session.origin, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

beforeAll(async () => {
  server = await startTestServer();
  demo = await server.demo();
  editor = await server.login('agent.syndicat@demo.eprouvette.fr');
  commenter = await server.login('experte.eau@demo.eprouvette.fr');
});

afterAll(async () => {
  await server.dispose();
});

const workshop = () => demo.boards.find((board) => board.kind === 'atelier')!;

describe('board images', () => {
  it('are stored by the hash of their bytes and served to members with safe headers', async () => {
    const response = await upload(editor, workshop().id, PNG);
    expect(response.status).toBe(201);
    const { hash, mime, url } = (await response.json()) as { hash: string; mime: string; url: string };
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(mime).toBe('image/png');
    const again = (await (await upload(editor, workshop().id, PNG)).json()) as { hash: string };
    expect(again.hash).toBe(hash);

    const served = await commenter.api(url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
  });

  it('are refused from those who may not edit the board', async () => {
    const response = await upload(commenter, workshop().id, PNG);
    expect(response.status).toBe(403);
  });

  it('refuse SVG, HTML and other non-images whatever they claim to be', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const response = await upload(editor, workshop().id, svg);
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: string }).error).toContain('PNG');
  });

  it('refuse images over the size limit', async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    const response = await upload(editor, workshop().id, big);
    expect(response.status).toBe(413);
  });

  it('are not served outside the AMIs they were uploaded to', async () => {
    const { hash } = (await (await upload(editor, workshop().id, PNG)).json()) as { hash: string };
    const owner = await server.login('cheffe.projet@demo.eprouvette.fr');
    const other = (await (
      await owner.api('/api/amis', {
        body: { title: 'Pilotage énergétique 2027', domain: 'pilotage-energetique', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] },
      })
    ).json()) as { id: string };
    expect((await owner.api(`/api/amis/${other.id}/images/${hash}`)).status).toBe(404);
    // Signed out: no image at all.
    expect((await fetch(`${server.httpUrl}/api/amis/${demo.amiId}/images/${hash}`)).status).toBe(401);
  });
});
