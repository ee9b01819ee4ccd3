/**
 * The AMI activity and board visits against the real server: each change the feed reports is
 * recorded where it is made (board created, comment thread and reply, status change, version named
 * and restored, template published), members read the feed a page at a time, strangers get
 * nothing, and each member keeps their own last visit of a board.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ActivityPageView, ActivityView, AmiDetailView, ApiError, BoardView, BoardVisitView, CommentThreadView, MeView, VersionView } from '@eprouvette/shared';
import { ACTIVITY_PAGE_SIZE, addShapes, allowedTransitions, can, changesSince, readVisitSnapshot, visitSnapshot } from '@eprouvette/shared';
import { idSequence, sticky } from '../../../shared/src/board/testing.ts';
import { DEMO_ACCOUNTS } from '../seed/demo.ts';
import { providerClient, waitFor, type ProviderClient } from '../testing/clients.ts';
import { signUpOver, startTestServer, type ApiSession, type TestServer } from '../testing/test-server.ts';
import { sqliteClient } from '../storage/sql-client.ts';
import { recordActivity } from './activity-records.ts';

let ts: TestServer;
let owner: ApiSession;
let commenter: ApiSession;
let reader: ApiSession;
let editor: ApiSession;
let outsider: ApiSession;
let ownerMe: MeView;
let ami: AmiDetailView;
let board: BoardView;
const clients: ProviderClient[] = [];
const next = idSequence(900);

const account = (role: string) => DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
const login = (role: string) => ts.login(account(role).email);

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

const feed = async (session: ApiSession, before?: string) => json<ActivityPageView>(await session.api(`/api/amis/${ami.id}/activity${before === undefined ? '' : `?before=${before}`}`), 200);
const kinds = (events: readonly ActivityView[]) => events.map((event) => event.kind);

beforeAll(async () => {
  ts = await startTestServer();
  [owner, commenter, reader, editor] = await Promise.all([login('owner'), login('commenter'), login('reader'), login('editor')]);
  ownerMe = await json<MeView>(await owner.api('/api/me'), 200);
  outsider = await signUpOver(ts.httpUrl, { name: 'Paul Extérieur', email: 'paul.exterieur@essai.example', organisation: { name: 'Commune de Desvres', type: 'commune' }, password: 'un mot de passe solide' });
  const demo = await ts.demo();
  ami = await json<AmiDetailView>(await owner.api(`/api/amis/${demo.amiId}`), 200);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await ts.dispose();
});

describe('the activity of an AMI', () => {
  it('reports each change where it is made, newest first, named after who made it', async () => {
    board = await json<BoardView>(await editor.api(`/api/amis/${ami.id}/boards`, { body: { title: 'Télérelève à Wimereux', kind: 'proposition', restricted: true } }), 201);
    const thread = await json<CommentThreadView>(
      await commenter.api(`/api/amis/${ami.id}/boards/${board.id}/comments`, { body: { anchor: { kind: 'board', shapeId: null, point: { x: 10, y: 20 } }, text: 'Quel réseau pour remonter les index ?' } }),
      201,
    );
    await json(await editor.api(`/api/amis/${ami.id}/boards/${board.id}/comments/${thread.id}/replies`, { body: { text: 'LoRaWAN, déjà déployé par le syndicat.' } }), 201);
    await json(await editor.api(`/api/amis/${ami.id}/boards/${board.id}/comments/${thread.id}/resolve`, { method: 'POST' }), 200);
    await json(await commenter.api(`/api/amis/${ami.id}/boards/${board.id}/comments/${thread.id}/reopen`, { method: 'POST' }), 200);
    const named = await json<VersionView>(await editor.api(`/api/amis/${ami.id}/boards/${board.id}/versions`, { body: { label: 'envoyée au comité' } }), 201);
    await json(await editor.api(`/api/amis/${ami.id}/boards/${board.id}/versions/${named.id}/restore`, { method: 'POST' }), 200);
    const to = allowedTransitions(ami.status)[0]!;
    await json(await owner.api(`/api/amis/${ami.id}/status`, { body: { status: to } }), 200);
    const template = await json<{ id: string }>(
      await owner.api('/api/templates', { body: { amiId: ami.id, boardId: board.id, title: 'Télérelève', domain: 'gestion-eau', tags: [] } }),
      400, // nothing on the board yet
    );
    expect(template).toMatchObject({ code: 'invalid-request' });

    const { events, next } = await feed(reader);
    expect(kinds(events)).toEqual(['ami.status', 'version.restored', 'version.named', 'comment.reopened', 'comment.resolved', 'comment.reply', 'comment.thread', 'board.created']);
    expect(next).toBeNull();
    const [status, restored, version, reopened, resolved, replied, opened, created] = events;
    expect(status).toMatchObject({ actor: { id: ownerMe.id, name: 'Claire Vasseur' }, board: null, data: { from: ami.status, to } });
    expect(restored).toMatchObject({ board: { id: board.id, title: 'Télérelève à Wimereux' }, data: { versionId: named.id, label: 'envoyée au comité' } });
    expect(version).toMatchObject({ data: { versionId: named.id, label: 'envoyée au comité' } });
    expect(reopened).toMatchObject({ actor: { name: account('commenter').name }, data: { threadId: thread.id, excerpt: 'Quel réseau pour remonter les index ?' } });
    expect(resolved).toMatchObject({ actor: { name: account('editor').name }, data: { threadId: thread.id, excerpt: 'Quel réseau pour remonter les index ?' } });
    expect(replied).toMatchObject({ data: { threadId: thread.id, excerpt: 'LoRaWAN, déjà déployé par le syndicat.' } });
    expect(opened).toMatchObject({ actor: { name: account('commenter').name }, data: { threadId: thread.id, excerpt: 'Quel réseau pour remonter les index ?' } });
    expect(created).toMatchObject({ board: { id: board.id }, data: { title: 'Télérelève à Wimereux', kind: 'proposition', template: null } });
  });

  it('records a published template, and a board started from one, with the template named', async () => {
    const writer = providerClient(ts.syncUrl, board.documentName, new Y.Doc(), editor.credentials);
    clients.push(writer);
    await writer.synced;
    addShapes(writer.doc, [sticky(next(), { text: 'Alerte après 48 h de débit continu' })], 'test');
    const published = await waitForPublished();
    const started = await json<BoardView>(await owner.api(`/api/amis/${ami.id}/boards`, { body: { title: 'Reprise du modèle', kind: 'atelier', templateId: published.id } }), 201);
    const { events } = await feed(reader);
    expect(events[0]).toMatchObject({ kind: 'board.created', board: { id: started.id }, data: { template: { id: published.id, title: 'Télérelève' } } });
    expect(events[1]).toMatchObject({ kind: 'template.published', board: { id: board.id }, data: { templateId: published.id, title: 'Télérelève' } });
  });

  it('is read by members only, and shows each of them only the boards `decide` lets them see', async () => {
    await json<ApiError>(await outsider.api(`/api/amis/${ami.id}/activity`), 404);
    expect((await fetch(`${ts.httpUrl}/api/amis/${ami.id}/activity`)).status).toBe(401);
    // Every member may read every board of their AMI (a restricted proposal is read-only for the
    // other organisations, not hidden): the reader sees the events of the restricted board.
    const readerMe = await json<MeView>(await reader.api('/api/me'), 200);
    const actor = { userId: readerMe.id, platformAdmin: false, organisationId: readerMe.organisation?.id ?? null, membership: { amiId: ami.id, role: 'reader' as const } };
    const resource = { type: 'board' as const, amiId: ami.id, amiStatus: ami.status, boardId: board.id, organisationId: board.organisation.id, kind: board.kind, restricted: board.restricted, archived: false };
    expect(can(actor, 'board.view', resource)).toBe(true);
    expect((await feed(reader)).events.some((event) => event.board?.id === board.id)).toBe(true);
  });

  it('pages through older events with the `before` cursor', async () => {
    // Written straight into the records (as the evaluation's « scores published » will be): many at once.
    const db = new Database(path.join(ts.dataDir, 'eprouvette.db'), { timeout: 5_000 });
    try {
      for (let i = 0; i < ACTIVITY_PAGE_SIZE + 5; i++) await recordActivity(sqliteClient(db), { amiId: ami.id, boardId: null, kind: 'scores.published', actorId: ownerMe.id, data: {} });
    } finally {
      db.close();
    }
    const first = await feed(owner);
    expect(first.events).toHaveLength(ACTIVITY_PAGE_SIZE);
    expect(first.next).not.toBeNull();
    const second = await feed(owner, first.next!);
    expect(kinds(second.events).slice(0, 5)).toEqual(Array(5).fill('scores.published'));
    expect(kinds(second.events).at(-1)).toBe('board.created');
    const ids = [...first.events, ...second.events].map((event) => Number(event.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    await json<ApiError>(await owner.api(`/api/amis/${ami.id}/activity?before=abc`), 400);
  });
});

async function waitForPublished(): Promise<{ id: string }> {
  let published: { id: string } | null = null;
  await waitFor(async () => {
    const response = await owner.api('/api/templates', { body: { amiId: ami.id, boardId: board.id, title: 'Télérelève', domain: 'gestion-eau', tags: [] } });
    if (response.status === 201) published = (await response.json()) as { id: string };
    return published !== null;
  }, 'the note reached the server and the board was published');
  return published!;
}

describe('the last visit of a board', () => {
  it('is kept per member: a first visit has none, and what was left is what comes back', async () => {
    const path = `/api/amis/${ami.id}/boards/${board.id}/last-visit`;
    expect(await json<BoardVisitView>(await reader.api(path), 200)).toEqual({ snapshot: null, visitedAt: null });
    const seen = providerClient(ts.syncUrl, board.documentName, new Y.Doc(), reader.credentials);
    clients.push(seen);
    await seen.synced;
    const snapshot = Buffer.from(visitSnapshot(seen.doc)).toString('base64');
    await json(await reader.api(path, { method: 'PUT', body: { snapshot } }), 200);
    const stored = await json<BoardVisitView>(await reader.api(path), 200);
    expect(stored.snapshot).toBe(snapshot);
    expect(await json<BoardVisitView>(await commenter.api(path), 200)).toMatchObject({ snapshot: null });

    // Someone writes after the reader left: her stored visit tells what changed.
    const added = next();
    const writer = providerClient(ts.syncUrl, board.documentName, new Y.Doc(), editor.credentials);
    clients.push(writer);
    await writer.synced;
    addShapes(writer.doc, [sticky(added, { text: 'Coût : 45 € par compteur' })], 'test');
    await waitFor(() => seen.doc.getMap('shapes').has(added), 'the reader’s copy received the note');
    expect(changesSince(seen.doc, readVisitSnapshot(Buffer.from(stored.snapshot!, 'base64'))!).added).toEqual([added]);
  });

  it('refuses what is not a snapshot, and strangers', async () => {
    const path = `/api/amis/${ami.id}/boards/${board.id}/last-visit`;
    await json<ApiError>(await reader.api(path, { method: 'PUT', body: { snapshot: 'pas du base64 !' } }), 400);
    await json<ApiError>(await reader.api(path, { method: 'PUT', body: { snapshot: Buffer.from([255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]).toString('base64') } }), 400);
    await json<ApiError>(await outsider.api(path), 404);
    await json<ApiError>(await outsider.api(path, { method: 'PUT', body: { snapshot: 'AAA=' } }), 404);
  });
});
