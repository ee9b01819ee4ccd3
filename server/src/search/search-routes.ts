/** /api/search?q=…: what the signed-in user may see that matches, grouped by AMI. */
import { Hono } from 'hono';
import { searchQuerySchema } from '@eprouvette/shared';
import type { AppEnv } from '../http/context.ts';
import { refused } from '../http/refusals.ts';
import { queryOf } from '../http/validate.ts';
import { searchFor } from './search-results.ts';

export const searchRoutes = new Hono<AppEnv>().get('/', queryOf(searchQuerySchema), async (c) => {
  const user = c.var.user;
  if (user === null) return refused(c, { allowed: false, code: 'unauthenticated', reason: 'Vous devez vous connecter.' });
  return c.json(await searchFor(c.var.services.sql, user, c.req.valid('query').q), 200);
});
