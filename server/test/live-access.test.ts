/**
 * Open sockets follow the records at once: a revoked link, a lowered or raised role, a removed
 * member take effect on the sockets already open, not at the next reconnection. The gate refuses
 * what it must before reading anything (foreign Origin, no session, unknown document). And the
 * invitation flow, from the landing page to the membership it gives.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { AmiDetailView, AmiRole, AmiSummaryView, ApiError, CreatedInvitationView, InvitationPreviewView, InvitationView, MemberView, MeView } from '@eprouvette/shared';
import { CloseCode } from '@eprouvette/shared';
import { DEMO_ACCOUNTS, DEMO_AMI_TITLE } from '../src/seed/demo.ts';
import { providerClient, rawClient, waitFor, type ClientCredentials, type ProviderClient, type RawClient } from '../src/testing/clients.ts';
import { sessionWith, startTestServer, type ApiSession, type DemoIds, type TestServer } from '../src/testing/test-server.ts';

const PASSWORD = 'un mot de passe solide';
const EVIL_ORIGIN = 'https://evil.example';
const MESSAGE_AUTH = 2;
const AUTH_DENIED = 0;
const AUTH_WRITE = 1;

let ts: TestServer;
let db: Database.Database;
let origin: string;
let demo: DemoIds;
/** Owner of the demo AMI (and platform admin). */
let owner: ApiSession;
/** The syndicat's editor, and her id. */
let editor: ApiSession;
let editorId: string;
let unique = 0;
const providers: ProviderClient[] = [];
const raws: RawClient[] = [];

interface Person {
  session: ApiSession;
  me: MeView;
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

async function signup(label: string): Promise<Person> {
  const email = `${label}.${++unique}@essai.example`;
  const response = await fetch(`${ts.httpUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ name: label, email, organisation: { name: 'Commune de Montreuil-sur-Mer', type: 'commune' }, password: PASSWORD }),
  });
  const me = await json<MeView>(response, 201);
  return { session: sessionWith(ts.httpUrl, response.headers.get('set-cookie')!.split(';')[0]!), me };
}

async function createLink(amiId: string, role: Exclude<AmiRole, 'owner'>, maxUses = 5): Promise<CreatedInvitationView & { token: string }> {
  const link = await json<CreatedInvitationView>(await owner.api(`/api/amis/${amiId}/invitations`, { body: { role, expiresInDays: 7, maxUses } }), 201);
  return { ...link, token: link.url.split('/invitation/')[1]! };
}

const accept = (session: ApiSession, token: string) => session.api(`/api/invitations/${token}/accept`, { method: 'POST' });
const members = async (amiId: string) => json<MemberView[]>(await owner.api(`/api/amis/${amiId}/members`), 200);
const roleOf = async (amiId: string, userId: string) => (await members(amiId)).find((member) => member.userId === userId)?.role ?? null;
const invitation = async (amiId: string, id: string) => (await json<InvitationView[]>(await owner.api(`/api/amis/${amiId}/invitations`), 200)).find((link) => link.id === id)!;

interface Socket {
  client: ProviderClient;
  auth: { type: number; reason: string }[];
  outcome: Promise<'synced' | { code: number; reason: string }>;
}

/** A stock provider whose auth messages are recorded instead of printed. */
function openSocket(credentials: ClientCredentials, name: string): Socket {
  const client = providerClient(ts.syncUrl, name, new Y.Doc(), credentials);
  providers.push(client);
  const auth: Socket['auth'] = [];
  client.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    const type = decoding.readVarUint(decoder);
    auth.push({ type, reason: decoding.readVarString(decoder) });
  };
  const closed = new Promise<{ code: number; reason: string }>((resolve) => client.provider.once('closed', (event) => resolve(event)));
  return { client, auth, outcome: Promise.race([client.synced.then(() => 'synced' as const), closed]) };
}

function openRaw(credentials: ClientCredentials, name: string): RawClient {
  const raw = rawClient(ts.syncUrl, name, credentials);
  raws.push(raw);
  return raw;
}

const closedOf = (socket: Socket) => new Promise<{ code: number; reason: string }>((resolve) => socket.client.provider.once('closed', (event) => resolve(event)));
const readOnlyCount = (socket: Socket) => socket.auth.filter((message) => message.type === AUTH_DENIED && message.reason === 'read-only').length;

function authBytes(type: number, reason: string): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, reason);
  return [...encoding.toUint8Array(encoder)];
}
const READ_ONLY_BYTES = authBytes(AUTH_DENIED, 'read-only');
const WRITE_BYTES = authBytes(AUTH_WRITE, 'write');
const authFrames = (raw: RawClient) => raw.messages.filter((message) => message[0] === MESSAGE_AUTH).map((message) => [...message]);

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function textUpdate(key: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(key).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const roomDoc = (name: string) => ts.server.sync.registry.loadedRooms().find((room) => room.name === name)?.doc;

/** The unrestricted workshop board of the Region: every editor writes there. */
const workshop = () => demo.boards.find((board) => board.kind === 'atelier')!;
/** An unrestricted proposal of the syndicat, the editor's own organisation. */
const syndicatProposal = () => demo.boards.find((board) => board.kind === 'proposition' && !board.restricted && board.organisation.startsWith('Syndicat'))!;

beforeAll(async () => {
  ts = await startTestServer();
  db = new Database(path.join(ts.dataDir, 'eprouvette.db'), { timeout: 5_000 });
  origin = new URL(ts.httpUrl).origin;
  demo = await ts.demo();
  owner = await ts.login(DEMO_ACCOUNTS.find((account) => account.role === 'owner')!.email);
  editor = await ts.login(DEMO_ACCOUNTS.find((account) => account.role === 'editor' && account.organisation.type === 'syndicat-mixte')!.email);
  editorId = (await json<MeView>(await editor.api('/api/me'), 200)).id;
});

afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const raw of raws.splice(0)) raw.socket.terminate();
});

afterAll(async () => {
  db?.close();
  await ts?.dispose();
});

describe('sockets follow changes of access at once', () => {
  it('revoking the link someone joined through closes their sockets with 4404 and ends their membership', async () => {
    const link = await createLink(demo.amiId, 'editor');
    const guest = await signup('invitee');
    expect(await json(await accept(guest.session, link.token), 200)).toEqual({ amiId: demo.amiId, role: 'editor' });
    const onBoard = openSocket(guest.session.credentials, workshop().documentName);
    const onText = openSocket(guest.session.credentials, demo.textDocument);
    expect(await Promise.all([onBoard.outcome, onText.outcome])).toEqual(['synced', 'synced']);
    expect(onBoard.auth).toEqual([]); // an editor writes on the workshop board

    const closes = Promise.all([closedOf(onBoard), closedOf(onText)]);
    expect(await json(await owner.api(`/api/amis/${demo.amiId}/invitations/${link.id}/revoke`, { method: 'POST' }), 200)).toEqual({ ok: true, removedMembers: 1 });
    expect((await closes).map((event) => event.code)).toEqual([CloseCode.NotFound, CloseCode.NotFound]);

    expect(await roleOf(demo.amiId, guest.me.id)).toBeNull();
    expect((await guest.session.api(`/api/amis/${demo.amiId}`)).status).toBe(404);
    expect(await json(await guest.session.api('/api/amis'), 200)).toEqual([]);
    const again = openSocket(guest.session.credentials, workshop().documentName);
    expect(await again.outcome).toMatchObject({ code: CloseCode.NotFound });
  });

  describe('a lowered role', () => {
    afterEach(async () => {
      if ((await roleOf(demo.amiId, editorId)) !== 'editor') {
        await json(await owner.api(`/api/amis/${demo.amiId}/members/${editorId}`, { method: 'PATCH', body: { role: 'editor' } }), 200);
      }
    });

    it('downgrades the live socket to read-only without closing it, and a raised one gets `write` back', async () => {
      const name = syndicatProposal().documentName;
      const witness = openSocket(owner.credentials, name);
      const provider = openSocket(editor.credentials, name);
      const raw = openRaw(editor.credentials, name);
      expect(await Promise.all([witness.outcome, provider.outcome])).toEqual(['synced', 'synced']);
      await raw.opened;
      await waitFor(() => raw.messages.length > 0, 'the raw socket joined');
      expect(provider.auth).toEqual([]);
      expect(authFrames(raw)).toEqual([]);

      await json(await owner.api(`/api/amis/${demo.amiId}/members/${editorId}`, { method: 'PATCH', body: { role: 'reader' } }), 200);
      await waitFor(() => readOnlyCount(provider) === 1 && authFrames(raw).length === 1, 'told read-only');
      expect(authFrames(raw)).toEqual([READ_ONLY_BYTES]);

      // The raw socket's next update is refused and answered, and the socket stays open.
      raw.socket.send(updateFrame(textUpdate('x', 'pendant la lecture seule')));
      await waitFor(() => authFrames(raw).length === 2, 'the update refused');
      expect(authFrames(raw)).toEqual([READ_ONLY_BYTES, READ_ONLY_BYTES]);
      expect(roomDoc(name)!.getText('x').toString()).toBe('');
      expect(witness.client.doc.getText('x').toString()).toBe('');
      expect(raw.socket.readyState).toBe(WebSocket.OPEN);
      expect(provider.client.provider.wsconnected).toBe(true);
      // Presence still flows from a read-only socket.
      provider.client.provider.awareness.setLocalStateField('user', { name: 'Nadia' });
      await waitFor(() => witness.client.provider.awareness.getStates().get(provider.client.doc.clientID)?.user?.name === 'Nadia', 'presence relayed');

      await json(await owner.api(`/api/amis/${demo.amiId}/members/${editorId}`, { method: 'PATCH', body: { role: 'editor' } }), 200);
      await waitFor(() => provider.auth.some((message) => message.type === AUTH_WRITE) && authFrames(raw).length === 3, 'told write');
      expect(authFrames(raw)[2]).toEqual(WRITE_BYTES);
      expect(provider.auth.at(-1)).toEqual({ type: AUTH_WRITE, reason: 'write' });

      // Updates apply again, from both sockets.
      raw.socket.send(updateFrame(textUpdate('y', 'de nouveau éditrice')));
      provider.client.doc.getText('z').insert(0, 'par le fournisseur');
      await waitFor(
        () => witness.client.doc.getText('y').toString() === 'de nouveau éditrice' && witness.client.doc.getText('z').toString() === 'par le fournisseur',
        'updates applied after the raise',
      );
      expect(witness.client.doc.getText('x').toString()).toBe('');
    });

    it('a client that wrote while read-only writes again once raised', async () => {
      // A stock client's edit can race the downgrade (typed before `read-only` arrived). The
      // server refuses it; once write access is back, the client's later edits must still reach
      // the others, not wait forever on the refused one they build upon.
      const name = syndicatProposal().documentName;
      const witness = openSocket(owner.credentials, name);
      const provider = openSocket(editor.credentials, name);
      expect(await Promise.all([witness.outcome, provider.outcome])).toEqual(['synced', 'synced']);

      await json(await owner.api(`/api/amis/${demo.amiId}/members/${editorId}`, { method: 'PATCH', body: { role: 'reader' } }), 200);
      await waitFor(() => readOnlyCount(provider) === 1, 'told read-only');
      provider.client.doc.getText('refused').insert(0, 'tapé pendant la lecture seule');
      await waitFor(() => readOnlyCount(provider) === 2, 'the update refused');
      expect(roomDoc(name)!.getText('refused').toString()).toBe('');

      await json(await owner.api(`/api/amis/${demo.amiId}/members/${editorId}`, { method: 'PATCH', body: { role: 'editor' } }), 200);
      await waitFor(() => provider.auth.some((message) => message.type === AUTH_WRITE), 'told write');
      provider.client.doc.getText('after').insert(0, 'tapé après le retour des droits');
      await waitFor(() => witness.client.doc.getText('after').toString() === 'tapé après le retour des droits', 'the new edit reaches the others');
      expect(roomDoc(name)!.getText('after').toString()).toBe('tapé après le retour des droits');
    });
  });

  it('removing a member closes their sockets with 4404', async () => {
    const link = await createLink(demo.amiId, 'commenter');
    const guest = await signup('removed');
    await json(await accept(guest.session, link.token), 200);
    const onBoard = openSocket(guest.session.credentials, workshop().documentName);
    const onText = openSocket(guest.session.credentials, demo.textDocument);
    expect(await Promise.all([onBoard.outcome, onText.outcome])).toEqual(['synced', 'synced']);
    // Another member's socket on the same document is not touched.
    const bystander = openSocket(editor.credentials, workshop().documentName);
    expect(await bystander.outcome).toBe('synced');

    const closes = Promise.all([closedOf(onBoard), closedOf(onText)]);
    await json(await owner.api(`/api/amis/${demo.amiId}/members/${guest.me.id}`, { method: 'DELETE' }), 200);
    expect((await closes).map((event) => event.code)).toEqual([CloseCode.NotFound, CloseCode.NotFound]);
    expect(await roleOf(demo.amiId, guest.me.id)).toBeNull();
    bystander.client.doc.getText('x').insert(0, 'toujours là');
    await waitFor(() => roomDoc(workshop().documentName)?.getText('x').toString().includes('toujours là') === true, 'the bystander still writes');
    expect(bystander.client.provider.wsconnected).toBe(true);
  });
});

describe('the gate', () => {
  it('refuses a cross-origin upgrade with 4403 and applies nothing it sent', async () => {
    const name = syndicatProposal().documentName;
    const witness = openSocket(owner.credentials, name);
    expect(await witness.outcome).toBe('synced');
    const before = Y.encodeStateAsUpdate(roomDoc(name)!);

    const hijack = openRaw({ cookie: editor.cookie, origin: EVIL_ORIGIN }, name);
    hijack.socket.once('open', () => hijack.socket.send(updateFrame(textUpdate('hijack', 'écrit depuis un autre site'))));
    expect(await hijack.closed).toMatchObject({ code: CloseCode.Forbidden });
    const provider = openSocket({ cookie: editor.cookie, origin: EVIL_ORIGIN }, name);
    expect(await provider.outcome).toMatchObject({ code: CloseCode.Forbidden });

    expect(Y.encodeStateAsUpdate(roomDoc(name)!)).toEqual(before);
    expect(hijack.messages).toEqual([]);
    const fresh = openSocket(owner.credentials, name);
    expect(await fresh.outcome).toBe('synced');
    expect(fresh.client.doc.getText('hijack').toString()).toBe('');
  });

  it('refuses a socket without a valid session with 4401', async () => {
    const name = workshop().documentName;
    for (const credentials of [{ origin }, {}, { origin, cookie: 'eprouvette_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, { origin, cookie: 'eprouvette_session=pas-un-jeton' }]) {
      const raw = openRaw(credentials, name);
      expect(await raw.closed, JSON.stringify(credentials)).toMatchObject({ code: CloseCode.Unauthenticated });
      expect(raw.messages).toEqual([]);
    }
  });

  it('answers 4404 for a well-formed name that points to nothing, even to a platform admin', async () => {
    const otherAmi = await json<AmiDetailView>(
      await owner.api('/api/amis', { body: { title: 'Un autre AMI', domain: 'gestion-dechets', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] } }),
      201,
    );
    const otherBoard = await json<{ id: string }>(await owner.api(`/api/amis/${otherAmi.id}/boards`, { body: { title: 'Tableau ailleurs', kind: 'atelier' } }), 201);
    const names = [
      `ami-${demo.amiId}.board-aaaaaaaaaaaaaaaa`,
      'ami-aaaaaaaaaaaaaaaa.text',
      'ami-aaaaaaaaaaaaaaaa.board-aaaaaaaaaaaaaaaa',
      // A real board paired with the wrong AMI.
      `ami-${demo.amiId}.board-${otherBoard.id}`,
      'pas-un-document',
    ];
    for (const name of names) {
      const socket = openSocket(owner.credentials, name);
      expect(await socket.outcome, name).toMatchObject({ code: CloseCode.NotFound });
    }
    expect(ts.server.sync.registry.loadedRooms().map((room) => room.name)).not.toContain(`ami-${demo.amiId}.board-${otherBoard.id}`);
  });
});

describe('invitation links', () => {
  it('show what they offer to anyone holding them, signed in or not', async () => {
    const link = await createLink(demo.amiId, 'commenter');
    const preview = await json<InvitationPreviewView>(await fetch(`${ts.httpUrl}/api/invitations/${link.token}`), 200);
    expect(preview).toMatchObject({ amiId: demo.amiId, amiTitle: DEMO_AMI_TITLE, domain: { slug: 'gestion-eau' }, role: 'commenter', usable: true, reason: null });
    expect(preview.expiresAt).toBe(link.expiresAt);
    expect((await fetch(`${ts.httpUrl}/api/invitations/${'a'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${ts.httpUrl}/api/invitations/pas-un-jeton`)).status).toBe(404);
  });

  it('need a session to be accepted, and are not used up by an anonymous attempt', async () => {
    const link = await createLink(demo.amiId, 'reader', 1);
    const response = await fetch(`${ts.httpUrl}/api/invitations/${link.token}/accept`, { method: 'POST', headers: { origin } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as ApiError).error).toMatch(/Connectez-vous/);
    expect((await invitation(demo.amiId, link.id)).uses).toBe(0);
  });

  it('refuse expired, used-up and revoked links with a French reason', async () => {
    const expired = await createLink(demo.amiId, 'reader');
    db.prepare('UPDATE invitations SET expires_at = ? WHERE id = ?').run(Date.now() - 60_000, expired.id);
    const usedUp = await createLink(demo.amiId, 'reader', 1);
    await json(await accept((await signup('first')).session, usedUp.token), 200);
    const revoked = await createLink(demo.amiId, 'reader');
    await json(await owner.api(`/api/amis/${demo.amiId}/invitations/${revoked.id}/revoke`, { method: 'POST' }), 200);

    const cases: [typeof expired, string][] = [
      [expired, 'Ce lien d’invitation a expiré.'],
      [usedUp, 'Ce lien d’invitation a déjà servi le nombre de fois prévu.'],
      [revoked, 'Ce lien d’invitation a été révoqué.'],
    ];
    const latecomer = await signup('latecomer');
    for (const [link, reason] of cases) {
      const preview = await json<InvitationPreviewView>(await fetch(`${ts.httpUrl}/api/invitations/${link.token}`), 200);
      expect(preview).toMatchObject({ usable: false, reason });
      const response = await accept(latecomer.session, link.token);
      expect(response.status, reason).toBe(410);
      expect(await response.json()).toEqual({ error: reason, code: 'invitation-unusable' });
    }
    expect(await roleOf(demo.amiId, latecomer.me.id)).toBeNull();
    expect((await invitation(demo.amiId, usedUp.id)).uses).toBe(1);
    expect((await invitation(demo.amiId, expired.id)).uses).toBe(0);
  });

  it('give the last use to one of two people accepting at once', async () => {
    const link = await createLink(demo.amiId, 'reader', 1);
    const [a, b] = [await signup('racer'), await signup('racer')];
    const statuses = (await Promise.all([accept(a.session, link.token), accept(b.session, link.token)])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 410]);
    const roles = [await roleOf(demo.amiId, a.me.id), await roleOf(demo.amiId, b.me.id)];
    expect(roles.filter((role) => role === 'reader')).toHaveLength(1);
    expect((await invitation(demo.amiId, link.id)).uses).toBe(1);
  });

  it('never lower an existing role, and do not spend a use on someone who already has as much', async () => {
    const person = await signup('climber');
    await json(await accept(person.session, (await createLink(demo.amiId, 'reader')).token), 200);
    expect(await json(await accept(person.session, (await createLink(demo.amiId, 'editor')).token), 200)).toEqual({ amiId: demo.amiId, role: 'editor' });
    const lower = await createLink(demo.amiId, 'commenter');
    expect(await json(await accept(person.session, lower.token), 200)).toEqual({ amiId: demo.amiId, role: 'editor' });
    expect(await roleOf(demo.amiId, person.me.id)).toBe('editor');
    expect((await invitation(demo.amiId, lower.id)).uses).toBe(0);

    // The AMI's admin clicking a reader link stays admin.
    const admin = await ts.login(DEMO_ACCOUNTS.find((account) => account.role === 'admin')!.email);
    const adminId = (await json<MeView>(await admin.api('/api/me'), 200)).id;
    const readerLink = await createLink(demo.amiId, 'reader');
    expect(await json(await accept(admin, readerLink.token), 200)).toEqual({ amiId: demo.amiId, role: 'admin' });
    expect(await roleOf(demo.amiId, adminId)).toBe('admin');
    expect((await invitation(demo.amiId, readerLink.id)).uses).toBe(0);
  });

  it('make the new member see that AMI and no other', async () => {
    await json(
      await owner.api('/api/amis', { body: { title: 'AMI voisin', domain: 'fluidite-mobilites', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] } }),
      201,
    );
    expect((await json<AmiSummaryView[]>(await owner.api('/api/amis'), 200)).length).toBeGreaterThan(1);
    const person = await signup('newcomer');
    expect(await json(await person.session.api('/api/amis'), 200)).toEqual([]);
    await json(await accept(person.session, (await createLink(demo.amiId, 'commenter')).token), 200);
    const amis = await json<AmiSummaryView[]>(await person.session.api('/api/amis'), 200);
    expect(amis.map((ami) => [ami.id, ami.title, ami.role])).toEqual([[demo.amiId, DEMO_AMI_TITLE, 'commenter']]);
  });
});
