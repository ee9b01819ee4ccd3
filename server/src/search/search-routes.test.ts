/**
 * GET /api/search against the real server: the demo is searchable right after the start, changes
 * to boards, texts, comments and records reach the index, and nobody is ever shown what they may
 * not open — checked against `decide` for every demo account, an outsider and an operator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor, AmiDetailView, ApiError, BoardView, MeView, SearchHitView, SearchResultsView } from '@eprouvette/shared';
import { addShapes, can, SEARCH_QUERY_MAX_LENGTH } from '@eprouvette/shared';
import { idSequence, sticky } from '../../../shared/src/board/testing.ts';
import { AMI_TEXT_FIELD } from '../documents/ami-text-template.ts';
import { DEMO_ACCOUNTS } from '../seed/demo.ts';
import { providerClient, waitFor } from '../testing/clients.ts';
import { signUpOver, startTestServer, type ApiSession, type TestServer } from '../testing/test-server.ts';

const OPERATOR = { email: 'ops@essai.example', password: 'un mot de passe d’opérateur' };
const SHAPE = idSequence(7)();

let ts: TestServer;
let ami: AmiDetailView;
let restricted: BoardView;
let owner: ApiSession;
let outsider: ApiSession;
let operator: ApiSession;

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

const searchPath = (q: string) => `/api/search?q=${encodeURIComponent(q)}`;
const search = async (session: ApiSession, q: string) => json<SearchResultsView>(await session.api(searchPath(q)), 200);
const hits = (view: SearchResultsView): SearchHitView[] => view.groups.flatMap((group) => group.hits);
const text = (parts: { text: string }[]) => parts.map((part) => part.text).join('');

/** Waits until `session`'s search for `q` has a hit satisfying `found` (the index follows changes within seconds). */
async function searchUntil(session: ApiSession, q: string, found: (hit: SearchHitView) => boolean): Promise<SearchHitView> {
  let hit: SearchHitView | undefined;
  await waitFor(async () => (hit = hits(await search(session, q)).find(found)) !== undefined, `a hit for « ${q} »`, 15_000);
  return hit!;
}

beforeAll(async () => {
  ts = await startTestServer({}, { env: { EPROUVETTE_ADMIN_EMAIL: OPERATOR.email, EPROUVETTE_ADMIN_PASSWORD: OPERATOR.password } });
  owner = await ts.login(DEMO_ACCOUNTS[0]!.email);
  operator = await ts.login(OPERATOR.email, OPERATOR.password);
  const demo = await ts.demo();
  ami = await json<AmiDetailView>(await owner.api(`/api/amis/${demo.amiId}`), 200);
  restricted = ami.boards.find((board) => board.restricted && board.title.startsWith('Capteurs acoustiques'))!;
  outsider = await signUpOver(ts.httpUrl, { name: 'Paul Extérieur', email: 'paul.exterieur@essai.example', organisation: { name: 'Commune de Desvres', type: 'commune' }, password: 'un mot de passe solide' });
});

afterAll(() => ts.dispose());

describe('GET /api/search', () => {
  it('finds the demo’s AMI, boards and text right after the start', async () => {
    const board = await searchUntil(owner, 'capteurs acoustiques', (hit) => hit.kind === 'board');
    expect(board).toMatchObject({ boardTitle: null, target: { page: 'board', boardId: restricted.id, element: null } });
    expect(board.title.filter((part) => part.marked).map((part) => part.text)).toEqual(['Capteurs', 'acoustiques']);
    const passage = await searchUntil(owner, 'recevabilité', (hit) => hit.kind === 'text');
    expect(passage.target).toEqual({ page: 'text', block: expect.any(Number) });
    const view = await search(owner, 'arrosage raisonné');
    expect(view.groups.map((group) => group.ami)).toEqual([{ id: ami.id, title: ami.title }]);
    expect(hits(view).map((hit) => hit.kind)).toEqual(['ami']);
  });

  it('refuses a query too short, too long or missing, in French, and a signed-out request', async () => {
    for (const q of ['a', '  a  ', 'x'.repeat(SEARCH_QUERY_MAX_LENGTH + 1)]) {
      const refusal = await json<ApiError>(await owner.api(searchPath(q)), 400);
      expect(refusal.fields?.q).toMatch(/caractères/);
    }
    expect((await json<ApiError>(await owner.api('/api/search'), 400)).fields?.q).toBe('Saisissez ce que vous cherchez.');
    expect((await fetch(`${ts.httpUrl}${searchPath('capteurs')}`)).status).toBe(401);
  });

  it('finds a sticky written on a restricted proposal board, for exactly those who may view the board', async () => {
    const client = providerClient(ts.syncUrl, restricted.documentName, new Y.Doc(), owner.credentials);
    await client.synced;
    addShapes(client.doc, [sticky(SHAPE, { text: 'Hydrophones posés sur les conduites en fonte' })], null);
    // Leaving the board reindexes it at once.
    client.destroy();
    const hit = await searchUntil(owner, 'hydrophone', (found) => found.kind === 'board-item');
    expect(hit).toMatchObject({ boardTitle: restricted.title, target: { page: 'board', boardId: restricted.id, element: SHAPE } });
    expect(hit.snippet.filter((part) => part.marked).map((part) => part.text)).toEqual(['Hydrophones']);

    const board = { type: 'board' as const, amiId: ami.id, amiStatus: ami.status, boardId: restricted.id, organisationId: restricted.organisation.id, kind: restricted.kind, restricted: true, archived: false };
    for (const account of DEMO_ACCOUNTS) {
      const session = await ts.login(account.email);
      const me = await json<MeView>(await session.api('/api/me'), 200);
      const actor: Actor = { userId: me.id, platformAdmin: me.platformAdmin, organisationId: me.organisation?.id ?? null, membership: { amiId: ami.id, role: account.role } };
      const found = hits(await search(session, 'hydrophones')).some((candidate) => candidate.target.page === 'board' && candidate.target.element === SHAPE);
      expect(found, account.email).toBe(can(actor, 'board.view', board));
    }
    expect((await search(outsider, 'hydrophones')).count).toBe(0);
    // A platform administrator counts as owner of every AMI, member or not.
    expect(hits(await search(operator, 'hydrophones')).map((found) => found.kind)).toEqual(['board-item']);
  });

  it('finds comments on a board and on the text, pointing at their shape and their passage', async () => {
    const commenter = await ts.login(DEMO_ACCOUNTS.find((account) => account.role === 'commenter')!.email);
    const onBoard = { anchor: { kind: 'board', shapeId: SHAPE, point: { x: 10, y: 10 }, placed: { x: 10, y: 10 } }, text: 'Quelle sensibilité pour les hydrophones ?', mentions: [] };
    await json(await commenter.api(`/api/amis/${ami.id}/boards/${restricted.id}/comments`, { body: onBoard }), 201);
    const boardComment = await searchUntil(owner, 'sensibilité', (hit) => hit.kind === 'comment');
    expect(boardComment).toMatchObject({ boardTitle: restricted.title, target: { page: 'board', boardId: restricted.id, element: SHAPE } });
    expect(text(boardComment.title)).toBe('Sophie Delattre');

    const copy = providerClient(ts.syncUrl, ami.textDocumentName, new Y.Doc(), owner.credentials);
    await copy.synced;
    const prompt = (copy.doc.getXmlFragment(AMI_TEXT_FIELD).get(3) as Y.XmlElement).get(0) as Y.XmlText;
    const encode = (index: number, assoc: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(prompt, index, assoc))).toString('base64');
    const anchor = { kind: 'text', start: encode(0, 0), end: encode(10, -1), quote: prompt.toString().slice(0, 10) };
    copy.destroy();
    await json(await commenter.api(`/api/amis/${ami.id}/text/comments`, { body: { anchor, text: 'Citer le schéma directeur d’assainissement', mentions: [] } }), 201);
    const textComment = await searchUntil(owner, 'assainissement', (hit) => hit.kind === 'comment');
    expect(textComment).toMatchObject({ boardTitle: null, target: { page: 'text', block: 3 } });
    expect((await search(outsider, 'assainissement')).count).toBe(0);
  });

  it('follows the records: an AMI edited, a board renamed, an AMI deleted', async () => {
    const created = await json<AmiDetailView>(
      await owner.api('/api/amis', { body: { title: 'Pilotage de l’éclairage public', domain: 'pilotage-energetique', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: 'Candélabres connectés.', tags: [] } }),
      201,
    );
    expect(hits(await search(owner, 'candélabres')).map((hit) => [hit.kind, hit.target])).toEqual([['ami', { page: 'ami' }]]);
    // Its text, written from the template by the server, is indexed too.
    await searchUntil(owner, 'éclairage', (hit) => hit.kind === 'text');
    // Not a member: the charge de mission of the demo AMI finds nothing of it.
    const admin = await ts.login(DEMO_ACCOUNTS[1]!.email);
    expect((await search(admin, 'candélabres')).count).toBe(0);

    const board = await json<BoardView>(await owner.api(`/api/amis/${created.id}/boards`, { body: { title: 'Horloges astronomiques', kind: 'atelier' } }), 201);
    expect(hits(await search(owner, 'horloges')).map((hit) => hit.kind)).toEqual(['board']);
    await json(await owner.api(`/api/amis/${created.id}/boards/${board.id}`, { method: 'PATCH', body: { title: 'Détecteurs de présence' } }), 200);
    expect((await search(owner, 'horloges')).count).toBe(0);
    expect(hits(await search(owner, 'détecteurs')).map((hit) => text(hit.title))).toEqual(['Détecteurs de présence']);

    const edit = { title: 'Pilotage de l’éclairage public', domain: 'pilotage-energetique', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: 'Lanternes à LED.', tags: [] };
    await json(await owner.api(`/api/amis/${created.id}`, { method: 'PUT', body: edit }), 200);
    expect((await search(owner, 'candélabres')).count).toBe(0);
    expect((await search(owner, 'lanternes')).count).toBe(1);

    await json(await owner.api(`/api/amis/${created.id}`, { method: 'DELETE' }), 200);
    for (const q of ['lanternes', 'éclairage', 'détecteurs']) expect((await search(owner, q)).count, q).toBe(0);
    expect((await search(operator, 'éclairage')).count).toBe(0);
  });
});
