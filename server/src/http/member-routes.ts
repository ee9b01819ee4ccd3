import { Hono, type Context } from 'hono';
import type { AmiRole } from '@eprouvette/shared';
import { memberRoleChangeSchema } from '@eprouvette/shared';
import { amiResource } from '../access/actors.ts';
import { countOwners, getMembershipRole, listMembers, removeMember, setMemberRole } from '../records/memberships.ts';
import { authorizeOnAmi, check, NOT_FOUND } from './ami-access.ts';
import type { AppEnv } from './context.ts';
import { conflict, refused } from './refusals.ts';
import { idParams, jsonBody } from './validate.ts';

const LAST_OWNER = 'Cet AMI doit garder au moins un propriétaire : nommez-en un autre d’abord.';

/** /api/amis/:amiId/members: list, change a role, remove. Admins and owners only. */
export const memberRoutes = new Hono<AppEnv>()
  .get('/:amiId/members', idParams('amiId'), async (c) => {
    const { sql } = c.var.services;
    const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.manageMembers');
    if (!loaded.ok) return refused(c, loaded.refusal);
    return c.json(await listMembers(sql, loaded.ami.id), 200);
  })
  .patch('/:amiId/members/:userId', idParams('amiId', 'userId'), jsonBody(memberRoleChangeSchema), async (c) => {
    const { sql, liveAccess } = c.var.services;
    const { amiId, userId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    return changeMembership(c, amiId, userId, role, async (from) => {
      if (from === role) return;
      await setMemberRole(sql, amiId, userId, role);
      await liveAccess.refreshMember(amiId, userId);
    });
  })
  .delete('/:amiId/members/:userId', idParams('amiId', 'userId'), async (c) => {
    const { sql, liveAccess } = c.var.services;
    const { amiId, userId } = c.req.valid('param');
    return changeMembership(c, amiId, userId, null, async () => {
      await removeMember(sql, amiId, userId);
      await liveAccess.refreshMember(amiId, userId);
    });
  });

/** Checks a role change or a removal (`to: null`), keeps one owner, then applies it. */
async function changeMembership(
  c: Context<AppEnv>,
  amiId: string,
  userId: string,
  to: AmiRole | null,
  apply: (from: AmiRole) => Promise<void>,
) {
  const { sql } = c.var.services;
  const loaded = await authorizeOnAmi(sql, c.var.user, amiId, 'ami.manageMembers');
  if (!loaded.ok) return refused(c, loaded.refusal);
  const from = await getMembershipRole(sql, amiId, userId);
  if (from === null) return refused(c, NOT_FOUND);
  if (from !== to) {
    const refusal = check(loaded.actor, 'ami.manageMembers', { ...amiResource(loaded.ami), change: { from, to } });
    if (refusal !== null) return refused(c, refusal);
    if (from === 'owner' && (await countOwners(sql, amiId)) <= 1) return conflict(c, LAST_OWNER, 'last-owner');
  }
  await apply(from);
  return c.json({ ok: true as const }, 200);
}
