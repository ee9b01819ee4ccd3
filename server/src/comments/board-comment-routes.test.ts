/**
 * Comments pinned on boards against the real server: an expert (commenter) pins threads on a
 * proposal she may not edit, through the API, and its author sees them arrive live; readers may
 * only read; anchors must name an item the board has; each member's unread count follows what
 * others wrote since their last visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiError, BoardAnchor, BoardView, CommentThreadView, MeView, UnreadCommentsView } from '@eprouvette/shared';
import { addShapes, boardAnchorAt, commentsOf, documentName, moveShapes, pinPlace, readBoard, readThreads } from '@eprouvette/shared';
import { sticky } from '../../../shared/src/board/testing.ts';
import { DEMO_ACCOUNTS } from '../seed/demo.ts';
import { waitFor, type ClientCredentials, type ProviderClient } from '../testing/clients.ts';
import { startTestServer, type ApiSession, type DemoIds, type TestServer } from '../testing/test-server.ts';
import { json, openRecordingSocket, outsiderSession, readOnlyCount, type RecordingSocket } from './comment-test-helpers.ts';

const STICKY_ID = 'postitcapteurs22';
const PROPOSAL = 'Capteurs acoustiques de fuites sur le réseau (LoRaWAN)';

let ts: TestServer;
let demo: DemoIds;
let board: DemoIds['boards'][number];
let admin: ApiSession;
let author: ApiSession;
let expert: ApiSession;
let reader: ApiSession;
let outsider: ApiSession;
let authorMe: MeView;
let expertMe: MeView;
let authorBoard: ProviderClient;
const clients: ProviderClient[] = [];

const account = (role: string, organisation?: string) =>
  DEMO_ACCOUNTS.find((candidate) => candidate.role === role && (organisation === undefined || candidate.organisation.type === organisation))!;
const commentsDocument = (boardId = board.id) => documentName(commentsOf({ kind: 'board', amiId: demo.amiId, boardId }));
const commentsPath = (boardId = board.id, amiId = demo.amiId) => `/api/amis/${amiId}/boards/${boardId}/comments`;
const unreadPath = () => `/api/amis/${demo.amiId}/unread-comments`;
const roomDoc = (name: string) => ts.server.sync.registry.loadedRooms().find((room) => room.name === name)?.doc;

const openSocket = (credentials: ClientCredentials, name: string): RecordingSocket => openRecordingSocket(ts.syncUrl, credentials, name, clients);

async function unread(session: ApiSession): Promise<Record<string, number>> {
  return (await json<UnreadCommentsView>(await session.api(unreadPath()), 200)).boards;
}

/** Lets the clock pass the last instant written, so that « since » and « at » never share a millisecond. */
async function nextMillisecond(): Promise<void> {
  const now = Date.now();
  await waitFor(() => Date.now() > now, 'the next millisecond');
}

const stickyOnServer = () => readBoard(roomDoc(board.documentName)!).shapes.find((shape) => shape.id === STICKY_ID);

beforeAll(async () => {
  ts = await startTestServer();
  demo = await ts.demo();
  board = demo.boards.find((candidate) => candidate.title === PROPOSAL)!;
  [admin, author, expert, reader] = await Promise.all([
    ts.login(account('admin').email),
    ts.login(account('editor', 'syndicat-mixte').email),
    ts.login(account('commenter').email),
    ts.login(account('reader').email),
  ]);
  authorMe = await json<MeView>(await author.api('/api/me'), 200);
  expertMe = await json<MeView>(await expert.api('/api/me'), 200);
  outsider = await outsiderSession(ts.httpUrl);

  // The proposal's author puts a note on her board.
  authorBoard = openSocket(author.credentials, board.documentName).client;
  await authorBoard.synced;
  addShapes(authorBoard.doc, [sticky(STICKY_ID, { x: 100, y: 200, w: 180, h: 180, text: 'Capteurs sur les conduites principales', author: authorMe.id })], 'auteur');
  await waitFor(() => stickyOnServer() !== undefined, 'the note on the server');
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await ts.dispose();
});

describe('comment threads pinned on a board', () => {
  let thread: CommentThreadView;
  let anchor: BoardAnchor;

  it('lets an expert who cannot edit the proposal pin a thread on its note, which its author sees live', async () => {
    const expertBoard = openSocket(expert.credentials, board.documentName);
    await expertBoard.client.synced;
    await waitFor(() => readOnlyCount(expertBoard) >= 1, 'the expert’s board connection is read-only');
    const watching = openSocket(author.credentials, commentsDocument()).client;
    await watching.synced;

    anchor = boardAnchorAt({ x: 150, y: 220 }, stickyOnServer()!);
    const body = { anchor, text: 'Quelle autonomie pour les capteurs ? @Nadia Benali', mentions: [authorMe.id] };
    thread = await json<CommentThreadView>(await expert.api(commentsPath(), { body }), 201);
    expect(thread).toMatchObject({ anchor, createdBy: { id: expertMe.id, name: 'Sophie Delattre' }, resolved: null });
    expect(thread.messages[0]).toMatchObject({ text: body.text, mentions: [{ id: authorMe.id, name: 'Nadia Benali' }] });

    await waitFor(() => readThreads(watching.doc).threads.length === 1, 'the thread on the author’s copy');
    expect(readThreads(watching.doc)).toEqual({ threads: [thread], rejected: [] });
  });

  it('takes a pin on the canvas itself, with no item', async () => {
    const onCanvas = await json<CommentThreadView>(await expert.api(commentsPath(), { body: { anchor: boardAnchorAt({ x: -800, y: 40 }, null), text: 'Il manque le budget.' } }), 201);
    expect(onCanvas.anchor).toEqual({ kind: 'board', shapeId: null, point: { x: -800, y: 40 } });
  });

  it('keeps the anchor as it was when the note moves, and the pin follows the note', async () => {
    moveShapes(authorBoard.doc, [STICKY_ID], 500, -300, 'auteur');
    await waitFor(() => stickyOnServer()?.x === 600, 'the move on the server');
    const stored = readThreads(roomDoc(commentsDocument())!).threads.find((candidate) => candidate.id === thread.id)!;
    expect(stored.anchor).toEqual(anchor);
    expect(pinPlace(stored.anchor as BoardAnchor, stickyOnServer())).toEqual({ point: { x: 650, y: -80 }, orphaned: false });
  });

  it('lets the author reply, resolve and reopen', async () => {
    const replied = await json<CommentThreadView>(await author.api(`${commentsPath()}/${thread.id}/replies`, { body: { text: 'Dix ans sur pile, d’après le fabricant.' } }), 201);
    expect(replied.messages.map((message) => message.author.name)).toEqual(['Sophie Delattre', 'Nadia Benali']);
    const resolved = await json<CommentThreadView>(await author.api(`${commentsPath()}/${thread.id}/resolve`, { method: 'POST' }), 200);
    expect(resolved.resolved).toMatchObject({ by: { id: authorMe.id, name: 'Nadia Benali' } });
    const reopened = await json<CommentThreadView>(await expert.api(`${commentsPath()}/${thread.id}/reopen`, { method: 'POST' }), 200);
    expect(reopened.resolved).toBeNull();
  });

  it('refuses readers (403), non-members, unknown and foreign boards (404), signed-out visitors (401)', async () => {
    const body = { anchor, text: 'Je voudrais commenter.' };
    const forReader = await json<ApiError>(await reader.api(commentsPath(), { body }), 403);
    expect(forReader.error).toBe('Votre rôle sur cet AMI (lecteur) ne permet pas de commenter ce tableau.');
    await json<ApiError>(await reader.api(`${commentsPath()}/${thread.id}/resolve`, { method: 'POST' }), 403);
    expect(await json<ApiError>(await outsider.api(commentsPath(), { body }), 404)).toEqual({ error: 'Ressource introuvable.', code: 'not-found' });
    await json<ApiError>(await outsider.api(`${commentsPath()}/mentionable`), 404);
    await json<ApiError>(await expert.api(commentsPath('aaaaaaaaaaaaaaaa'), { body }), 404);
    await json<ApiError>(await expert.api(commentsPath(board.id, 'aaaaaaaaaaaaaaaa'), { body }), 404);
    const anonymous = await fetch(`${ts.httpUrl}${commentsPath()}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ts.httpUrl }, body: JSON.stringify(body) });
    expect(anonymous.status).toBe(401);
    expect(readThreads(roomDoc(commentsDocument())!).threads).toHaveLength(2);
  });

  it('refuses anchors on a missing item, off the item, without their place, or of a text, in French', async () => {
    const missing = await json<ApiError>(await expert.api(commentsPath(), { body: { anchor: { ...anchor, shapeId: 'inconnuinconnu22' }, text: 'a' } }), 400);
    expect(missing).toEqual({
      error: 'L’élément commenté est introuvable sur ce tableau : il a peut-être été supprimé.',
      code: 'invalid-request',
      fields: { anchor: 'L’élément commenté est introuvable sur ce tableau : il a peut-être été supprimé.' },
    });
    const offItem = await json<ApiError>(await expert.api(commentsPath(), { body: { anchor: { ...anchor, point: { x: 5000, y: 0 } }, text: 'a' } }), 400);
    expect(offItem.error).toBe('L’épingle doit être placée sur l’élément commenté.');
    const unplaced = await json<ApiError>(await expert.api(commentsPath(), { body: { anchor: { kind: 'board', shapeId: STICKY_ID, point: { x: 0, y: 0 } }, text: 'a' } }), 400);
    expect(unplaced.fields?.['anchor.placed']).toBe('Position de l’épingle sur le tableau manquante.');
    const farAway = await json<ApiError>(await expert.api(commentsPath(), { body: { anchor: { kind: 'board', shapeId: null, point: { x: 1e12, y: 0 } }, text: 'a' } }), 400);
    expect(farAway.fields?.['anchor.point.x']).toBeDefined();
    const textAnchor = { kind: 'text', start: 'AQLrtY4BBgA=', end: 'AQLrtY4BDgA=', quote: 'passage' };
    expect((await json<ApiError>(await expert.api(commentsPath(), { body: { anchor: textAnchor, text: 'a' } }), 400)).error).toBe(
      'Un commentaire sur un tableau se place sur un élément ou un point du tableau.',
    );
    expect(readThreads(roomDoc(commentsDocument())!).threads).toHaveLength(2);
  });

  it('refuses comments on an archived board (409)', async () => {
    const archived = demo.boards.find((candidate) => candidate.kind === 'proposition' && candidate.id !== board.id)!;
    await json<BoardView>(await admin.api(`/api/amis/${demo.amiId}/boards/${archived.id}`, { method: 'PATCH', body: { archived: true } }), 200);
    const refused = await json<ApiError>(await expert.api(commentsPath(archived.id), { body: { anchor: boardAnchorAt({ x: 0, y: 0 }, null), text: 'Trop tard ?' } }), 409);
    expect(refused.code).toBe('archived');
    await json<BoardView>(await admin.api(`/api/amis/${demo.amiId}/boards/${archived.id}`, { method: 'PATCH', body: { archived: false } }), 200);
  });
});

describe('unread comment badges', () => {
  it('count, per member and board, the messages others wrote since the member last looked', async () => {
    // So far: the expert wrote two threads, the author one reply.
    expect((await unread(author))[board.id]).toBe(2);
    expect((await unread(expert))[board.id]).toBe(1);
    expect((await unread(reader))[board.id]).toBe(3);
    const others = demo.boards.filter((candidate) => candidate.id !== board.id);
    const readerCounts = await unread(reader);
    expect(others.map((candidate) => readerCounts[candidate.id])).toEqual(others.map(() => 0));

    await json(await author.api(`${commentsPath()}/seen`, { method: 'POST' }), 200);
    expect((await unread(author))[board.id]).toBe(0);
    expect((await unread(reader))[board.id]).toBe(3);

    await nextMillisecond();
    const [first] = readThreads(roomDoc(commentsDocument())!).threads;
    await json<CommentThreadView>(await expert.api(`${commentsPath()}/${first!.id}/replies`, { body: { text: 'Et en hiver ?' } }), 201);
    expect((await unread(author))[board.id]).toBe(1);
    expect((await unread(expert))[board.id]).toBe(1);
  });

  it('let whoever reads the board record a visit, and nobody else', async () => {
    await json(await reader.api(`${commentsPath()}/seen`, { method: 'POST' }), 200);
    expect((await unread(reader))[board.id]).toBe(0);
    await json<ApiError>(await outsider.api(`${commentsPath()}/seen`, { method: 'POST' }), 404);
    await json<ApiError>(await outsider.api(unreadPath()), 404);
    expect((await fetch(`${ts.httpUrl}${unreadPath()}`)).status).toBe(401);
  });
});
