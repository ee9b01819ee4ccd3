import { Hono } from 'hono';
import type { ApiError } from '@eprouvette/shared';
import { changePasswordSchema, decide, deleteAccountSchema } from '@eprouvette/shared';
import { platformActor } from '../access/actors.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { listUserMemberships } from '../records/memberships.ts';
import { getOrganisation } from '../records/organisations.ts';
import { personalData } from '../records/personal-data.ts';
import { deleteOtherSessions, deleteUserSessions, listUserSessions } from '../records/sessions.ts';
import { deleteUser, setPasswordHash, type User } from '../records/users.ts';
import type { AppEnv } from './context.ts';
import { refused, type Refusal } from './refusals.ts';
import { clearSessionCookie } from './session-cookie.ts';
import { jsonBody } from './validate.ts';
import { meView } from './views.ts';

const WRONG_PASSWORD: ApiError = { error: 'Mot de passe incorrect.', code: 'wrong-password', fields: { password: 'Mot de passe incorrect.' } };

type AccountAction = 'account.view' | 'account.changePassword' | 'account.logoutEverywhere' | 'account.exportData' | 'account.delete';

/** Every account route acts on the signed-in user's own account, through `decide` like the rest. */
function ownAccount(user: User | null, action: AccountAction): { ok: true; user: User } | { ok: false; refusal: Refusal } {
  const decision = decide(platformActor(user), action, { type: 'account', userId: user?.id ?? '' });
  if (!decision.allowed) return { ok: false, refusal: decision };
  return user === null ? { ok: false, refusal: { allowed: false, code: 'unauthenticated', reason: 'Vous devez vous connecter.' } } : { ok: true, user };
}

/** /api/me: my account, password, sessions, RGPD export and deletion. */
export const accountRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const auth = ownAccount(c.var.user, 'account.view');
    if (!auth.ok) return refused(c, auth.refusal);
    const { user } = auth;
    const organisation = user.organisationId === null ? null : await getOrganisation(c.var.services.sql, user.organisationId);
    return c.json(meView(user, organisation), 200);
  })
  .post('/password', jsonBody(changePasswordSchema), async (c) => {
    const { sql, liveAccess } = c.var.services;
    const auth = ownAccount(c.var.user, 'account.changePassword');
    if (!auth.ok) return refused(c, auth.refusal);
    const { user } = auth;
    const session = c.var.session!;
    const { currentPassword, newPassword } = c.req.valid('json');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      return c.json({ ...WRONG_PASSWORD, fields: { currentPassword: 'Mot de passe incorrect.' } }, 400);
    }
    await setPasswordHash(sql, user.id, await hashPassword(newPassword));
    // Whoever knew the old password is logged out everywhere else; this browser stays signed in.
    await deleteOtherSessions(sql, user.id, session.id);
    liveAccess.endSessions({ userId: user.id, exceptSessionId: session.id });
    return c.json({ ok: true as const }, 200);
  })
  .post('/logout-everywhere', async (c) => {
    const { sql, config, liveAccess } = c.var.services;
    const auth = ownAccount(c.var.user, 'account.logoutEverywhere');
    if (!auth.ok) return refused(c, auth.refusal);
    const { user } = auth;
    await deleteUserSessions(sql, user.id);
    liveAccess.endSessions({ userId: user.id });
    clearSessionCookie(c, config.publicUrl);
    return c.json({ ok: true as const }, 200);
  })
  .get('/export', async (c) => {
    const { sql } = c.var.services;
    const auth = ownAccount(c.var.user, 'account.exportData');
    if (!auth.ok) return refused(c, auth.refusal);
    const { user } = auth;
    const organisation = user.organisationId === null ? null : await getOrganisation(sql, user.organisationId);
    const memberships = await listUserMemberships(sql, user.id);
    const sessions = await listUserSessions(sql, user.id);
    const iso = (ms: number) => new Date(ms).toISOString();
    c.header('Content-Disposition', `attachment; filename="eprouvette-mes-donnees-${new Date().toISOString().slice(0, 10)}.json"`);
    return c.json(
      {
        exportedAt: iso(Date.now()),
        account: { id: user.id, name: user.name, email: user.email, platformAdmin: user.platformAdmin, createdAt: iso(user.createdAt) },
        organisation,
        memberships: memberships.map((m) => ({ amiId: m.amiId, amiTitle: m.amiTitle, role: m.role, since: iso(m.since) })),
        sessions: sessions.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt) })),
        ...(await personalData(sql, user.id)),
        note: 'Le contenu que vous avez écrit dans les tableaux et les textes appartient aux AMI ; demandez-en l’export à leurs administrateurs.',
      },
      200,
    );
  })
  .delete('/', jsonBody(deleteAccountSchema), async (c) => {
    const { sql, config, liveAccess } = c.var.services;
    const auth = ownAccount(c.var.user, 'account.delete');
    if (!auth.ok) return refused(c, auth.refusal);
    const { user } = auth;
    if (!(await verifyPassword(user.passwordHash, c.req.valid('json').password))) return c.json(WRONG_PASSWORD, 400);
    await deleteUser(sql, user.id);
    liveAccess.endSessions({ userId: user.id });
    clearSessionCookie(c, config.publicUrl);
    return c.json({ ok: true as const }, 200);
  });
