/**
 * Accounts and sessions over the real API: sign-up, log-in, the session cookie and what the
 * database keeps of it, expiry and renewal, every way of ending sessions (and the sockets opened
 * with them), the RGPD export and deletion, the log-in rate limit, CSRF, and the platform
 * administrator created from the environment.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AmiRole, ApiError, CreatedInvitationView, MeView, MemberView } from '@eprouvette/shared';
import { CloseCode } from '@eprouvette/shared';
import { DEMO_ACCOUNTS, DEMO_AMI_TITLE } from '../src/seed/demo.ts';
import { rawClient, waitFor, type RawClient } from '../src/testing/clients.ts';
import { sessionWith, startTestServer, type ApiSession, type DemoIds, type TestServer } from '../src/testing/test-server.ts';

const PASSWORD = 'un mot de passe solide';
const ADMIN_EMAIL = 'operateur@region.example';
const ADMIN_PASSWORD = 'mot de passe de l’opérateur';
const DAY_MS = 24 * 3600 * 1000;
const EVIL_ORIGIN = 'https://evil.example';

let ts: TestServer;
let db: Database.Database;
let demo: DemoIds;
/** Owner of the demo AMI, who lets test accounts in so that they can open sockets. */
let owner: ApiSession;
let unique = 0;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

/** A POST as a browser on `server`'s page sends it, without cookie. */
function post(server: TestServer, apiPath: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.httpUrl}${apiPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(server.httpUrl).origin, ...headers },
    body: JSON.stringify(body),
  });
}

interface Cookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

function parseSetCookie(header: string | null): Cookie {
  expect(header).not.toBeNull();
  const [pair, ...attributes] = header!.split(';').map((part) => part.trim());
  const [name, ...value] = pair!.split('=');
  return {
    name: name!,
    value: value.join('='),
    attributes: new Map(attributes.map((attribute) => {
      const [key, ...rest] = attribute.split('=');
      return [key!.toLowerCase(), rest.join('=')];
    })),
  };
}

const tokenOf = (session: ApiSession) => session.cookie.split('=')[1]!;

interface Account {
  email: string;
  session: ApiSession;
  me: MeView;
}

const signupBody = (email: string, password = PASSWORD) => ({
  name: 'Agente de test',
  email,
  organisation: { name: 'Commune d’Hesdin', type: 'commune' },
  password,
});

async function signup(server: TestServer = ts, label = 'agent'): Promise<Account> {
  const email = `${label}.${++unique}@essai.example`;
  const response = await post(server, '/api/auth/signup', signupBody(email));
  const me = await json<MeView>(response, 201);
  return { email, me, session: sessionWith(server.httpUrl, response.headers.get('set-cookie')!.split(';')[0]!) };
}

/** A second session of the same account, by logging in (counts against the account's log-in limit). */
async function secondSession(account: Account): Promise<ApiSession> {
  return ts.login(account.email, PASSWORD);
}

/** Lets the account into the demo AMI, so that its sockets open. */
async function joinDemo(account: Account, role: Exclude<AmiRole, 'owner'> = 'reader'): Promise<void> {
  const link = await json<CreatedInvitationView>(await owner.api(`/api/amis/${demo.amiId}/invitations`, { body: { role, expiresInDays: 1, maxUses: 1 } }), 201);
  await json(await account.session.api(`/api/invitations/${link.url.split('/invitation/')[1]}/accept`, { method: 'POST' }), 200);
}

const sockets: RawClient[] = [];

/** A socket on the demo AMI text opened with `session`, once the server has let it in. */
async function openSocket(session: ApiSession): Promise<RawClient> {
  const raw = rawClient(ts.syncUrl, demo.textDocument, session.credentials);
  sockets.push(raw);
  await raw.opened;
  await waitFor(() => raw.messages.length > 0, 'the socket joined the document');
  return raw;
}

const sessionRows = (userId: string) => db.prepare('SELECT id, user_id, expires_at, created_at FROM sessions WHERE user_id = ?').all(userId) as { id: string; expires_at: number }[];

beforeAll(async () => {
  ts = await startTestServer({}, { env: { EPROUVETTE_ADMIN_EMAIL: ADMIN_EMAIL, EPROUVETTE_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  db = new Database(path.join(ts.dataDir, 'eprouvette.db'), { timeout: 5_000 });
  demo = await ts.demo();
  owner = await ts.login(DEMO_ACCOUNTS.find((account) => account.role === 'owner')!.email);
});

afterAll(async () => {
  for (const raw of sockets) raw.socket.terminate();
  db?.close();
  await ts?.dispose();
});

describe('sign-up', () => {
  it('explains every invalid field in French, and creates nothing', async () => {
    const usersBefore = db.prepare('SELECT count(*) AS n FROM users').get();
    const response = await post(ts, '/api/auth/signup', {
      name: '   ',
      email: 'pas-une-adresse',
      organisation: { name: 'X', type: 'commune' },
      password: 'court',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
    const body = (await response.json()) as ApiError;
    expect(body.code).toBe('invalid-request');
    expect(body.error).toBe('Certains champs sont invalides : corrigez-les puis réessayez.');
    expect(body.fields).toEqual({
      name: 'Le nom est obligatoire.',
      email: 'Adresse e-mail invalide.',
      'organisation.name': 'Le nom de l\'organisation est obligatoire.',
      password: 'Le mot de passe doit compter au moins 12 caractères.',
    });
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual(usersBefore);
  });

  it('refuses a password of 11 characters and accepts one of 12', async () => {
    const email = `longueur.${++unique}@essai.example`;
    const short = await post(ts, '/api/auth/signup', signupBody(email, 'a'.repeat(11)));
    expect(short.status).toBe(400);
    expect(((await short.json()) as ApiError).fields).toEqual({ password: 'Le mot de passe doit compter au moins 12 caractères.' });
    expect(db.prepare('SELECT 1 FROM users WHERE email = ?').get(email)).toBeUndefined();
    await json(await post(ts, '/api/auth/signup', signupBody(email, 'a'.repeat(12))), 201);
  });

  it('refuses an address already taken (409), however it is typed', async () => {
    const account = await signup();
    const users = db.prepare('SELECT id, email, password_hash FROM users ORDER BY id').all();
    const response = await post(ts, '/api/auth/signup', signupBody(`  ${account.email.toUpperCase()} `, 'un autre mot de passe'));
    expect(response.status).toBe(409);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toEqual({
      error: 'Un compte existe déjà avec cette adresse e-mail : connectez-vous.',
      code: 'email-taken',
      fields: { email: 'Adresse déjà utilisée.' },
    });
    expect(db.prepare('SELECT id, email, password_hash FROM users ORDER BY id').all()).toEqual(users);
  });

  it('signs in with an HttpOnly, SameSite=Lax, Path=/ cookie, not Secure over plain http', async () => {
    const response = await post(ts, '/api/auth/signup', signupBody(`cookie.${++unique}@essai.example`));
    expect(response.status).toBe(201);
    const cookie = parseSetCookie(response.headers.get('set-cookie'));
    expect(cookie.name).toBe('eprouvette_session');
    expect(cookie.value).toMatch(/^[a-z2-7]{32}$/);
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toBe('Lax');
    expect(cookie.attributes.get('path')).toBe('/');
    expect(cookie.attributes.has('secure')).toBe(false);
    // Rounded down from the expiry in milliseconds: 30 days, give or take the second it took.
    expect(Number(cookie.attributes.get('max-age'))).toBeGreaterThan(30 * 24 * 3600 - 60);
    expect(Number(cookie.attributes.get('max-age'))).toBeLessThanOrEqual(30 * 24 * 3600);
  });

  it('makes the cookie Secure when EPROUVETTE_PUBLIC_URL is https', async () => {
    const secure = await startTestServer({}, { env: { EPROUVETTE_PUBLIC_URL: 'https://eprouvette.example', EPROUVETTE_DEMO: '0' } });
    try {
      const headers = { origin: 'https://eprouvette.example' };
      const email = `https.${++unique}@essai.example`;
      const signedUp = await post(secure, '/api/auth/signup', signupBody(email), headers);
      expect(signedUp.status).toBe(201);
      const cookie = parseSetCookie(signedUp.headers.get('set-cookie'));
      expect(cookie.attributes.has('secure')).toBe(true);
      expect(cookie.attributes.has('httponly')).toBe(true);
      expect(cookie.attributes.get('samesite')).toBe('Lax');
      const loggedIn = await post(secure, '/api/auth/login', { email, password: PASSWORD }, headers);
      expect(loggedIn.status).toBe(200);
      expect(parseSetCookie(loggedIn.headers.get('set-cookie')).attributes.has('secure')).toBe(true);
      // Behind the proxy, the page's Origin is the public one, not the address the server listens on.
      expect((await post(secure, '/api/auth/login', { email, password: PASSWORD })).status).toBe(403);
    } finally {
      await secure.dispose();
    }
  });
});

describe('log-in', () => {
  it('answers an unknown address and a wrong password identically', async () => {
    const account = await signup();
    const unknown = await post(ts, '/api/auth/login', { email: `personne.${++unique}@essai.example`, password: PASSWORD });
    const wrong = await post(ts, '/api/auth/login', { email: account.email, password: 'pas le bon mot de passe' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    const [unknownText, wrongText] = [await unknown.text(), await wrong.text()];
    expect(wrongText).toBe(unknownText);
    expect(JSON.parse(unknownText)).toEqual({ error: 'Adresse e-mail ou mot de passe incorrect.', code: 'wrong-credentials' });
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('keeps only the SHA-256 of the token in the database', async () => {
    const account = await signup();
    const token = tokenOf(account.session);
    const rows = db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const value of Object.values(row)) expect(String(value)).not.toContain(token);
    }
    expect(rows.filter((row) => row.id === sha256(token)).map((row) => row.user_id)).toEqual([account.me.id]);
  });
});

describe('session lifetime', () => {
  it('refuses an expired session (401), deletes its row and clears the cookie', async () => {
    const account = await signup();
    const id = sha256(tokenOf(account.session));
    db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?').run(Date.now() - 1_000, id);
    const response = await account.session.api('/api/me');
    expect(response.status).toBe(401);
    const cleared = parseSetCookie(response.headers.get('set-cookie'));
    expect(cleared.name).toBe('eprouvette_session');
    expect(cleared.value).toBe('');
    expect(db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(id)).toBeUndefined();
  });

  it('renews a session with less than 15 days left to a full 30 days, and says so with a new cookie', async () => {
    const account = await signup();
    const id = sha256(tokenOf(account.session));
    db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?').run(Date.now() + 10 * DAY_MS, id);
    const before = Date.now();
    const response = await account.session.api('/api/me');
    const after = Date.now();
    expect(response.status).toBe(200);
    const cookie = parseSetCookie(response.headers.get('set-cookie'));
    expect(`${cookie.name}=${cookie.value}`).toBe(account.session.cookie);
    expect(Number(cookie.attributes.get('max-age'))).toBeGreaterThan(29 * 24 * 3600);
    const row = db.prepare('SELECT expires_at FROM sessions WHERE id = ?').get(id) as { expires_at: number };
    expect(row.expires_at).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(row.expires_at).toBeLessThanOrEqual(after + 30 * DAY_MS);
    // Renewed once: the next request has nothing to renew.
    expect((await account.session.api('/api/me')).headers.get('set-cookie')).toBeNull();
  });
});

describe('ending sessions', () => {
  it('log-out clears the cookie, kills the token and closes the sockets opened with it (4401), not the others', async () => {
    const account = await signup();
    await joinDemo(account);
    const other = await secondSession(account);
    const [mine, theirs] = [await openSocket(account.session), await openSocket(other)];
    const response = await account.session.api('/api/auth/logout', { method: 'POST' });
    expect(response.status).toBe(200);
    expect(parseSetCookie(response.headers.get('set-cookie')).value).toBe('');
    expect(await mine.closed).toMatchObject({ code: CloseCode.Unauthenticated });
    expect((await account.session.api('/api/me')).status).toBe(401);
    expect(db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(sha256(tokenOf(account.session)))).toBeUndefined();
    // The other session and its socket live on; a round trip proves the socket is served.
    expect((await other.api('/api/me')).status).toBe(200);
    const heard = theirs.messages.length;
    theirs.socket.send(new Uint8Array([0, 0, 1, 0])); // SyncStep1 with an empty state vector
    await waitFor(() => theirs.messages.length > heard, 'an answer on the other session’s socket');
    expect(theirs.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('log-out everywhere ends every session of the account and closes all their sockets (4401)', async () => {
    const account = await signup();
    await joinDemo(account);
    const other = await secondSession(account);
    const sockets = [await openSocket(account.session), await openSocket(other)];
    expect(sessionRows(account.me.id)).toHaveLength(2);
    await json(await account.session.api('/api/me/logout-everywhere', { method: 'POST' }), 200);
    expect((await Promise.all(sockets.map((socket) => socket.closed))).map((event) => event.code)).toEqual([CloseCode.Unauthenticated, CloseCode.Unauthenticated]);
    expect((await account.session.api('/api/me')).status).toBe(401);
    expect((await other.api('/api/me')).status).toBe(401);
    expect(sessionRows(account.me.id)).toEqual([]);
  });

  it('changing the password ends the other sessions and their sockets, and keeps this one', async () => {
    const account = await signup();
    await joinDemo(account);
    const other = await secondSession(account);
    const [mine, theirs] = [await openSocket(account.session), await openSocket(other)];

    const wrong = await account.session.api('/api/me/password', { body: { currentPassword: 'pas le bon mot de passe', newPassword: 'un nouveau mot de passe' } });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as ApiError).fields).toEqual({ currentPassword: 'Mot de passe incorrect.' });
    expect((await other.api('/api/me')).status).toBe(200);
    const tooShort = await account.session.api('/api/me/password', { body: { currentPassword: PASSWORD, newPassword: 'court' } });
    expect(((await tooShort.json()) as ApiError).fields).toEqual({ newPassword: 'Le mot de passe doit compter au moins 12 caractères.' });

    await json(await account.session.api('/api/me/password', { body: { currentPassword: PASSWORD, newPassword: 'un nouveau mot de passe' } }), 200);
    expect(await theirs.closed).toMatchObject({ code: CloseCode.Unauthenticated });
    expect((await other.api('/api/me')).status).toBe(401);
    expect((await account.session.api('/api/me')).status).toBe(200);
    const heard = mine.messages.length;
    mine.socket.send(new Uint8Array([0, 0, 1, 0]));
    await waitFor(() => mine.messages.length > heard, 'an answer on this session’s socket');
    expect(mine.socket.readyState).toBe(WebSocket.OPEN);
    expect(sessionRows(account.me.id).map((row) => row.id)).toEqual([sha256(tokenOf(account.session))]);

    expect((await post(ts, '/api/auth/login', { email: account.email, password: PASSWORD })).status).toBe(401);
    expect((await post(ts, '/api/auth/login', { email: account.email, password: 'un nouveau mot de passe' })).status).toBe(200);
  });
});

describe('RGPD', () => {
  it('exports the account, its organisation, memberships and sessions as a JSON download, without the password hash', async () => {
    const account = await signup();
    await joinDemo(account, 'commenter');
    const response = await account.session.api('/api/me/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="eprouvette-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await response.text();
    const data = JSON.parse(text) as {
      account: Record<string, unknown>;
      organisation: { name: string; type: string };
      memberships: { amiId: string; amiTitle: string; role: string }[];
      sessions: unknown[];
    };
    expect(data.account).toMatchObject({ id: account.me.id, email: account.email, name: 'Agente de test', platformAdmin: false });
    expect(data.organisation).toMatchObject({ name: 'Commune d’Hesdin', type: 'commune' });
    expect(data.memberships).toEqual([expect.objectContaining({ amiId: demo.amiId, amiTitle: DEMO_AMI_TITLE, role: 'commenter' })]);
    expect(data.sessions).toHaveLength(1);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(tokenOf(account.session));
    expect(text).not.toContain(sha256(tokenOf(account.session)));
  });

  it('deletes the account only with its password; then log-in fails and memberships, sessions and sockets are gone', async () => {
    const account = await signup();
    await joinDemo(account);
    const socket = await openSocket(account.session);

    const missing = await account.session.api('/api/me', { method: 'DELETE', body: {} });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as ApiError).fields).toHaveProperty('password');
    const wrong = await account.session.api('/api/me', { method: 'DELETE', body: { password: 'pas le bon mot de passe' } });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'wrong-password', error: 'Mot de passe incorrect.' });
    expect((await account.session.api('/api/me')).status).toBe(200);

    const deleted = await account.session.api('/api/me', { method: 'DELETE', body: { password: PASSWORD } });
    expect(deleted.status).toBe(200);
    expect(parseSetCookie(deleted.headers.get('set-cookie')).value).toBe('');
    expect(await socket.closed).toMatchObject({ code: CloseCode.Unauthenticated });
    expect((await account.session.api('/api/me')).status).toBe(401);
    const login = await post(ts, '/api/auth/login', { email: account.email, password: PASSWORD });
    expect(login.status).toBe(401);
    expect(await login.json()).toEqual({ error: 'Adresse e-mail ou mot de passe incorrect.', code: 'wrong-credentials' });
    expect(db.prepare('SELECT 1 FROM users WHERE id = ?').get(account.me.id)).toBeUndefined();
    expect(db.prepare('SELECT 1 FROM memberships WHERE user_id = ?').get(account.me.id)).toBeUndefined();
    expect(sessionRows(account.me.id)).toEqual([]);
    const members = await json<MemberView[]>(await owner.api(`/api/amis/${demo.amiId}/members`), 200);
    expect(members.map((member) => member.userId)).not.toContain(account.me.id);
  });
});

describe('log-in rate limit', () => {
  it('refuses the 11th quick attempt on one account with 429, Retry-After and a French message, even with the right password', async () => {
    const server = await startTestServer({}, { env: { EPROUVETTE_DEMO: '0' } });
    try {
      const account = await signup(server, 'cible');
      const bystander = await signup(server, 'voisin');
      for (let attempt = 1; attempt <= 10; attempt++) {
        expect((await post(server, '/api/auth/login', { email: account.email, password: `mauvais ${attempt}` })).status, `attempt ${attempt}`).toBe(401);
      }
      const limited = await post(server, '/api/auth/login', { email: account.email, password: PASSWORD });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited.headers.get('set-cookie')).toBeNull();
      const body = (await limited.json()) as ApiError;
      expect(body.code).toBe('rate-limited');
      expect(body.error).toMatch(/^Trop de tentatives[^.]*\. Réessayez dans \d+ minutes?\.$/);
      // The limit is the account's: another account from the same address still logs in.
      expect((await post(server, '/api/auth/login', { email: bystander.email, password: PASSWORD })).status).toBe(200);
    } finally {
      await server.dispose();
    }
  });

  it('limits one address trying many accounts to a burst of 30', async () => {
    const server = await startTestServer({}, { env: { EPROUVETTE_DEMO: '0' } });
    try {
      const account = await signup(server, 'legitime');
      const statuses: number[] = [];
      // The bucket refills one attempt per 10 s: allow for a slow machine, never fewer than 30.
      while (statuses.length < 40 && !statuses.includes(429)) {
        statuses.push((await post(server, '/api/auth/login', { email: `inconnu.${statuses.length}@essai.example`, password: PASSWORD })).status);
      }
      expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(30);
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
      expect((await post(server, '/api/auth/login', { email: account.email, password: PASSWORD })).status).toBe(429);
    } finally {
      await server.dispose();
    }
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request without Origin or from another site (403), and changes nothing', async () => {
    const account = await signup();
    const hashBefore = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(account.me.id);
    const attempts: { method: string; apiPath: string; body?: unknown }[] = [
      { method: 'POST', apiPath: '/api/me/password', body: { currentPassword: PASSWORD, newPassword: 'choisi par un autre site' } },
      { method: 'POST', apiPath: '/api/auth/logout' },
      { method: 'POST', apiPath: '/api/me/logout-everywhere' },
      { method: 'DELETE', apiPath: '/api/me', body: { password: PASSWORD } },
      { method: 'POST', apiPath: `/api/invitations/${'a'.repeat(32)}/accept` },
      { method: 'POST', apiPath: '/api/auth/login', body: { email: account.email, password: PASSWORD } },
    ];
    for (const foreign of [undefined, EVIL_ORIGIN, 'null']) {
      for (const { method, apiPath, body } of attempts) {
        const response = await fetch(`${ts.httpUrl}${apiPath}`, {
          method,
          headers: { cookie: account.session.cookie, 'content-type': 'application/json', ...(foreign !== undefined && { origin: foreign }) },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        expect(response.status, `${method} ${apiPath} from ${foreign ?? 'no origin'}`).toBe(403);
        expect(await response.json()).toEqual({ error: 'Requête refusée : elle ne vient pas d’Éprouvette.', code: 'cross-origin' });
        expect(response.headers.get('set-cookie')).toBeNull();
      }
    }
    expect(db.prepare('SELECT password_hash FROM users WHERE id = ?').get(account.me.id)).toEqual(hashBefore);
    expect(sessionRows(account.me.id)).toHaveLength(1);
    // Reading needs no Origin: a link followed from elsewhere still opens the page.
    const read = await fetch(`${ts.httpUrl}/api/me`, { headers: { cookie: account.session.cookie } });
    expect(read.status).toBe(200);
  });
});

describe('platform administrator from the environment', () => {
  it('is created at start and may create an AMI; a normal account may not', async () => {
    const admin = await ts.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(await json(await admin.api('/api/me'), 200)).toMatchObject({ email: ADMIN_EMAIL, platformAdmin: true });
    const input = { title: 'AMI de l’opérateur', domain: 'pilotage-energetique', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] };
    const created = await json<{ id: string; role: string }>(await admin.api('/api/amis', { body: input }), 201);
    expect(created.role).toBe('owner');

    const account = await signup();
    expect((await account.session.api('/api/me').then((response) => response.json())) as MeView).toMatchObject({ platformAdmin: false });
    const countBefore = db.prepare('SELECT count(*) AS n FROM amis').get();
    const refused = await account.session.api('/api/amis', { body: { ...input, title: 'AMI d’une agente' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'platform-admin-only', error: 'Seul un administrateur de la plateforme peut créer un AMI.' });
    expect(db.prepare('SELECT count(*) AS n FROM amis').get()).toEqual(countBefore);
  });
});
