/**
 * The template library against the real server: who may publish, that the server takes the shapes
 * from the live board (never from the request), the library any signed-in user reads and filters,
 * a board of another AMI started from a template with its content written by the server, and
 * deletion by the publisher or a platform admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AmiDetailView, ApiError, BoardView, MeView, Shape, TemplateSummaryView, TemplateView } from '@eprouvette/shared';
import { addShapes, readBoard } from '@eprouvette/shared';
import { connector, frame, glued, idSequence, sticky } from '../../../shared/src/board/testing.ts';
import { DEMO_ACCOUNTS } from '../seed/demo.ts';
import { providerClient, waitFor, type ProviderClient } from '../testing/clients.ts';
import { signUpOver, startTestServer, type ApiSession, type DemoIds, type TestServer } from '../testing/test-server.ts';

let ts: TestServer;
let demo: DemoIds;
let owner: ApiSession;
let admin: ApiSession;
let editor: ApiSession;
let commenter: ApiSession;
let reader: ApiSession;
let outsider: ApiSession;
let adminMe: MeView;
let board: DemoIds['boards'][number];
const clients: ProviderClient[] = [];

const account = (role: string) => DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
const login = (role: string) => ts.login(account(role).email);
const next = idSequence(500);
const ids = { sheet: next(), challenge: next(), sensors: next(), arrow: next(), swot: next(), strength: next(), loose: next(), photo: next() };
/** A board with two frames, an arrow between two notes of the first, a note outside both and an image. */
const SHAPES: Shape[] = [
  frame(ids.sheet, { x: 0, y: 0, w: 1200, h: 800, z: 'a', title: 'Fiche expérimentation' }),
  sticky(ids.challenge, { x: 40, y: 100, z: 'b', parent: ids.sheet, text: 'Réduire les pertes du réseau de 15 %' }),
  sticky(ids.sensors, { x: 600, y: 100, z: 'c', parent: ids.sheet, color: 'bleu', text: 'Capteurs acoustiques LoRaWAN' }),
  connector(ids.arrow, glued(ids.challenge), glued(ids.sensors), { z: 'd' }),
  frame(ids.swot, { x: 2000, y: 0, w: 600, h: 600, z: 'e', title: 'SWOT' }),
  sticky(ids.strength, { x: 2040, y: 100, z: 'f', parent: ids.swot, color: 'vert', text: 'Régie des eaux motivée' }),
  sticky(ids.loose, { x: -500, y: -500, z: 'g', text: 'Note hors cadre' }),
  { id: ids.photo, type: 'image', x: 900, y: 500, w: 200, h: 150, z: 'h', parent: ids.sheet, locked: false, author: 'x', asset: 'f'.repeat(64), alt: 'Compteur' },
];

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

const publishBody = (overrides: Record<string, unknown> = {}) => ({
  amiId: demo.amiId,
  boardId: board.id,
  frameIds: [ids.sheet],
  title: 'Détection des fuites par capteurs acoustiques',
  description: 'La fiche de la régie : défi, capteurs, indicateurs.',
  domain: 'gestion-eau',
  tags: ['capteurs-iot', 'donnees-ia'],
  ...overrides,
});

/** A board's document as a connected client receives it. */
async function boardShapes(session: ApiSession, documentName: string): Promise<Shape[]> {
  const client = providerClient(ts.syncUrl, documentName, new Y.Doc(), session.credentials);
  clients.push(client);
  await client.synced;
  return readBoard(client.doc).shapes;
}

beforeAll(async () => {
  ts = await startTestServer();
  demo = await ts.demo();
  [owner, admin, editor, commenter, reader] = await Promise.all([login('owner'), login('admin'), login('editor'), login('commenter'), login('reader')]);
  adminMe = await json<MeView>(await admin.api('/api/me'), 200);
  outsider = await signUpOver(ts.httpUrl, { name: 'Paul Extérieur', email: 'paul.exterieur@essai.example', organisation: { name: 'Commune de Desvres', type: 'commune' }, password: 'un mot de passe solide' });
  board = demo.boards.find((candidate) => candidate.title.startsWith('Capteurs acoustiques'))!;
  // The collectivité's agent draws the board, live, as a browser would.
  const writer = providerClient(ts.syncUrl, board.documentName, new Y.Doc(), (await ts.login(account('editor').email)).credentials);
  clients.push(writer);
  await writer.synced;
  addShapes(writer.doc, SHAPES, 'test');
  await waitFor(async () => (await boardShapes(owner, board.documentName)).length === SHAPES.length, 'the board reached the server');
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await ts.dispose();
});

describe('publishing a template', () => {
  it('is for the AMI’s admins and owners; the others are refused, strangers as if the board did not exist', async () => {
    const anonymous = await fetch(`${ts.httpUrl}/api/templates`, { method: 'POST', headers: { origin: ts.httpUrl, 'content-type': 'application/json' }, body: JSON.stringify(publishBody()) });
    expect(anonymous.status).toBe(401);
    await json<ApiError>(await outsider.api('/api/templates', { body: publishBody() }), 404);
    for (const session of [reader, commenter, editor]) {
      const refusal = await json<ApiError>(await session.api('/api/templates', { body: publishBody() }), 403);
      expect(refusal.error).toContain('publier un modèle');
    }
    expect(await json<TemplateSummaryView[]>(await owner.api('/api/templates'), 200)).toEqual([]);
  });

  it('keeps the chosen frame with its content and its arrows, taken from the live board, whatever the request carries', async () => {
    const forged = [sticky(next(), { text: 'Forme envoyée par le navigateur' })];
    const template = await json<TemplateView>(await admin.api('/api/templates', { body: { ...publishBody(), content: { shapes: forged }, shapes: forged } }), 201);
    const texts = template.content.shapes.flatMap((shape) => ('text' in shape ? [shape.text] : shape.type === 'frame' ? [shape.title] : []));
    expect(texts.sort()).toEqual(['', 'Capteurs acoustiques LoRaWAN', 'Fiche expérimentation', 'Réduire les pertes du réseau de 15 %'].sort());
    expect(template.content.shapes.map((shape) => shape.id).sort()).toEqual([ids.sheet, ids.challenge, ids.sensors, ids.arrow].sort());
    expect(template).toMatchObject({
      title: 'Détection des fuites par capteurs acoustiques',
      domain: { slug: 'gestion-eau', name: "Gestion de l'eau" },
      tags: ['capteurs-iot', 'donnees-ia'],
      origin: { organisation: board.organisation, amiId: demo.amiId, amiTitle: expect.stringContaining('Gestion de l') },
      publishedBy: { id: adminMe.id },
      shapeCount: 4,
      droppedImages: 1,
      allowed: ['template.delete'],
    });
    expect(new Set(template.content.shapes.map((shape) => shape.author))).toEqual(new Set([adminMe.id]));
  });

  it('refuses frames that are not on the board, a board with nothing to keep, and an unknown domain', async () => {
    expect((await json<ApiError>(await owner.api('/api/templates', { body: publishBody({ frameIds: [ids.loose] }) }), 400)).fields).toHaveProperty('frameIds');
    expect((await json<ApiError>(await owner.api('/api/templates', { body: publishBody({ domain: 'inconnu' }) }), 400)).fields).toHaveProperty('domain');
    const empty = demo.boards.find((candidate) => candidate.title.startsWith('Sondes'))!;
    expect((await json<ApiError>(await owner.api('/api/templates', { body: publishBody({ boardId: empty.id, frameIds: [] }) }), 400)).error).toContain('Rien à publier');
    const badTitle = await json<ApiError>(await owner.api('/api/templates', { body: publishBody({ title: '' }) }), 400);
    expect(badTitle.fields?.title).toMatch(/titre/);
  });
});

describe('the library', () => {
  let whole: TemplateView;

  beforeAll(async () => {
    whole = await json<TemplateView>(await owner.api('/api/templates', { body: publishBody({ frameIds: [], title: 'Tout le tableau', domain: 'pilotage-energetique', tags: [] }) }), 201);
  });

  it('is read by any signed-in user, filtered by domain and tag', async () => {
    const all = await json<TemplateSummaryView[]>(await outsider.api('/api/templates'), 200);
    expect(all.map((template) => template.title)).toEqual(['Tout le tableau', 'Détection des fuites par capteurs acoustiques']);
    expect(all.every((template) => template.allowed.length === 0)).toBe(true);
    expect((await json<TemplateSummaryView[]>(await outsider.api('/api/templates?domain=gestion-eau'), 200)).map((template) => template.title)).toEqual(['Détection des fuites par capteurs acoustiques']);
    expect((await json<TemplateSummaryView[]>(await outsider.api('/api/templates?tag=donnees-ia'), 200)).map((template) => template.title)).toEqual(['Détection des fuites par capteurs acoustiques']);
    expect((await json<TemplateView>(await outsider.api(`/api/templates/${whole.id}`), 200)).content.shapes).toHaveLength(SHAPES.length - 1);
    expect((await fetch(`${ts.httpUrl}/api/templates`)).status).toBe(401);
    await json<ApiError>(await outsider.api('/api/templates?tag=blockchain'), 400);
    await json<ApiError>(await outsider.api('/api/templates/aaaaaaaaaaaaaaaa'), 404);
  });

  it('starts a board of another AMI with the template’s shapes, written by the server with new ids', async () => {
    const other = await json<AmiDetailView>(
      await owner.api('/api/amis', {
        body: { title: 'Pilotage énergétique 2027', domain: 'pilotage-energetique', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] },
      }),
      201,
    );
    const created = await json<BoardView>(await owner.api(`/api/amis/${other.id}/boards`, { body: { title: 'Notre fiche', kind: 'atelier', templateId: whole.id } }), 201);
    const shapes = await boardShapes(owner, created.documentName);
    expect(shapes).toHaveLength(whole.content.shapes.length);
    const copied = (shape: Shape) => ('text' in shape ? shape.text : shape.type === 'frame' ? shape.title : shape.type);
    expect(shapes.map(copied).sort()).toEqual(whole.content.shapes.map(copied).sort());
    expect(shapes.some((shape) => Object.values(ids).includes(shape.id))).toBe(false);
    const ownerMe = await json<MeView>(await owner.api('/api/me'), 200);
    expect(new Set(shapes.map((shape) => shape.author))).toEqual(new Set([ownerMe.id]));
    // Frames still hold their content under the new ids.
    const sheet = shapes.find((shape) => shape.type === 'frame' && shape.title === 'Fiche expérimentation')!;
    expect(shapes.filter((shape) => shape.parent === sheet.id)).toHaveLength(2);

    const before = (await json<AmiDetailView>(await owner.api(`/api/amis/${other.id}`), 200)).boards.length;
    const unknown = await json<ApiError>(await owner.api(`/api/amis/${other.id}/boards`, { body: { title: 'Sans modèle', kind: 'atelier', templateId: 'aaaaaaaaaaaaaaaa' } }), 400);
    expect(unknown.fields).toHaveProperty('templateId');
    expect((await json<AmiDetailView>(await owner.api(`/api/amis/${other.id}`), 200)).boards).toHaveLength(before);
  });

  it('is deleted by its publisher or a platform admin, by nobody else', async () => {
    const published = await json<TemplateView>(await admin.api('/api/templates', { body: publishBody({ title: 'Brouillon de modèle' }) }), 201);
    const refusal = await json<ApiError>(await editor.api(`/api/templates/${published.id}`, { method: 'DELETE' }), 403);
    expect(refusal.error).toContain('publié ce modèle');
    await json(await admin.api(`/api/templates/${published.id}`, { method: 'DELETE' }), 200);
    await json<ApiError>(await admin.api(`/api/templates/${published.id}`), 404);
    // The demo owner is a platform admin: she may delete the admin's template too.
    const another = await json<TemplateView>(await admin.api('/api/templates', { body: publishBody({ title: 'Autre modèle' }) }), 201);
    await json(await owner.api(`/api/templates/${another.id}`, { method: 'DELETE' }), 200);
    await json<ApiError>(await owner.api(`/api/templates/${another.id}`, { method: 'DELETE' }), 404);
  });
});
