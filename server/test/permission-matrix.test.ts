/**
 * Every role × every action, against the running server: over REST (status codes, and refused
 * calls change nothing) and over the sync socket (who is refused, who is read-only, whose updates
 * land).
 *
 * The expected answer of each cell comes from `decide` in shared, so that the matrix stays
 * exhaustive over `ACTIONS` and over roles as rules evolve. The server calls the same `decide`,
 * though, so a wrong rule would be wrong on both sides and pass: the key rows are therefore also
 * written out literally, as the product brief states them, and each cell is checked against both.
 *
 * Two AMIs are built for the matrix, one open (brouillon) and one closed (clôturé), each with one
 * member per role. Calls that change something run on fresh boards (or a fresh AMI for deletion),
 * or are undone right after, so that each row starts from the same state whatever the previous
 * row did.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type {
  Action,
  Actor,
  AmiDetailView,
  AmiResource,
  AmiRole,
  ApiError,
  BoardResource,
  BoardView,
  CommentThreadView,
  CreatedInvitationView,
  Decision,
  DocumentAccess,
  EvaluationResource,
  EvaluationView,
  MemberView,
  MeView,
  OrganisationType,
  RefusalCode,
} from '@eprouvette/shared';
import {
  ACTIONS,
  addShapes,
  AMI_STATUSES,
  allowedTransitions,
  can,
  canTransition,
  decide,
  documentAccess,
  effectiveAmiRole,
  effectiveBoardRole,
  parseDocumentName,
} from '@eprouvette/shared';
import { hashPassword } from '../src/auth/passwords.ts';
import { createSession } from '../src/auth/sessions.ts';
import { findOrCreateOrganisation } from '../src/records/organisations.ts';
import { createUser } from '../src/records/users.ts';
import { DEMO_ACCOUNTS } from '../src/seed/demo.ts';
import { sqliteClient } from '../src/storage/sql-client.ts';
import { providerClient, rawClient, waitFor, type ClientCredentials, type ProviderClient, type RawClient } from '../src/testing/clients.ts';
import { sessionWith, startTestServer, type ApiSession, type TestServer } from '../src/testing/test-server.ts';

// ---------------------------------------------------------------------------------------------
// Roles

const ROLES = ['anonymous', 'non-member', 'reader', 'commenter', 'editor-own', 'editor-other', 'admin', 'owner', 'platform-admin'] as const;
type Role = (typeof ROLES)[number];
type SignedInRole = Exclude<Role, 'anonymous'>;

/**
 * The membership each role holds on the AMIs of this file. "editor-own" belongs to the
 * organisation of every board the matrix acts on (the syndicat), "editor-other" to another one
 * (the commune). The platform admin is the one of EPROUVETTE_ADMIN_EMAIL, member of nothing.
 */
const MEMBERSHIP: Record<Role, AmiRole | null> = {
  anonymous: null,
  'non-member': null,
  reader: 'reader',
  commenter: 'commenter',
  'editor-own': 'editor',
  'editor-other': 'editor',
  admin: 'admin',
  owner: 'owner',
  'platform-admin': null,
};

const demoAccount = (role: AmiRole, organisationType?: OrganisationType) =>
  DEMO_ACCOUNTS.find((account) => account.role === role && (organisationType === undefined || account.organisation.type === organisationType))!;
const OWNER_AND_PLATFORM_ADMIN = demoAccount('owner');
const SYNDICAT = demoAccount('editor', 'syndicat-mixte').organisation;
const COMMUNE = demoAccount('editor', 'commune').organisation;
const DEMO_PASSWORD = 'eprouvette-demo';
const PASSWORD = 'un mot de passe solide';
const ADMIN_EMAIL = 'operateur@region.example';
const ADMIN_PASSWORD = 'mot de passe de l’opérateur';

/** HTTP status of each refusal, as issue 3 specifies them (not-member answers like a missing id). */
const REFUSAL_STATUS: Record<RefusalCode, number> = {
  unauthenticated: 401,
  'invalid-request': 400,
  'not-member': 404,
  'role-too-low': 403,
  'owner-only': 403,
  'platform-admin-only': 403,
  'self-only': 403,
  'restricted-board': 403,
  'other-organisation': 403,
  'not-proposal': 409,
  archived: 409,
  'not-archived': 409,
  'ami-closed': 409,
  transition: 409,
  'owner-invitation': 403,
  'results-published': 409,
  'results-unpublished': 403,
};

// ---------------------------------------------------------------------------------------------
// Server, people, AMIs

interface Caller {
  api(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  credentials: ClientCredentials;
}

interface Person {
  session: ApiSession;
  me: MeView;
  password: string;
}

type WorldKind = 'open' | 'closed';
const VARIANTS = ['proposal', 'restricted', 'workshop', 'archived'] as const;
type Variant = (typeof VARIANTS)[number];

interface World {
  kind: WorldKind;
  id: string;
  /** One board of each variant, made before the AMI was closed, for calls that change nothing. */
  premade: Record<Variant, BoardView>;
}

let ts: TestServer;
let db: Database.Database;
let origin: string;
let anonymous: Caller;
let setup: Person;
let people: Record<SignedInRole, Person>;
/** A commenter and an owner that the member-management rows change, remove and put back. */
let target: Person;
let targetOwner: Person;
let organisations: { syndicat: string; commune: string };
let worlds: Record<WorldKind, World>;
let unique = 0;
const sockets: ProviderClient[] = [];
const raws: RawClient[] = [];

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

async function signup(email: string, organisation: { name: string; type: OrganisationType }): Promise<Person> {
  const response = await fetch(`${ts.httpUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ name: email.split('@')[0], email, organisation, password: PASSWORD }),
  });
  const me = await json<MeView>(response, 201);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { session: sessionWith(ts.httpUrl, cookie), me, password: PASSWORD };
}

async function login(email: string, password = DEMO_PASSWORD): Promise<Person> {
  const session = await ts.login(email, password);
  return { session, me: await json<MeView>(await session.api('/api/me'), 200), password };
}

const amiInput = (title: string) => ({
  title,
  domain: 'gestion-eau',
  dates: { opensOn: null, closesOn: null, endsOn: null },
  envelopeEuros: 250_000,
  summary: 'AMI créé pour vérifier les permissions.',
  tags: ['capteurs-iot'],
});

const readAmi = async (amiId: string) => json<AmiDetailView>(await setup.session.api(`/api/amis/${amiId}`), 200);
const readMembers = async (amiId: string) => json<MemberView[]>(await setup.session.api(`/api/amis/${amiId}/members`), 200);
const readBoard = async (amiId: string, boardId: string) => json<BoardView>(await setup.session.api(`/api/amis/${amiId}/boards/${boardId}`), 200);
const roleOf = (members: readonly MemberView[], userId: string) => members.find((member) => member.userId === userId)?.role ?? null;

/** What a call may have changed, as the setup account (a platform admin, who sees everything) reads it. */
async function snapshot(path: string): Promise<{ status: number; body: unknown }> {
  const response = await setup.session.api(path);
  return { status: response.status, body: await response.json() };
}

async function createLink(amiId: string, role: Exclude<AmiRole, 'owner'>, maxUses = 1): Promise<CreatedInvitationView> {
  return json<CreatedInvitationView>(await setup.session.api(`/api/amis/${amiId}/invitations`, { body: { role, expiresInDays: 7, maxUses } }), 201);
}

/** Makes `person` a member with `role`, the way people join: a link, then (for owners) a change by an owner. */
async function join(amiId: string, person: Person, role: AmiRole): Promise<void> {
  const link = await createLink(amiId, role === 'owner' ? 'admin' : role);
  const token = link.url.split('/invitation/')[1]!;
  await json(await person.session.api(`/api/invitations/${token}/accept`, { method: 'POST' }), 200);
  if (role === 'owner') await json(await setup.session.api(`/api/amis/${amiId}/members/${person.me.id}`, { method: 'PATCH', body: { role } }), 200);
}

async function moveTo(amiId: string, status: AmiDetailView['status']): Promise<void> {
  for (let current = (await readAmi(amiId)).status; current !== status; ) {
    const next = allowedTransitions(current)[0]!;
    current = (await json<AmiDetailView>(await setup.session.api(`/api/amis/${amiId}/status`, { body: { status: next } }), 200)).status;
  }
}

/** An AMI with one member per role (and the two targets), in `kind`'s status. */
async function createAmi(kind: WorldKind, before?: (amiId: string) => Promise<void>): Promise<string> {
  const ami = await json<AmiDetailView>(await setup.session.api('/api/amis', { body: amiInput(`AMI ${kind} n° ${++unique}`) }), 201);
  for (const role of ROLES) {
    const membership = MEMBERSHIP[role];
    if (role !== 'anonymous' && membership !== null) await join(ami.id, people[role], membership);
  }
  await join(ami.id, target, 'commenter');
  await join(ami.id, targetOwner, 'owner');
  await before?.(ami.id);
  if (kind === 'closed') await moveTo(ami.id, 'cloture');
  return ami.id;
}

/** A board of the syndicat in the AMI, made by the setup account. */
async function createBoard(amiId: string, variant: Variant): Promise<BoardView> {
  const body = {
    title: `Tableau ${variant} n° ${++unique}`,
    kind: variant === 'workshop' ? 'atelier' : 'proposition',
    organisationId: organisations.syndicat,
    restricted: variant === 'restricted',
  };
  const board = await json<BoardView>(await setup.session.api(`/api/amis/${amiId}/boards`, { body }), 201);
  if (variant !== 'archived') return board;
  return json<BoardView>(await setup.session.api(`/api/amis/${amiId}/boards/${board.id}`, { method: 'PATCH', body: { archived: true } }), 200);
}

async function createWorld(kind: WorldKind): Promise<World> {
  const premade = {} as Record<Variant, BoardView>;
  const id = await createAmi(kind, async (amiId) => {
    for (const variant of VARIANTS) premade[variant] = await createBoard(amiId, variant);
    await drawNote(premade.proposal);
  });
  return { kind, id, premade };
}

/** A note drawn over sync by the setup account, before the AMI may close: something for the template rows to publish. */
async function drawNote(board: BoardView): Promise<void> {
  const client = providerClient(ts.syncUrl, board.documentName, new Y.Doc(), setup.session.credentials);
  try {
    await client.synced;
    const note = { id: 'matrixnoteaaaaaa', type: 'sticky', x: 0, y: 0, w: 200, h: 200, z: 'V', parent: null, locked: false, author: setup.me.id, color: 'jaune', text: 'Débits de nuit' } as const;
    addShapes(client.doc, [note], 'matrix');
    const onServer = () => ts.server.sync.registry.loadedRooms().find((room) => room.name === board.documentName)?.doc.getMap('shapes').size ?? 0;
    await waitFor(() => onServer() > 0, 'the note reached the server');
  } finally {
    client.destroy();
  }
}

/** A board the row may change: fresh in the open AMI; in the closed one nothing may change, so the premade one. */
async function boardFor(world: World, variant: Variant): Promise<BoardView> {
  return world.kind === 'closed' ? readBoard(world.id, world.premade[variant].id) : createBoard(world.id, variant);
}

function callerOf(role: Role): Caller {
  return role === 'anonymous' ? anonymous : people[role].session;
}

/** The role as `decide` sees it on `amiId`: built from the records the test made, not from the server's. */
function actorOf(role: Role, amiId: string): Actor | null {
  if (role === 'anonymous') return null;
  const { me } = people[role];
  const membership = MEMBERSHIP[role];
  return {
    userId: me.id,
    platformAdmin: me.platformAdmin,
    organisationId: me.organisation?.id ?? null,
    membership: membership === null ? null : { amiId, role: membership },
  };
}

const amiResource = (ami: AmiDetailView): AmiResource => ({ type: 'ami', amiId: ami.id, status: ami.status });
const boardResource = (ami: AmiDetailView, board: BoardView): BoardResource => ({
  type: 'board',
  amiId: ami.id,
  amiStatus: ami.status,
  boardId: board.id,
  organisationId: board.organisation.id,
  kind: board.kind,
  restricted: board.restricted,
  archived: board.archived,
});

const ALLOWED: Decision = { allowed: true };
const firstRefusal = (...decisions: Decision[]): Decision => decisions.find((decision) => !decision.allowed) ?? ALLOWED;

beforeAll(async () => {
  ts = await startTestServer({}, { env: { EPROUVETTE_ADMIN_EMAIL: ADMIN_EMAIL, EPROUVETTE_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  db = new Database(path.join(ts.dataDir, 'eprouvette.db'), { timeout: 5_000 });
  origin = new URL(ts.httpUrl).origin;
  anonymous = {
    credentials: { origin },
    api: (apiPath, init = {}) =>
      fetch(`${ts.httpUrl}${apiPath}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { origin, ...(init.body !== undefined && { 'content-type': 'application/json' }) },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      }),
  };
  setup = await login(OWNER_AND_PLATFORM_ADMIN.email);
  people = {
    'non-member': await signup('curieuse@wimereux.example', { name: 'Commune de Wimereux', type: 'commune' }),
    reader: await login(demoAccount('reader').email),
    commenter: await login(demoAccount('commenter').email),
    'editor-own': await login(demoAccount('editor', 'syndicat-mixte').email),
    'editor-other': await login(demoAccount('editor', 'commune').email),
    admin: await login(demoAccount('admin').email),
    owner: await signup('proprietaire@pas-de-calais.example', { name: 'Département du Pas-de-Calais', type: 'departement' }),
    'platform-admin': await login(ADMIN_EMAIL, ADMIN_PASSWORD),
  };
  target = await signup('cible@essai.example', { name: 'Bureau d’études Essai', type: 'expert' });
  targetOwner = await signup('cible.proprietaire@essai.example', { name: 'Bureau d’études Essai', type: 'expert' });
  organisations = { syndicat: people['editor-own'].me.organisation!.id, commune: people['editor-other'].me.organisation!.id };
  expect(people['platform-admin'].me.platformAdmin).toBe(true);
  expect(people['editor-own'].me.organisation!.name).toBe(SYNDICAT.name);
  expect(people['editor-other'].me.organisation!.name).toBe(COMMUNE.name);
  worlds = { open: await createWorld('open'), closed: await createWorld('closed') };
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const raw of raws.splice(0)) raw.socket.terminate();
});

afterAll(async () => {
  db?.close();
  await ts?.dispose();
});

// ---------------------------------------------------------------------------------------------
// REST matrix

interface Plan {
  decision: Decision;
  /** Status when allowed. */
  ok: number;
  call(caller: Caller): Promise<Response>;
  /** Calls as someone else than the role's shared session (account actions that end it). */
  caller?: Caller;
  /** What the call would change; re-read after a refusal, which must leave it equal. */
  state?(): Promise<unknown>;
  /** Whether an allowed call must change `state`. */
  mutates?: boolean;
  /** After an allowed call: checks its answer, and puts back what later rows rely on. */
  verify?(body: unknown, caller: Caller): Promise<void>;
}

interface Probe {
  action: Action;
  label: string;
  worlds: readonly WorldKind[];
  /** Expected statuses written by hand, one per role in `ROLES` order. */
  literal?: Partial<Record<WorldKind, string>>;
  plan(world: World, role: Role): Promise<Plan>;
}

const BOTH: readonly WorldKind[] = ['open', 'closed'];
const OPEN: readonly WorldKind[] = ['open'];
/** Key rows written by hand, as issue 3 states the rules: one status per role, in `ROLES` order. */
const ROW = {
  //            anon nonm read comm ed-o ed-x admi ownr padm
  membersAll:   '401  404  200  200  200  200  200  200  200',
  admins200:    '401  404  403  403  403  403  200  200  200',
  admins201:    '401  404  403  403  403  403  201  201  201',
  admins409:    '401  404  403  403  403  403  409  409  409',
  owners200:    '401  404  403  403  403  403  403  200  200',
  editorOwn200: '401  404  403  403  200  403  200  200  200',
  editorOwn409: '401  404  403  403  409  403  409  409  409',
  editors201:   '401  404  403  403  201  201  201  201  201',
  editors409:   '401  404  403  403  409  409  409  409  409',
  platform201:  '401  403  403  403  403  403  403  403  201',
  signedIn200:  '401  200  200  200  200  200  200  200  200',
  scorers200:   '401  404  403  200  403  403  200  200  200',
  scorers409:   '401  404  403  409  403  403  409  409  409',
};

/** The actions the AMI view lists in `allowed` (besides changeStatus and board.create, checked apart). */
const AMI_VIEW_ACTIONS = ['ami.edit', 'ami.delete', 'ami.manageMembers', 'ami.manageInvitations', 'amiText.view', 'amiText.edit', 'amiText.comment', 'template.publish'] as const;
const BOARD_VIEW_ACTIONS = ACTIONS.filter((action) => action.startsWith('board.') && action !== 'board.create');

function memberChange(label: string, who: () => Person, to: (from: AmiRole) => AmiRole | null, restore: (amiId: string, from: AmiRole) => Promise<void>, literal: string): Probe {
  return {
    action: 'ami.manageMembers',
    label,
    worlds: BOTH,
    literal: { open: literal, closed: literal },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const person = who();
      const from = roleOf(await readMembers(world.id), person.me.id);
      if (from === null) throw new Error(`${person.me.email} should be a member`);
      const next = to(from);
      const memberPath = `/api/amis/${world.id}/members/${person.me.id}`;
      return {
        decision: decide(actorOf(role, world.id), 'ami.manageMembers', { ...amiResource(ami), change: { from, to: next } }),
        ok: 200,
        call: (caller) => (next === null ? caller.api(memberPath, { method: 'DELETE' }) : caller.api(memberPath, { method: 'PATCH', body: { role: next } })),
        state: () => snapshot(`/api/amis/${world.id}/members`),
        mutates: true,
        async verify() {
          expect(roleOf(await readMembers(world.id), person.me.id)).toBe(next);
          await restore(world.id, from);
        },
      };
    },
  };
}

function boardView(variant: Variant): Probe {
  return {
    action: 'board.view',
    label: `GET board (${variant})`,
    worlds: BOTH,
    literal: { open: ROW.membersAll, closed: ROW.membersAll },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const board = await readBoard(world.id, world.premade[variant].id);
      const actor = actorOf(role, world.id);
      const resource = boardResource(ami, board);
      return {
        decision: decide(actor, 'board.view', resource),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}/boards/${board.id}`),
        state: () => snapshot(`/api/amis/${world.id}/boards/${board.id}`),
        async verify(body) {
          // The buttons the client shows are the actions the server accepts.
          const view = body as BoardView;
          for (const action of BOARD_VIEW_ACTIONS) expect(view.allowed.includes(action), action).toBe(can(actor, action, resource));
          expect(view.role).toBe(effectiveBoardRole(actor!, resource));
        },
      };
    },
  };
}

/** A PATCH of a board: the server checks `board.view`, then the action of each changed field. */
function boardPatch(
  action: Action,
  variant: Variant,
  field: string,
  patch: (board: BoardView) => Record<string, unknown>,
  literal: Partial<Record<WorldKind, string>>,
): Probe {
  return {
    action,
    label: `PATCH board ${field} (${variant})`,
    worlds: BOTH,
    literal,
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const board = await boardFor(world, variant);
      const resource = boardResource(ami, board);
      const actor = actorOf(role, world.id);
      const body = patch(board);
      return {
        decision: firstRefusal(decide(actor, 'board.view', resource), decide(actor, action as 'board.view', resource)),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}/boards/${board.id}`, { method: 'PATCH', body }),
        state: () => snapshot(`/api/amis/${world.id}/boards/${board.id}`),
        mutates: true,
        async verify(answer) {
          const view = answer as BoardView;
          for (const [field, value] of Object.entries(body)) {
            if (field === 'organisationId') expect(view.organisation.id).toBe(value);
            else expect(view[field as keyof BoardView]).toBe(value);
          }
        },
      };
    },
  };
}

/** A comment thread pinned on a board, through the API: commenters write there, their sockets being read-only. */
function boardComment(variant: Variant): Probe {
  const commentersOpen = '401  404  403  201  201  201  201  201  201';
  return {
    action: 'board.comment',
    label: `POST board comment (${variant})`,
    worlds: BOTH,
    literal: variant === 'archived' ? {} : { open: commentersOpen },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const board = await readBoard(world.id, world.premade[variant].id);
      return {
        decision: decide(actorOf(role, world.id), 'board.comment', boardResource(ami, board)),
        ok: 201,
        call: (caller) =>
          caller.api(`/api/amis/${world.id}/boards/${board.id}/comments`, { body: { anchor: { kind: 'board', shapeId: null, point: { x: 0, y: 0 } }, text: 'Une remarque.' } }),
        verify: async (body) => expect((body as CommentThreadView).messages[0]?.text).toBe('Une remarque.'),
      };
    },
  };
}

function accountPlan(action: Action, role: Role, call: Plan['call'], extra: Partial<Plan> = {}): Plan {
  const actor = actorOf(role, worlds.open.id);
  return { decision: decide(actor, action as 'account.view', { type: 'account', userId: actor?.userId ?? '' }), ok: 200, call, ...extra };
}

/**
 * Someone in `role` whose sessions and account the row may end: a new account given the role
 * (the platform-admin flag is set in the records, as EPROUVETTE_ADMIN_EMAIL would at start).
 */
async function standIn(role: Role): Promise<{ caller: Caller; actor: Actor | null; person: Person | null }> {
  if (role === 'anonymous') return { caller: anonymous, actor: null, person: null };
  const organisation = role === 'editor-own' ? SYNDICAT : role === 'editor-other' ? COMMUNE : { name: 'Commune de Wimereux', type: 'commune' as const };
  const person = await accountInRecords(`remplacant.${role}.${++unique}@essai.example`, organisation, role === 'platform-admin');
  const membership = MEMBERSHIP[role];
  if (membership !== null) await join(worlds.open.id, person, membership);
  const actor: Actor = {
    userId: person.me.id,
    platformAdmin: role === 'platform-admin',
    organisationId: person.me.organisation?.id ?? null,
    membership: membership === null ? null : { amiId: worlds.open.id, role: membership },
  };
  return { caller: person.session, actor, person };
}

let passwordHash: Promise<string> | undefined;

/** An account and a session made in the records: sign-up is rate limited per address, and the stand-ins are many. */
async function accountInRecords(email: string, organisation: { name: string; type: OrganisationType }, platformAdmin: boolean): Promise<Person> {
  const sql = sqliteClient(db);
  const { id: organisationId } = await findOrCreateOrganisation(sql, organisation);
  passwordHash ??= hashPassword(PASSWORD);
  const user = await createUser(sql, { email, name: email.split('@')[0]!, organisationId, passwordHash: await passwordHash, platformAdmin });
  const { token } = await createSession(sql, user!.id);
  const session = sessionWith(ts.httpUrl, `eprouvette_session=${token}`);
  return { session, me: await json<MeView>(await session.api('/api/me'), 200), password: PASSWORD };
}

// Evaluation: the grid and its publication as the setup account (a platform admin) reads them.
const evaluationPath = (world: World) => `/api/amis/${world.id}/evaluation`;
const readEvaluation = async (world: World) => json<EvaluationView>(await setup.session.api(evaluationPath(world)), 200);
const EVALUATION_VIEW_ACTIONS = ['evaluation.viewGrid', 'evaluation.editGrid', 'evaluation.viewAllScores', 'evaluation.publish', 'evaluation.viewResults'] as const;

async function evaluationResourceOf(world: World): Promise<EvaluationResource> {
  const [ami, evaluation] = [await readAmi(world.id), await readEvaluation(world)];
  return { type: 'evaluation', amiId: ami.id, amiStatus: ami.status, published: evaluation.publication !== null };
}

/** A draft or a complete evaluation of every criterion (3), with a comment unique to the row so that a new save shows. */
async function evaluationBody(world: World, submit: boolean): Promise<unknown> {
  const { criteria } = await readEvaluation(world);
  return { submit, recommendation: 'si-possible', comment: `Avis n° ${++unique}`, scores: criteria.map((criterion) => ({ criterionId: criterion.id, value: 3, comment: '' })) };
}

/** A probe of an evaluation route decided by `action` on the AMI's evaluation. */
function evaluationProbe(
  action: Exclude<(typeof EVALUATION_VIEW_ACTIONS)[number], 'evaluation.viewGrid'>,
  label: string,
  literal: Partial<Record<WorldKind, string>>,
  request: (world: World) => { path: string; method?: string; body?: unknown },
  extra: (world: World) => Partial<Plan> = () => ({}),
): Probe {
  return {
    action,
    label,
    worlds: BOTH,
    literal,
    async plan(world, role) {
      const { path: apiPath, method, body } = request(world);
      return {
        decision: decide(actorOf(role, world.id), action, await evaluationResourceOf(world)),
        ok: 200,
        call: (caller) => caller.api(apiPath, { ...(method === undefined ? {} : { method }), ...(body === undefined ? {} : { body }) }),
        state: () => snapshot(evaluationPath(world)),
        ...extra(world),
      };
    },
  };
}

function scoringProbe(variant: Variant, literal: Partial<Record<WorldKind, string>>): Probe {
  return {
    action: 'evaluation.score',
    label: `PUT own evaluation (${variant})`,
    worlds: BOTH,
    literal,
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const board = await readBoard(world.id, world.premade[variant].id);
      const published = (await evaluationResourceOf(world)).published;
      const body = await evaluationBody(world, false);
      return {
        decision: decide(actorOf(role, world.id), 'evaluation.score', { ...boardResource(ami, board), type: 'scoring', published }),
        ok: 200,
        call: (caller) => caller.api(`${evaluationPath(world)}/boards/${board.id}`, { method: 'PUT', body }),
        state: async () => db.prepare('SELECT expert_id, status, comment, updated_at FROM evaluations WHERE board_id = ? ORDER BY expert_id').all(board.id),
        mutates: true,
        verify: async (answer) => expect(answer).toMatchObject({ status: 'draft', comment: (body as { comment: string }).comment, canScore: true }),
      };
    },
  };
}

const PROBES: Probe[] = [
  {
    action: 'ami.view',
    label: 'GET /api/amis/:id',
    worlds: BOTH,
    literal: { open: ROW.membersAll, closed: ROW.membersAll },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const actor = actorOf(role, world.id);
      const resource = amiResource(ami);
      return {
        decision: decide(actor, 'ami.view', resource),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}`),
        state: () => snapshot(`/api/amis/${world.id}`),
        async verify(body) {
          const view = body as AmiDetailView;
          expect(view.role).toBe(effectiveAmiRole(actor!, ami.id));
          for (const action of AMI_VIEW_ACTIONS) expect(view.allowed.includes(action), action).toBe(can(actor, action, resource));
          const canMove = allowedTransitions(ami.status).some((to) => can(actor, 'ami.changeStatus', { ...resource, to }));
          expect(view.allowed.includes('ami.changeStatus')).toBe(canMove);
          const canCreate = can(actor, 'board.create', { type: 'new-board', amiId: ami.id, amiStatus: ami.status, organisationId: actor!.organisationId! });
          expect(view.allowed.includes('board.create')).toBe(canCreate);
          // A board the viewer may not see is not listed either.
          const visible = ami.boards.filter((board) => can(actor, 'board.view', boardResource(ami, board)));
          expect(view.boards.map((board) => board.id).sort()).toEqual(visible.map((board) => board.id).sort());
        },
      };
    },
  },
  {
    action: 'ami.create',
    label: 'POST /api/amis',
    worlds: OPEN,
    literal: { open: ROW.platform201 },
    async plan(world, role) {
      return {
        decision: decide(actorOf(role, world.id), 'ami.create', { type: 'platform' }),
        ok: 201,
        call: (caller) => caller.api('/api/amis', { body: amiInput(`AMI proposé par ${role}`) }),
        state: () => snapshot('/api/amis'),
        mutates: true,
      };
    },
  },
  {
    action: 'ami.edit',
    label: 'PUT /api/amis/:id',
    worlds: BOTH,
    literal: { open: ROW.admins200, closed: ROW.admins200 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const title = `AMI modifié par ${role} n° ${++unique}`;
      return {
        decision: decide(actorOf(role, world.id), 'ami.edit', amiResource(ami)),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}`, { method: 'PUT', body: amiInput(title) }),
        state: () => snapshot(`/api/amis/${world.id}`),
        mutates: true,
        verify: async (body) => expect((body as AmiDetailView).title).toBe(title),
      };
    },
  },
  {
    action: 'ami.changeStatus',
    label: 'POST status: the next step (then back)',
    worlds: BOTH,
    literal: { open: ROW.admins200, closed: ROW.admins200 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const to = allowedTransitions(ami.status)[0]!;
      // Both AMIs sit where a step forward can be taken back (brouillon ⇄ publié, clôturé ⇄ expérimentation).
      expect(canTransition(to, ami.status)).toBe(true);
      return {
        decision: decide(actorOf(role, world.id), 'ami.changeStatus', { ...amiResource(ami), to }),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}/status`, { body: { status: to } }),
        state: () => snapshot(`/api/amis/${world.id}`),
        mutates: true,
        async verify(body, caller) {
          expect((body as AmiDetailView).status).toBe(to);
          await json(await caller.api(`/api/amis/${world.id}/status`, { body: { status: ami.status } }), 200);
        },
      };
    },
  },
  {
    action: 'ami.changeStatus',
    label: 'POST status: skipping steps',
    worlds: BOTH,
    literal: { open: ROW.admins409, closed: ROW.admins409 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const to = AMI_STATUSES.find((status) => status !== ami.status && !canTransition(ami.status, status))!;
      return {
        decision: decide(actorOf(role, world.id), 'ami.changeStatus', { ...amiResource(ami), to }),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}/status`, { body: { status: to } }),
        state: () => snapshot(`/api/amis/${world.id}`),
      };
    },
  },
  {
    action: 'ami.delete',
    label: 'DELETE /api/amis/:id (a fresh AMI per row)',
    worlds: BOTH,
    literal: { open: ROW.owners200, closed: ROW.owners200 },
    async plan(world, role) {
      const amiId = await createAmi(world.kind);
      const ami = await readAmi(amiId);
      return {
        decision: decide(actorOf(role, amiId), 'ami.delete', amiResource(ami)),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${amiId}`, { method: 'DELETE' }),
        state: () => snapshot(`/api/amis/${amiId}`),
        mutates: true,
        verify: async () => expect((await setup.session.api(`/api/amis/${amiId}`)).status).toBe(404),
      };
    },
  },
  {
    action: 'ami.manageMembers',
    label: 'GET members',
    worlds: BOTH,
    literal: { open: ROW.admins200, closed: ROW.admins200 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      return {
        decision: decide(actorOf(role, world.id), 'ami.manageMembers', amiResource(ami)),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}/members`),
        state: () => snapshot(`/api/amis/${world.id}/members`),
        verify: async (body) => expect((body as MemberView[]).map((member) => member.userId)).toContain(target.me.id),
      };
    },
  },
  memberChange('PATCH member commenter ⇄ reader', () => target, (from) => (from === 'reader' ? 'commenter' : 'reader'), async () => {}, ROW.admins200),
  memberChange(
    'PATCH member → owner',
    () => target,
    () => 'owner',
    async (amiId, from) => {
      await json(await setup.session.api(`/api/amis/${amiId}/members/${target.me.id}`, { method: 'PATCH', body: { role: from } }), 200);
    },
    ROW.owners200,
  ),
  memberChange(
    'PATCH member owner → admin',
    () => targetOwner,
    () => 'admin',
    async (amiId) => {
      await json(await setup.session.api(`/api/amis/${amiId}/members/${targetOwner.me.id}`, { method: 'PATCH', body: { role: 'owner' } }), 200);
    },
    ROW.owners200,
  ),
  memberChange('DELETE member (commenter)', () => target, () => null, (amiId, from) => join(amiId, target, from), ROW.admins200),
  memberChange('DELETE member (owner)', () => targetOwner, () => null, (amiId) => join(amiId, targetOwner, 'owner'), ROW.owners200),
  {
    action: 'ami.manageInvitations',
    label: 'GET invitations',
    worlds: BOTH,
    literal: { open: ROW.admins200, closed: ROW.admins200 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      return {
        decision: decide(actorOf(role, world.id), 'ami.manageInvitations', amiResource(ami)),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}/invitations`),
        state: () => snapshot(`/api/amis/${world.id}/invitations`),
      };
    },
  },
  {
    action: 'ami.manageInvitations',
    label: 'POST invitation (editor)',
    worlds: BOTH,
    literal: { open: ROW.admins201, closed: ROW.admins201 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      return {
        decision: decide(actorOf(role, world.id), 'ami.manageInvitations', { ...amiResource(ami), invitationRole: 'editor' }),
        ok: 201,
        call: (caller) => caller.api(`/api/amis/${world.id}/invitations`, { body: { role: 'editor', expiresInDays: 7, maxUses: 3 } }),
        state: () => snapshot(`/api/amis/${world.id}/invitations`),
        mutates: true,
        async verify(body) {
          const link = body as CreatedInvitationView;
          expect(link).toMatchObject({ role: 'editor', maxUses: 3, uses: 0, revoked: false });
          expect(link.url).toMatch(/\/invitation\/[a-z2-7]{32}$/);
        },
      };
    },
  },
  {
    action: 'ami.manageInvitations',
    label: 'POST invitation revoke',
    worlds: BOTH,
    literal: { open: ROW.admins200, closed: ROW.admins200 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const link = await createLink(world.id, 'reader');
      return {
        decision: decide(actorOf(role, world.id), 'ami.manageInvitations', amiResource(ami)),
        ok: 200,
        call: (caller) => caller.api(`/api/amis/${world.id}/invitations/${link.id}/revoke`, { method: 'POST' }),
        state: () => snapshot(`/api/amis/${world.id}/invitations`),
        mutates: true,
      };
    },
  },
  {
    action: 'board.create',
    label: 'POST board for one’s own organisation',
    worlds: BOTH,
    literal: { open: ROW.editors201, closed: ROW.editors409 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const actor = actorOf(role, world.id);
      return {
        decision: decide(actor, 'board.create', { type: 'new-board', amiId: ami.id, amiStatus: ami.status, organisationId: actor?.organisationId ?? '' }),
        ok: 201,
        call: (caller) => caller.api(`/api/amis/${world.id}/boards`, { body: { title: `Proposition de ${role}`, kind: 'proposition' } }),
        state: () => snapshot(`/api/amis/${world.id}`),
        mutates: true,
        verify: async (body) => expect((body as BoardView).organisation.id).toBe(actor!.organisationId),
      };
    },
  },
  {
    action: 'board.create',
    label: 'POST board for another organisation',
    worlds: BOTH,
    literal: { open: ROW.admins201, closed: ROW.admins409 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const actor = actorOf(role, world.id);
      const other = actor?.organisationId === organisations.syndicat ? organisations.commune : organisations.syndicat;
      return {
        decision: decide(actor, 'board.create', { type: 'new-board', amiId: ami.id, amiStatus: ami.status, organisationId: other }),
        ok: 201,
        call: (caller) => caller.api(`/api/amis/${world.id}/boards`, { body: { title: `Au nom d’une autre, par ${role}`, kind: 'proposition', organisationId: other } }),
        state: () => snapshot(`/api/amis/${world.id}`),
        mutates: true,
        verify: async (body) => expect((body as BoardView).organisation.id).toBe(other),
      };
    },
  },
  ...VARIANTS.map(boardView),
  ...VARIANTS.map(boardComment),
  ...(['proposal', 'restricted', 'workshop', 'archived'] as const).map((variant) =>
    boardPatch('board.editMetadata', variant, 'title', () => ({ title: `Titre changé n° ${++unique}` }), {
      open: variant === 'archived' ? ROW.editorOwn409 : ROW.editorOwn200,
      closed: ROW.editorOwn409,
    }),
  ),
  ...(['proposal', 'restricted', 'workshop', 'archived'] as const).map((variant) =>
    boardPatch('board.restrict', variant, 'restricted', (board) => ({ restricted: !board.restricted }), {
      open: variant === 'proposal' || variant === 'restricted' ? ROW.editorOwn200 : ROW.editorOwn409,
      closed: ROW.editorOwn409,
    }),
  ),
  ...(['proposal', 'restricted', 'workshop'] as const).map((variant) =>
    boardPatch('board.archive', variant, 'archived: true', () => ({ archived: true }), { open: ROW.admins200, closed: ROW.admins409 }),
  ),
  boardPatch('board.unarchive', 'archived', 'archived: false', () => ({ archived: false }), { open: ROW.admins200, closed: ROW.admins409 }),
  ...(['proposal', 'restricted'] as const).map((variant) =>
    boardPatch('board.transfer', variant, 'organisationId', () => ({ organisationId: organisations.commune }), { open: ROW.admins200, closed: ROW.admins409 }),
  ),
  {
    action: 'domain.create',
    label: 'POST /api/domains',
    worlds: OPEN,
    literal: { open: ROW.platform201 },
    async plan(world, role) {
      const name = `Domaine proposé par ${role} ${++unique}`;
      return {
        decision: decide(actorOf(role, world.id), 'domain.create', { type: 'platform' }),
        ok: 201,
        call: (caller) => caller.api('/api/domains', { body: { name } }),
        state: () => snapshot('/api/domains'),
        mutates: true,
        verify: async (body) => expect(body).toMatchObject({ name }),
      };
    },
  },
  {
    action: 'account.view',
    label: 'GET /api/me',
    worlds: OPEN,
    literal: { open: ROW.signedIn200 },
    plan: async (_world, role) =>
      accountPlan('account.view', role, (caller) => caller.api('/api/me'), {
        verify: async (body) => expect((body as MeView).id).toBe(actorOf(role, worlds.open.id)!.userId),
      }),
  },
  {
    action: 'account.exportData',
    label: 'GET /api/me/export',
    worlds: OPEN,
    literal: { open: ROW.signedIn200 },
    plan: async (_world, role) =>
      accountPlan('account.exportData', role, (caller) => caller.api('/api/me/export'), {
        verify: async (body) => expect((body as { account: { id: string } }).account.id).toBe(actorOf(role, worlds.open.id)!.userId),
      }),
  },
  {
    action: 'account.changePassword',
    label: 'POST /api/me/password (then back)',
    worlds: OPEN,
    literal: { open: ROW.signedIn200 },
    async plan(_world, role) {
      const current = role === 'anonymous' ? PASSWORD : people[role].password;
      const changed = `${current} (changé)`;
      return accountPlan('account.changePassword', role, (caller) => caller.api('/api/me/password', { body: { currentPassword: current, newPassword: changed } }), {
        // Changing back with the new password proves the change; the session was kept.
        verify: async (_body, caller) =>
          void (await json(await caller.api('/api/me/password', { body: { currentPassword: changed, newPassword: current } }), 200)),
      });
    },
  },
  {
    action: 'account.logoutEverywhere',
    label: 'POST /api/me/logout-everywhere (a stand-in account per row)',
    worlds: OPEN,
    literal: { open: ROW.signedIn200 },
    async plan(_world, role) {
      const stand = await standIn(role);
      return {
        decision: decide(stand.actor, 'account.logoutEverywhere', { type: 'account', userId: stand.actor?.userId ?? '' }),
        ok: 200,
        caller: stand.caller,
        call: (caller) => caller.api('/api/me/logout-everywhere', { method: 'POST' }),
        state: async () => (stand.person === null ? null : (await stand.caller.api('/api/me')).status),
        mutates: true,
        verify: async () => expect((await stand.caller.api('/api/me')).status).toBe(401),
      };
    },
  },
  {
    action: 'account.delete',
    label: 'DELETE /api/me (a stand-in account per row)',
    worlds: OPEN,
    literal: { open: ROW.signedIn200 },
    async plan(_world, role) {
      const stand = await standIn(role);
      const userRow = () => (stand.person === null ? null : (db.prepare('SELECT id, email FROM users WHERE id = ?').get(stand.person.me.id) ?? null));
      return {
        decision: decide(stand.actor, 'account.delete', { type: 'account', userId: stand.actor?.userId ?? '' }),
        ok: 200,
        caller: stand.caller,
        call: (caller) => caller.api('/api/me', { method: 'DELETE', body: { password: PASSWORD } }),
        state: async () => userRow(),
        mutates: true,
        verify: async () => expect((await stand.caller.api('/api/me')).status).toBe(401),
      };
    },
  },
  {
    action: 'template.publish',
    label: 'POST /api/templates (the premade proposal, even in a closed AMI)',
    worlds: BOTH,
    literal: { open: ROW.admins201, closed: ROW.admins201 },
    async plan(world, role) {
      const ami = await readAmi(world.id);
      const board = await readBoard(world.id, world.premade.proposal.id);
      const actor = actorOf(role, world.id);
      return {
        decision: firstRefusal(decide(actor, 'board.view', boardResource(ami, board)), decide(actor, 'template.publish', amiResource(ami))),
        ok: 201,
        call: (caller) => caller.api('/api/templates', { body: { amiId: world.id, boardId: board.id, title: `Modèle publié par ${role}`, domain: 'gestion-eau' } }),
        state: () => snapshot('/api/templates'),
        mutates: true,
        verify: async (body) => expect(body).toMatchObject({ origin: { amiId: world.id }, shapeCount: 1 }),
      };
    },
  },
  {
    action: 'template.delete',
    label: 'DELETE /api/templates/:id (published by the setup account)',
    worlds: OPEN,
    //              anon nonm read comm ed-o ed-x admi ownr padm
    literal: { open: '401  403  403  403  403  403  403  403  200' },
    async plan(world, role) {
      const body = { amiId: world.id, boardId: world.premade.proposal.id, title: `À supprimer par ${role}`, domain: 'gestion-eau' };
      const template = await json<{ id: string }>(await setup.session.api('/api/templates', { body }), 201);
      return {
        decision: decide(actorOf(role, world.id), 'template.delete', { type: 'template', publishedBy: setup.me.id }),
        ok: 200,
        call: (caller) => caller.api(`/api/templates/${template.id}`, { method: 'DELETE' }),
        state: () => snapshot(`/api/templates/${template.id}`),
        mutates: true,
      };
    },
  },
  {
    action: 'evaluation.viewGrid',
    label: 'GET evaluation',
    worlds: BOTH,
    literal: { open: ROW.membersAll, closed: ROW.membersAll },
    async plan(world, role) {
      const actor = actorOf(role, world.id);
      const resource = await evaluationResourceOf(world);
      return {
        decision: decide(actor, 'evaluation.viewGrid', resource),
        ok: 200,
        call: (caller) => caller.api(evaluationPath(world)),
        state: () => snapshot(evaluationPath(world)),
        async verify(body) {
          // The buttons the client shows are the actions the server accepts.
          const view = body as EvaluationView;
          for (const action of EVALUATION_VIEW_ACTIONS) expect(view.allowed.includes(action), action).toBe(can(actor, action, resource));
          expect(view.allowed.includes('evaluation.score')).toBe(view.proposals.some((proposal) => proposal.canScore));
        },
      };
    },
  },
  evaluationProbe('evaluation.editGrid', 'PUT evaluation grid', { open: ROW.admins200, closed: ROW.admins409 }, (world) => ({ path: `${evaluationPath(world)}/grid`, method: 'PUT' }), (world) => ({
    // A body made when the call is: the criteria as they are, the last one described anew.
    call: async (caller) => {
      const { criteria } = await readEvaluation(world);
      const body = { criteria: criteria.map(({ id, label, description, weight }, index) => ({ id, label, weight, description: index === criteria.length - 1 ? `Décrit n° ${++unique}` : description })) };
      return caller.api(`${evaluationPath(world)}/grid`, { method: 'PUT', body });
    },
    mutates: true,
  })),
  ...(['proposal', 'restricted'] as const).map((variant) => scoringProbe(variant, { open: ROW.scorers200, closed: ROW.scorers409 })),
  ...(['workshop', 'archived'] as const).map((variant) => scoringProbe(variant, { open: ROW.scorers409, closed: ROW.scorers409 })),
  evaluationProbe('evaluation.viewAllScores', 'GET evaluation reviews', { open: ROW.admins200, closed: ROW.admins200 }, (world) => ({ path: `${evaluationPath(world)}/reviews` })),
  evaluationProbe('evaluation.viewResults', 'GET evaluation results (unpublished)', { open: ROW.admins200, closed: ROW.admins200 }, (world) => ({ path: `${evaluationPath(world)}/results` })),
  evaluationProbe(
    'evaluation.publish',
    'POST evaluation publication (then withdrawn)',
    { open: ROW.admins200, closed: ROW.admins409 },
    (world) => ({ path: `${evaluationPath(world)}/publication`, method: 'POST' }),
    (world) => ({
      // Publishing needs a handed-in evaluation: the setup account hands one in first (the closed AMI refuses before that matters).
      call: async (caller) => {
        if (world.kind === 'open') await json(await setup.session.api(`${evaluationPath(world)}/boards/${world.premade.proposal.id}`, { method: 'PUT', body: await evaluationBody(world, true) }), 200);
        return caller.api(`${evaluationPath(world)}/publication`, { method: 'POST' });
      },
      state: async () => (await readEvaluation(world)).publication,
      mutates: true,
      async verify(body, caller) {
        expect((body as EvaluationView).publication).not.toBeNull();
        expect((await json<EvaluationView>(await caller.api(`${evaluationPath(world)}/publication`, { method: 'DELETE' }), 200)).publication).toBeNull();
      },
    }),
  ),
];

/** Actions decided only on sync sockets: the WebSocket matrix below covers them. */
const SOCKET_ACTIONS: readonly Action[] = ['board.editContent', 'board.comment', 'amiText.view', 'amiText.edit', 'amiText.comment', 'board.view'];

describe('the matrix', () => {
  it('covers every action of `decide`, over REST or over the socket', () => {
    const covered = new Set([...PROBES.map((probe) => probe.action), ...SOCKET_ACTIONS]);
    expect([...ACTIONS].filter((action) => !covered.has(action))).toEqual([]);
    expect(ROLES).toHaveLength(9);
  });

  it('every literal row has one status per role', () => {
    for (const probe of PROBES) {
      for (const row of Object.values(probe.literal ?? {})) expect(row.trim().split(/\s+/), probe.label).toHaveLength(ROLES.length);
    }
    for (const rows of Object.values(SOCKET_ROW)) {
      for (const row of Object.values(rows)) expect(row.split(/\s+/)).toHaveLength(ROLES.length);
    }
  });
});

async function runRow(probe: Probe, world: World, role: Role): Promise<void> {
  const plan = await probe.plan(world, role);
  const caller = plan.caller ?? callerOf(role);
  const before = await plan.state?.();
  const response = await plan.call(caller);
  const text = await response.text();
  const derived = plan.decision.allowed ? plan.ok : REFUSAL_STATUS[plan.decision.code];
  expect(response.status, `answer to ${role}: ${text}`).toBe(derived);
  const literal = probe.literal?.[world.kind];
  if (literal !== undefined) expect(response.status, `literal row of ${role}`).toBe(Number(literal.trim().split(/\s+/)[ROLES.indexOf(role)]));
  const body: unknown = JSON.parse(text);
  if (!plan.decision.allowed) {
    const error = body as ApiError;
    expect(error.code).toBe(plan.decision.code === 'not-member' ? 'not-found' : plan.decision.code);
    expect(error.error).toMatch(/\S/);
    if (plan.state !== undefined) expect(await plan.state(), 'a refused call changed something').toEqual(before);
    return;
  }
  if (plan.state !== undefined && plan.mutates === true) expect(await plan.state()).not.toEqual(before);
  await plan.verify?.(body, caller);
}

for (const kind of ['open', 'closed'] as const) {
  describe(`REST, ${kind} AMI`, () => {
    for (const probe of PROBES.filter((candidate) => candidate.worlds.includes(kind))) {
      describe(`${probe.action}: ${probe.label}`, () => {
        it.each(ROLES)('%s', (role) => runRow(probe, worlds[kind], role));
      });
    }
  });
}

describe('REST, rows that need their own setting', () => {
  it('an invitation link never carries the owner role, whoever asks', async () => {
    const world = worlds.open;
    const before = await snapshot(`/api/amis/${world.id}/invitations`);
    for (const role of ROLES) {
      const response = await callerOf(role).api(`/api/amis/${world.id}/invitations`, { body: { role: 'owner', expiresInDays: 7, maxUses: 1 } });
      // Refused by the body's schema before anything else: the answer says nothing about the AMI.
      expect(response.status, role).toBe(400);
      expect(((await response.json()) as ApiError).fields).toHaveProperty('role');
    }
    expect(await snapshot(`/api/amis/${world.id}/invitations`)).toEqual(before);
    const ami = await readAmi(world.id);
    expect(decide(actorOf('owner', world.id), 'ami.manageInvitations', { ...amiResource(ami), invitationRole: 'owner' })).toMatchObject({ allowed: false, code: 'owner-invitation' });
  });

  it('the last owner can be neither demoted nor removed (409), by themselves or by a platform admin', async () => {
    const amiId = await createAmi('open');
    const owner = people.owner;
    const membersPath = `/api/amis/${amiId}/members`;
    // The owner leaves alone at the top: the setup account (creator) is demoted, the other owner removed.
    await json(await owner.session.api(`${membersPath}/${setup.me.id}`, { method: 'PATCH', body: { role: 'admin' } }), 200);
    await json(await owner.session.api(`${membersPath}/${targetOwner.me.id}`, { method: 'DELETE' }), 200);
    const before = await snapshot(membersPath);
    expect((before.body as MemberView[]).filter((member) => member.role === 'owner').map((member) => member.userId)).toEqual([owner.me.id]);

    const attempts: [Caller, { method: string; body?: unknown }][] = [
      [owner.session, { method: 'PATCH', body: { role: 'admin' } }],
      [owner.session, { method: 'DELETE' }],
      [people['platform-admin'].session, { method: 'PATCH', body: { role: 'reader' } }],
      [people['platform-admin'].session, { method: 'DELETE' }],
    ];
    for (const [caller, init] of attempts) {
      const response = await caller.api(`${membersPath}/${owner.me.id}`, init);
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: 'last-owner', error: expect.stringContaining('propriétaire') });
    }
    // An admin may not even try: changing an owner is for owners.
    expect((await people.admin.session.api(`${membersPath}/${owner.me.id}`, { method: 'DELETE' })).status).toBe(403);
    expect(await snapshot(membersPath)).toEqual(before);
  });

  it('a PATCH that asks for no change writes nothing, even from a reader', async () => {
    const world = worlds.open;
    const board = await createBoard(world.id, 'proposal');
    const boardPath = `/api/amis/${world.id}/boards/${board.id}`;
    // An old date, so that a write in the same millisecond as the creation still shows.
    db.prepare('UPDATE boards SET updated_at = ? WHERE id = ?').run(Date.UTC(2026, 0, 1), board.id);
    const before = await snapshot(boardPath);
    expect((before.body as BoardView).updatedAt).toBe('2026-01-01T00:00:00.000Z');
    for (const role of ['reader', 'commenter', 'editor-other'] as const) {
      for (const body of [{ archived: false }, { restricted: false }, { organisationId: board.organisation.id }]) {
        await callerOf(role).api(boardPath, { method: 'PATCH', body });
        // Whatever the answer, a member who may not change the board must not touch its record
        // (not even its « modifié le » date).
        expect(await snapshot(boardPath), `${role} ${JSON.stringify(body)}`).toEqual(before);
      }
    }
  });

  it('an unknown member, board or AMI answers 404 like one the caller may not see', async () => {
    const world = worlds.open;
    const unknownId = 'aaaaaaaaaaaaaaaa';
    for (const apiPath of [`/api/amis/${unknownId}`, `/api/amis/${world.id}/boards/${unknownId}`, `/api/amis/${unknownId}/members`]) {
      expect((await people.admin.session.api(apiPath)).status, apiPath).toBe(404);
      expect((await people['non-member'].session.api(apiPath)).status, apiPath).toBe(404);
    }
    expect((await people.admin.session.api(`/api/amis/${world.id}/members/${unknownId}`, { method: 'PATCH', body: { role: 'reader' } })).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------
// WebSocket matrix

const MESSAGE_AUTH = 2;
const AUTH_DENIED = 0;
const AUTH_WRITE = 1;

interface Socket {
  role: Role | 'witness';
  client: ProviderClient;
  /** Auth messages received: type 0 `read-only`, type 1 `write`. */
  auth: { type: number; reason: string }[];
  outcome: Promise<'synced' | { code: number; reason: string }>;
}

/** A stock provider whose auth messages are recorded instead of printed. */
function openSocket(role: Socket['role'], caller: Caller, name: string): Socket {
  const client = providerClient(ts.syncUrl, name, new Y.Doc(), caller.credentials);
  sockets.push(client);
  const auth: Socket['auth'] = [];
  client.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    const type = decoding.readVarUint(decoder);
    auth.push({ type, reason: decoding.readVarString(decoder) });
  };
  const closed = new Promise<{ code: number; reason: string }>((resolve) => client.provider.once('closed', (event) => resolve(event)));
  return { role, client, auth, outcome: Promise.race([client.synced.then(() => 'synced' as const), closed]) };
}

const readOnlyCount = (socket: Socket) => socket.auth.filter((message) => message.type === AUTH_DENIED && message.reason === 'read-only').length;

function authBytes(type: number, reason: string): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, reason);
  return [...encoding.toUint8Array(encoder)];
}
const READ_ONLY_BYTES = authBytes(AUTH_DENIED, 'read-only');
const isReadOnlyFrame = (message: Uint8Array) => message.length === READ_ONLY_BYTES.length && READ_ONLY_BYTES.every((byte, i) => message[i] === byte);

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

async function storedDoc(name: string): Promise<Y.Doc> {
  const stored = await ts.store.load(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

const roomDoc = (name: string) => ts.server.sync.registry.loadedRooms().find((room) => room.name === name)?.doc;
const writersOf = (doc: Y.Doc) => [...doc.getMap('marks').keys()].sort();

/** What a socket of `role` should see: `write`, `read` (told read-only) or the close code. */
function expectedOnSocket(access: DocumentAccess, role: Role): string {
  if (access === 'write') return 'write';
  if (access !== 'none') return 'read';
  if (role === 'anonymous') return '4401';
  return MEMBERSHIP[role] === null && role !== 'platform-admin' ? '4404' : '4403';
}

const DOCUMENTS = ['AMI text', 'restricted board', 'unrestricted board'] as const;
type DocumentKind = (typeof DOCUMENTS)[number];

/** What each role sees on a socket, written by hand: `write`, `read` (told read-only) or the close code. */
const SOCKET_ROW: Record<WorldKind, Record<DocumentKind, string>> = {
  open: {
    //                    anon nonm read comm ed-o  ed-x  admi  ownr  padm
    'AMI text':           '4401 4404 read read read  read  write write write',
    'restricted board':   '4401 4404 read read write read  write write write',
    'unrestricted board': '4401 4404 read read write write write write write',
  },
  closed: {
    'AMI text':           '4401 4404 read read read  read  read  read  read',
    'restricted board':   '4401 4404 read read read  read  read  read  read',
    'unrestricted board': '4401 4404 read read read  read  read  read  read',
  },
};

function documentOf(ami: AmiDetailView, kind: DocumentKind, boards: { restricted: BoardView; proposal: BoardView }) {
  if (kind === 'AMI text') return { name: ami.textDocumentName, resource: amiResource(ami) as AmiResource | BoardResource };
  const board = kind === 'restricted board' ? boards.restricted : boards.proposal;
  return { name: board.documentName, resource: boardResource(ami, board) };
}

for (const kind of ['open', 'closed'] as const) {
  describe(`WebSocket, ${kind} AMI`, () => {
    it.each(DOCUMENTS)('%s: who is refused, who is read-only, whose updates land', async (documentKind) => {
      const world = worlds[kind];
      const ami = await readAmi(world.id);
      // Fresh boards in the open AMI so that earlier rows' marks cannot leak in; the closed one keeps its premade boards.
      const boards =
        kind === 'open'
          ? { restricted: await createBoard(world.id, 'restricted'), proposal: await createBoard(world.id, 'proposal') }
          : { restricted: world.premade.restricted, proposal: world.premade.proposal };
      const { name, resource } = documentOf(ami, documentKind, boards);
      const ref = parseDocumentName(name)!;
      const expected = ROLES.map((role) => expectedOnSocket(documentAccess(actorOf(role, world.id), ref, resource), role));
      expect(expected).toEqual(SOCKET_ROW[kind][documentKind].split(/\s+/));

      const witness = openSocket('witness', setup.session, name);
      const opened = ROLES.map((role) => openSocket(role, callerOf(role), name));
      const outcomes = await Promise.all([witness.outcome, ...opened.map((socket) => socket.outcome)]);
      const seen = opened.map((socket, index) => {
        const outcome = outcomes[index + 1]!;
        if (outcome !== 'synced') return String(outcome.code);
        return readOnlyCount(socket) > 0 ? 'read' : 'write';
      });
      expect(seen).toEqual(expected);

      // Everyone connected tries to write; only the writers' marks may reach the server.
      const connected = opened.filter((_, index) => seen[index] === 'read' || seen[index] === 'write');
      for (const socket of connected) socket.client.doc.getMap('marks').set(socket.role, true);
      const readers = connected.filter((socket) => readOnlyCount(socket) > 0);
      const writers = connected.filter((socket) => readOnlyCount(socket) === 0).map((socket) => socket.role).sort();
      // A refused update is answered with `read-only` again once the server has read it.
      await waitFor(() => readers.every((socket) => readOnlyCount(socket) >= 2), 'refusals of the read-only sockets');
      await waitFor(() => writersOf(witness.client.doc).length >= writers.length, 'the writers’ marks relayed');
      expect(writersOf(witness.client.doc)).toEqual(writers);
      expect(writersOf(roomDoc(name)!)).toEqual(writers);
      for (const socket of connected) expect(socket.client.provider.wsconnected, `${socket.role} stays connected`).toBe(true);
      for (const socket of opened.filter((_, index) => seen[index] === 'write')) expect(socket.auth).toEqual([]);
    });
  });
}

describe('WebSocket, read-only connections', () => {
  it('a reader and a commenter cannot change a document, through the provider or a raw frame, and their presence still reaches an editor', async () => {
    const world = worlds.open;
    const board = await createBoard(world.id, 'proposal');
    const name = board.documentName;
    const editor = openSocket('editor-own', people['editor-own'].session, name);
    const reader = openSocket('reader', people.reader.session, name);
    const commenter = openSocket('commenter', people.commenter.session, name);
    expect(await Promise.all([editor.outcome, reader.outcome, commenter.outcome])).toEqual(['synced', 'synced', 'synced']);
    expect(reader.auth).toEqual([{ type: AUTH_DENIED, reason: 'read-only' }]);
    expect(commenter.auth).toEqual([{ type: AUTH_DENIED, reason: 'read-only' }]);
    expect(editor.auth).toEqual([]);

    reader.client.doc.getText('x').insert(0, 'écrit par le lecteur');
    commenter.client.doc.getText('x').insert(0, 'écrit par la commentatrice');
    const forged = new Y.Doc();
    forged.getText('x').insert(0, 'trame forgée');
    const rawSockets = [people.reader, people.commenter].map((person) => rawClient(ts.syncUrl, name, person.session.credentials));
    raws.push(...rawSockets);
    for (const raw of rawSockets) {
      await waitFor(() => raw.messages.some(isReadOnlyFrame), 'the raw socket told read-only on join');
      raw.socket.send(updateFrame(Y.encodeStateAsUpdate(forged)));
    }
    await waitFor(
      () => readOnlyCount(reader) >= 2 && readOnlyCount(commenter) >= 2 && rawSockets.every((raw) => raw.messages.filter(isReadOnlyFrame).length >= 2),
      'the four updates refused',
    );
    for (const raw of rawSockets) expect(raw.messages.filter((message) => message[0] === MESSAGE_AUTH).every(isReadOnlyFrame)).toBe(true);

    reader.client.provider.awareness.setLocalStateField('user', { name: 'Bernard, élu' });
    commenter.client.provider.awareness.setLocalStateField('user', { name: 'Sophie, experte' });
    const presenceAtEditor = (socket: Socket) => editor.client.provider.awareness.getStates().get(socket.client.doc.clientID)?.user?.name;
    await waitFor(() => presenceAtEditor(reader) === 'Bernard, élu' && presenceAtEditor(commenter) === 'Sophie, experte', 'presence relayed');

    // An editor's write does land, so the checks below look at a store that is being written.
    editor.client.doc.getText('x').insert(0, 'écrit par l’éditrice');
    await waitFor(async () => (await storedDoc(name)).getText('x').toString() === 'écrit par l’éditrice', 'the editor’s write stored');
    const stored = await storedDoc(name);
    expect([...Y.decodeStateVector(Y.encodeStateVector(stored)).keys()]).toEqual([editor.client.doc.clientID]);
    expect(roomDoc(name)!.getText('x').toString()).toBe('écrit par l’éditrice');
    const fresh = openSocket('witness', setup.session, name);
    expect(await fresh.outcome).toBe('synced');
    expect(fresh.client.doc.getText('x').toString()).toBe('écrit par l’éditrice');

    for (const raw of rawSockets) expect(raw.socket.readyState).toBe(WebSocket.OPEN);
    expect(reader.client.provider.wsconnected && commenter.client.provider.wsconnected).toBe(true);
  });

  it('archiving a board makes its editors read-only at once, and unarchiving gives writing back', async () => {
    const world = worlds.open;
    const board = await createBoard(world.id, 'proposal');
    const name = board.documentName;
    const editor = openSocket('editor-own', people['editor-own'].session, name);
    const admin = openSocket('admin', people.admin.session, name);
    expect(await Promise.all([editor.outcome, admin.outcome])).toEqual(['synced', 'synced']);
    expect(editor.auth).toEqual([]);

    await json(await people.admin.session.api(`/api/amis/${world.id}/boards/${board.id}`, { method: 'PATCH', body: { archived: true } }), 200);
    await waitFor(() => readOnlyCount(editor) === 1 && readOnlyCount(admin) === 1, 'read-only after archiving');
    // The refused write comes from a second socket: the first one must stay in step with the
    // server to show below that writing comes back (see live-access.test.ts for a socket that
    // wrote while read-only).
    const late = openSocket('editor-own', people['editor-own'].session, name);
    expect(await late.outcome).toBe('synced');
    expect(readOnlyCount(late)).toBe(1);
    late.client.doc.getText('x').insert(0, 'après archivage');
    await waitFor(() => readOnlyCount(late) === 2, 'the editor’s update refused');
    expect(roomDoc(name)!.getText('x').toString()).toBe('');
    expect(editor.client.doc.getText('x').toString()).toBe('');

    await json(await people.admin.session.api(`/api/amis/${world.id}/boards/${board.id}`, { method: 'PATCH', body: { archived: false } }), 200);
    await waitFor(() => editor.auth.some((message) => message.type === AUTH_WRITE && message.reason === 'write'), 'write granted again');
    editor.client.doc.getText('y').insert(0, 'après désarchivage');
    await waitFor(() => roomDoc(name)?.getText('y').toString() === 'après désarchivage', 'the editor writes again');
  });

  it('closing the AMI makes its boards and text read-only for editors, admins and owners; reopening gives writing back', async () => {
    let board!: BoardView;
    const amiId = await createAmi('open', async (id) => {
      board = await createBoard(id, 'proposal');
      await moveTo(id, 'experimentation');
    });
    const ami = await readAmi(amiId);
    const editor = openSocket('editor-own', people['editor-own'].session, board.documentName);
    const adminOnText = openSocket('admin', people.admin.session, ami.textDocumentName);
    const ownerOnBoard = openSocket('owner', people.owner.session, board.documentName);
    expect(await Promise.all([editor.outcome, adminOnText.outcome, ownerOnBoard.outcome])).toEqual(['synced', 'synced', 'synced']);
    expect([editor.auth, adminOnText.auth, ownerOnBoard.auth]).toEqual([[], [], []]);

    await json(await people.owner.session.api(`/api/amis/${amiId}/status`, { body: { status: 'cloture' } }), 200);
    await waitFor(() => [editor, adminOnText, ownerOnBoard].every((socket) => readOnlyCount(socket) === 1), 'read-only once closed');
    const lateEditor = openSocket('editor-own', people['editor-own'].session, board.documentName);
    const lateAdmin = openSocket('admin', people.admin.session, ami.textDocumentName);
    expect(await Promise.all([lateEditor.outcome, lateAdmin.outcome])).toEqual(['synced', 'synced']);
    expect([readOnlyCount(lateEditor), readOnlyCount(lateAdmin)]).toEqual([1, 1]);
    lateEditor.client.doc.getText('x').insert(0, 'après clôture');
    lateAdmin.client.doc.getText('x').insert(0, 'après clôture');
    await waitFor(() => readOnlyCount(lateEditor) === 2 && readOnlyCount(lateAdmin) === 2, 'updates refused');
    expect(roomDoc(board.documentName)!.getText('x').toString()).toBe('');
    expect(roomDoc(ami.textDocumentName)!.getText('x').toString()).toBe('');

    await json(await people.owner.session.api(`/api/amis/${amiId}/status`, { body: { status: 'experimentation' } }), 200);
    await waitFor(() => editor.auth.some((message) => message.type === AUTH_WRITE), 'write granted on reopening');
    editor.client.doc.getText('y').insert(0, 'rouvert');
    await waitFor(() => roomDoc(board.documentName)?.getText('y').toString() === 'rouvert', 'the editor writes again');
  });
});
