import { Hono, type Context } from 'hono';
import type { ApiError } from '@eprouvette/shared';
import { loginSchema, signupSchema } from '@eprouvette/shared';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../auth/passwords.ts';
import { createSession } from '../auth/sessions.ts';
import { findOrCreateOrganisation, getOrganisation } from '../records/organisations.ts';
import { deleteSession } from '../records/sessions.ts';
import { createUser, findUserByEmail } from '../records/users.ts';
import { clientIp } from './client-ip.ts';
import type { AppEnv } from './context.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { jsonBody } from './validate.ts';
import { meView } from './views.ts';

const WRONG_CREDENTIALS: ApiError = { error: 'Adresse e-mail ou mot de passe incorrect.', code: 'wrong-credentials' };

function tooManyAttempts(c: Context, waitSeconds: number) {
  c.header('Retry-After', String(waitSeconds));
  const minutes = Math.ceil(waitSeconds / 60);
  return c.json({ error: `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`, code: 'rate-limited' } satisfies ApiError, 429);
}

/** POST /api/auth/signup, /login, /logout. */
export const authRoutes = new Hono<AppEnv>()
  .post('/signup', jsonBody(signupSchema), async (c) => {
    const { sql, config, signupLimiter } = c.var.services;
    const wait = signupLimiter.take(clientIp(c, config.publicUrl !== undefined));
    if (wait > 0) return tooManyAttempts(c, wait);
    const input = c.req.valid('json');
    // Hashed before anything is written, so the rows are created in two quick statements.
    const passwordHash = await hashPassword(input.password);
    const organisation = await findOrCreateOrganisation(sql, input.organisation);
    const user = await createUser(sql, { email: input.email, name: input.name, organisationId: organisation.id, passwordHash });
    if (user === null) {
      return c.json({ error: 'Un compte existe déjà avec cette adresse e-mail : connectez-vous.', code: 'email-taken', fields: { email: 'Adresse déjà utilisée.' } } satisfies ApiError, 409);
    }
    const { token, session } = await createSession(sql, user.id);
    setSessionCookie(c, token, session.expiresAt, config.publicUrl);
    return c.json(meView(user, organisation), 201);
  })
  .post('/login', jsonBody(loginSchema), async (c) => {
    const { sql, config, loginLimiter, logger } = c.var.services;
    const { email, password } = c.req.valid('json');
    const ip = clientIp(c, config.publicUrl !== undefined);
    const wait = loginLimiter.take(ip, email);
    if (wait > 0) {
      logger.warn('auth', 'login rate limited', { ip });
      return tooManyAttempts(c, wait);
    }
    const user = await findUserByEmail(sql, email);
    const ok = user === null ? await verifyAgainstNothing(password) : await verifyPassword(user.passwordHash, password);
    if (user === null || !ok) return c.json(WRONG_CREDENTIALS, 401);
    const { token, session } = await createSession(sql, user.id);
    setSessionCookie(c, token, session.expiresAt, config.publicUrl);
    const organisation = user.organisationId === null ? null : await getOrganisation(sql, user.organisationId);
    return c.json(meView(user, organisation), 200);
  })
  .post('/logout', async (c) => {
    const { sql, config, liveAccess } = c.var.services;
    const session = c.var.session;
    if (session !== null) {
      await deleteSession(sql, session.id);
      liveAccess.endSessions({ sessionId: session.id });
    }
    clearSessionCookie(c, config.publicUrl);
    return c.json({ ok: true as const }, 200);
  });
