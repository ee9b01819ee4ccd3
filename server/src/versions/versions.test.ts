/**
 * Versions against the real server: who may list, name, read and restore them; a restore reaching
 * every connected client live; automatic versions after ten minutes of activity (on a manual
 * clock) and when the last writer leaves; versions kept across a restart and deleted with their AMI.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AmiDetailView, ApiError, VersionListView, VersionRestoreView, VersionView } from '@eprouvette/shared';
import { addShapes, parseDocumentName, readBoard, shapeLabel, TEXT_FRAGMENT } from '@eprouvette/shared';
import { sticky } from '../../../shared/src/board/testing.ts';
import { SQLITE_FILE_NAME } from '../storage/sqlite.ts';
import { providerClient, waitFor, type ProviderClient } from '../testing/clients.ts';
import { startTestServer, type ApiSession, type DemoIds, type TestServer } from '../testing/test-server.ts';
import { manualClock } from './manual-clock.ts';
import { AUTO_VERSION_AFTER_MS } from './version-recorder.ts';

const clock = manualClock();
let ts: TestServer;
let demo: DemoIds;
/** Demo AMI: owner (platform admin), admin, editor (syndicat), commenter, reader. */
let owner: ApiSession;
let admin: ApiSession;
let editor: ApiSession;
let commenter: ApiSession;
let reader: ApiSession;
const clients: ProviderClient[] = [];

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

const textBase = (amiId = demo.amiId) => `/api/amis/${amiId}/text/versions`;
const boardBase = (boardId: string, amiId = demo.amiId) => `/api/amis/${amiId}/boards/${boardId}/versions`;

const list = async (session: ApiSession, base: string) => json<VersionListView>(await session.api(base), 200);
const name = (session: ApiSession, base: string, label: string) => session.api(base, { body: { label } });
const restore = (session: ApiSession, base: string, id: string) => session.api(`${base}/${id}/restore`, { method: 'POST' });

async function versionDoc(session: ApiSession, base: string, id: string): Promise<Y.Doc> {
  const response = await session.api(`${base}/${id}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/octet-stream');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  return doc;
}

function connect(session: ApiSession, document: string): ProviderClient {
  const client = providerClient(ts.syncUrl, document, undefined, session.credentials);
  clients.push(client);
  return client;
}

/** A new board of the demo AMI (created by its owner), its document name and the path of its versions. */
async function newBoard(title: string): Promise<{ document: string; boardId: string; base: string }> {
  const { name: document } = await ts.newDocument(title);
  const ref = parseDocumentName(document);
  if (ref?.kind !== 'board') throw new Error(`not a board: ${document}`);
  return { document, boardId: ref.boardId, base: boardBase(ref.boardId) };
}

/** The server's copy of a document, once loaded: to wait until an edit has reached it. */
const serverDoc = (document: string) => ts.server.sync.registry.loadedRooms().find((room) => room.name === document)?.doc;
const connectionsTo = (document: string) => [...ts.server.sync.connections].filter((connection) => connection.docName === document).length;

const paragraph = (text: string) => {
  const node = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text);
  node.insert(0, [content]);
  return node;
};
const textOf = (doc: Y.Doc) => doc.getXmlFragment(TEXT_FRAGMENT).toString();

beforeAll(async () => {
  ts = await startTestServer({}, { versionClock: clock });
  demo = await ts.demo();
  const login = (name: string) => ts.login(`${name}@demo.eprouvette.fr`);
  [owner, admin, editor, commenter, reader] = await Promise.all([login('cheffe.projet'), login('charge.mission'), login('agent.syndicat'), login('experte.eau'), login('elu')]);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await ts.dispose();
});

describe('permissions', () => {
  it('let readers list and read versions, and only those who may edit name and restore them', async () => {
    const { base } = await newBoard('Atelier – droits sur les versions');
    const named = await json<VersionView>(await name(editor, base, '  avant l’atelier  '), 201);
    expect(named).toMatchObject({ kind: 'named', label: 'avant l’atelier', authors: [{ name: 'Nadia Benali' }] });

    for (const session of [reader, commenter, editor]) {
      expect((await list(session, base)).versions.map((version) => version.id)).toEqual([named.id]);
      expect((await session.api(`${base}/${named.id}`)).status).toBe(200);
    }
    expect((await list(reader, base)).canEdit).toBe(false);
    expect((await list(editor, base)).canEdit).toBe(true);

    for (const session of [reader, commenter]) {
      const refusal = await json<ApiError>(await name(session, base, 'tentative'), 403);
      expect(refusal.error).toMatch(/ne permet pas de modifier ce tableau/);
      await json<ApiError>(await restore(session, base, named.id), 403);
    }
    await json<VersionRestoreView>(await restore(editor, base, named.id), 200);
  });

  it('keep the AMI text to its administrators', async () => {
    expect((await list(reader, textBase())).canEdit).toBe(false);
    const refusal = await json<ApiError>(await name(editor, textBase(), 'tentative'), 403);
    expect(refusal.error).toMatch(/modifier le texte de cet AMI/);
    await json<VersionView>(await name(admin, textBase(), 'relue par le service juridique'), 201);
  });

  it('answer non-members and unknown ids like missing documents, and signed-out users with 401', async () => {
    const other = await json<AmiDetailView>(
      await owner.api('/api/amis', {
        body: { title: 'Attractivité touristique 2027', domain: 'attractivite-touristique', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] },
      }),
      201,
    );
    const ownVersion = await json<VersionView>(await name(owner, textBase(other.id), 'première'), 201);
    const base = textBase(other.id);
    for (const response of [
      await editor.api(base),
      await name(editor, base, 'intrusion'),
      await editor.api(`${base}/${ownVersion.id}`),
      await restore(editor, base, ownVersion.id),
      // A board of the demo AMI under another AMI's id.
      await owner.api(boardBase(demo.boards[0]!.id, other.id)),
      await owner.api(boardBase('aaaaaaaaaaaaaaaa')),
    ]) {
      expect(response.status, response.url).toBe(404);
    }
    expect((await fetch(`${ts.httpUrl}${base}`)).status).toBe(401);
  });

  it('refuse changes on an archived board with 409, while its versions stay readable', async () => {
    const { base, boardId } = await newBoard('Atelier archivé');
    const named = await json<VersionView>(await name(owner, base, 'dernier état'), 201);
    await json(await owner.api(`/api/amis/${demo.amiId}/boards/${boardId}`, { method: 'PATCH', body: { archived: true } }), 200);
    const refusal = await json<ApiError>(await name(owner, base, 'après archivage'), 409);
    expect(refusal).toMatchObject({ code: 'archived', error: expect.stringMatching(/archivé/) });
    await json<ApiError>(await restore(owner, base, named.id), 409);
    expect((await list(reader, base)).versions).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('gets clear French errors', async () => {
    const { base } = await newBoard('Atelier – saisies invalides');
    const tooLong = await json<ApiError>(await name(editor, base, 'x'.repeat(121)), 400);
    expect(tooLong.fields?.label).toBe('Le nom d’une version ne peut pas dépasser 120 caractères.');
    const blank = await json<ApiError>(await name(editor, base, '   '), 400);
    expect(blank.fields?.label).toBe('Donnez un nom à cette version.');
    const missing = await json<ApiError>(await editor.api(base, { body: {} }), 400);
    expect(missing.fields?.label).toBeDefined();

    const unknown = await json<ApiError>(await restore(editor, base, 'aaaaaaaaaaaaaaaa'), 404);
    expect(unknown.error).toBe('Cette version n’existe pas pour ce document.');
    expect((await editor.api(`${base}/pas-un-identifiant`)).status).toBe(404);

    // A version exists, but of another document: it is not found here.
    const elsewhere = await newBoard('Atelier – autre document');
    const foreign = await json<VersionView>(await name(editor, elsewhere.base, 'à moi'), 201);
    expect((await editor.api(`${base}/${foreign.id}`)).status).toBe(404);
    await json<ApiError>(await restore(editor, base, foreign.id), 404);
    await json<ApiError>(await restore(editor, textBase(), foreign.id), 403);
    expect((await owner.api(`${textBase()}/${foreign.id}`)).status).toBe(404);
  });
});

describe('restoring', () => {
  it('brings the old text back for everyone connected, and later edits are kept', async () => {
    const a = connect(owner, demo.textDocument);
    const b = connect(admin, demo.textDocument);
    await Promise.all([a.synced, b.synced]);
    const original = textOf(a.doc);
    const named = await json<VersionView>(await name(owner, textBase(), 'envoyée au comité de sélection'), 201);

    b.doc.transact(() => {
      const fragment = b.doc.getXmlFragment(TEXT_FRAGMENT);
      fragment.delete(0, 2);
      fragment.insert(0, [paragraph('Texte entièrement réécrit')]);
    });
    await waitFor(() => textOf(a.doc) === textOf(b.doc) && textOf(a.doc) !== original, 'the rewrite reached A');

    const { before } = await json<VersionRestoreView>(await restore(owner, textBase(), named.id), 200);
    expect(before).toMatchObject({ kind: 'before-restore', authors: [{ name: 'Julien Lefebvre' }] });
    await waitFor(() => textOf(a.doc) === original && textOf(b.doc) === original, 'both clients show the version again');
    expect(textOf(await versionDoc(owner, textBase(), before.id))).toContain('Texte entièrement réécrit');

    b.doc.getXmlFragment(TEXT_FRAGMENT).push([paragraph('Ajouté après la restauration')]);
    await waitFor(() => textOf(a.doc).includes('Ajouté après la restauration'), 'the later edit reached A');
    expect(textOf(a.doc)).toBe(`${original}<paragraph>Ajouté après la restauration</paragraph>`);

    const kinds = (await list(owner, textBase())).versions.slice(0, 2).map((version) => [version.kind, version.label]);
    expect(kinds).toEqual([
      ['before-restore', null],
      ['named', 'envoyée au comité de sélection'],
    ]);
  });

  it('brings old shapes back on a board, for a client that was connected all along', async () => {
    const { document, base } = await newBoard('Atelier – restauration');
    const a = connect(editor, document);
    const b = connect(owner, document);
    await Promise.all([a.synced, b.synced]);
    addShapes(a.doc, [sticky('stickyaaaaaaaaaa', { text: 'Capteurs acoustiques' })], 'a');
    await waitFor(() => readBoard(b.doc).shapes.length === 1, 'B sees the sticky');
    const named = await json<VersionView>(await name(editor, base, 'une idée'), 201);
    addShapes(a.doc, [sticky('stickybbbbbbbbbb', { text: 'Télérelève', x: 300 })], 'a');
    await waitFor(() => readBoard(b.doc).shapes.length === 2, 'B sees the second sticky');

    await json(await restore(editor, base, named.id), 200);
    await waitFor(() => readBoard(b.doc).shapes.length === 1 && readBoard(a.doc).shapes.length === 1, 'both lost the second sticky');
    expect(readBoard(b.doc).shapes.map((shape) => shape.id)).toEqual(['stickyaaaaaaaaaa']);
  });
});

describe('automatic versions', () => {
  it('are taken after ten minutes of activity, crediting who wrote', async () => {
    const { document, base } = await newBoard('Atelier – version automatique');
    const client = connect(editor, document);
    await client.synced;
    addShapes(client.doc, [sticky('stickycccccccccc', { text: 'Sondes d’humidité' })], 'test');
    await waitFor(() => serverDoc(document)?.getMap('shapes').size === 1, 'the server has the sticky');
    expect((await list(editor, base)).versions).toEqual([]);

    clock.advance(AUTO_VERSION_AFTER_MS);
    await waitFor(async () => (await list(editor, base)).versions.length === 1, 'an automatic version');
    const [version] = (await list(editor, base)).versions;
    expect(version).toMatchObject({ kind: 'auto', label: null, authors: [{ name: 'Nadia Benali' }] });
    expect(readBoard(await versionDoc(reader, base, version!.id)).shapes.map(shapeLabel)).toEqual(['Sondes d’humidité']);
  });

  it('are taken when the last writer leaves a changed document, and not when nothing changed', async () => {
    const { document, base } = await newBoard('Atelier – départ du dernier');
    const idle = connect(editor, document);
    await idle.synced;
    idle.destroy();
    await waitFor(() => connectionsTo(document) === 0, 'the idle client left');
    // Had the idle visit left a version, it would have been written before this one.
    const named = await json<VersionView>(await name(editor, base, 'repère'), 201);
    expect((await list(editor, base)).versions.map((version) => version.id)).toEqual([named.id]);

    const writer = connect(editor, document);
    await writer.synced;
    addShapes(writer.doc, [sticky('stickydddddddddd', { text: 'Compteurs' })], 'test');
    await waitFor(() => serverDoc(document)?.getMap('shapes').size === 1, 'the server has the sticky');
    writer.destroy();
    await waitFor(async () => (await list(editor, base)).versions.length === 2, 'a version when the writer left');
    expect((await list(editor, base)).versions[0]).toMatchObject({ kind: 'auto', authors: [{ name: 'Nadia Benali' }] });
  });
});

describe('storage', () => {
  it('keeps versions across a restart, and versions what changed when the server stops', async () => {
    const { document, base } = await newBoard('Atelier – redémarrage');
    const named = await json<VersionView>(await name(editor, base, 'avant redémarrage'), 201);
    const stored = new Uint8Array(await (await editor.api(`${base}/${named.id}`)).arrayBuffer());
    const client = connect(editor, document);
    await client.synced;
    addShapes(client.doc, [sticky('stickyeeeeeeeeee', { text: 'Fuites' })], 'test');
    await waitFor(() => serverDoc(document)?.getMap('shapes').size === 1, 'the server has the sticky');

    await ts.restart();
    const versions = (await list(editor, base)).versions;
    expect(versions.map((version) => version.kind)).toEqual(['auto', 'named']);
    expect(new Uint8Array(await (await editor.api(`${base}/${named.id}`)).arrayBuffer())).toEqual(stored);
  });

  it('deletes the versions of a deleted AMI', async () => {
    const other = await json<AmiDetailView>(
      await owner.api('/api/amis', {
        body: { title: 'Gestion des déchets 2027', domain: 'gestion-dechets', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] },
      }),
      201,
    );
    await json<VersionView>(await name(owner, textBase(other.id), 'à supprimer'), 201);
    const db = new Database(path.join(ts.dataDir, SQLITE_FILE_NAME), { readonly: true, timeout: 5_000 });
    try {
      const count = () => (db.prepare('SELECT count(*) AS n FROM document_versions WHERE document LIKE ?').get(`ami-${other.id}.%`) as { n: number }).n;
      expect(count()).toBe(1);
      await json(await owner.api(`/api/amis/${other.id}`, { method: 'DELETE' }), 200);
      expect(count()).toBe(0);
    } finally {
      db.close();
    }
  });
});
