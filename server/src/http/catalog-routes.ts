import { Hono } from 'hono';
import type { ApiError } from '@eprouvette/shared';
import { domainInputSchema, slugifyDomainName } from '@eprouvette/shared';
import { platformActor } from '../access/actors.ts';
import { getDomain, insertDomain, listDomains } from '../records/domains.ts';
import { listOrganisations } from '../records/organisations.ts';
import { check } from './ami-access.ts';
import type { AppEnv } from './context.ts';
import { refused } from './refusals.ts';
import { jsonBody } from './validate.ts';

/** /api/domains (platform admins add them) and /api/organisations (offered at sign-up). */
export const domainRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    if (c.var.user === null) return refused(c, { allowed: false, code: 'unauthenticated', reason: 'Vous devez vous connecter.' });
    return c.json(await listDomains(c.var.services.sql), 200);
  })
  .post('/', jsonBody(domainInputSchema), async (c) => {
    const { sql } = c.var.services;
    const refusal = check(platformActor(c.var.user), 'domain.create', { type: 'platform' });
    if (refusal !== null) return refused(c, refusal);
    const { name } = c.req.valid('json');
    const slug = slugifyDomainName(name);
    if (slug === null) return c.json({ error: 'Ce nom ne contient ni lettre ni chiffre.', code: 'invalid-request', fields: { name: 'Nom invalide.' } } satisfies ApiError, 400);
    if (!(await insertDomain(sql, { slug, name }))) {
      return c.json({ error: 'Un domaine porte déjà ce nom.', code: 'domain-taken', fields: { name: 'Nom déjà pris.' } } satisfies ApiError, 409);
    }
    return c.json((await getDomain(sql, slug))!, 201);
  });

/**
 * The organisations already known, so that agents of one collectivité pick the same one at sign-up.
 * Public (sign-up happens signed out); names and types of public bodies only.
 */
export const organisationRoutes = new Hono<AppEnv>().get('/', async (c) => c.json(await listOrganisations(c.var.services.sql), 200));
