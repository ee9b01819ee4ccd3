import { createMiddleware } from 'hono/factory';
import { validateSessionToken } from '../auth/sessions.ts';
import type { AppEnv } from './context.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie.ts';

/** Resolves the session cookie into `user` / `session` for every API request; never refuses. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const { sql, config } = c.var.services;
  const token = sessionTokenOf(c);
  c.set('user', null);
  c.set('session', null);
  if (token !== undefined) {
    const valid = await validateSessionToken(sql, token);
    if (valid === null) {
      clearSessionCookie(c, config.publicUrl);
    } else {
      c.set('user', valid.user);
      c.set('session', valid.session);
      if (valid.renewed) setSessionCookie(c, token, valid.session.expiresAt, config.publicUrl);
    }
  }
  await next();
});
