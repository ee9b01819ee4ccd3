import { Hono } from 'hono';
import type { ApiError, CreatedInvitationView, InvitationPreviewView } from '@eprouvette/shared';
import { invitationCreateSchema, invitationTokenSchema, roleAtLeast } from '@eprouvette/shared';
import { generateToken, hashToken } from '../auth/session-tokens.ts';
import { getAmi } from '../records/amis.ts';
import {
  consumeInvitation,
  findInvitationByTokenHash,
  getInvitation,
  insertInvitation,
  invitationUnusableReason,
  listInvitations,
  revokeInvitation,
  toInvitationView,
} from '../records/invitations.ts';
import { getMembershipRole, grantMembership, removeMembersOfInvitation } from '../records/memberships.ts';
import { newId } from '../records/new-id.ts';
import { authorizeOnAmi, NOT_FOUND } from './ami-access.ts';
import type { AppEnv } from './context.ts';
import { refused } from './refusals.ts';
import { idParams, jsonBody } from './validate.ts';

const DAY_MS = 24 * 3600 * 1000;
const INVALID_LINK: ApiError = { error: 'Ce lien d’invitation n’existe pas.', code: 'not-found' };

/** /api/amis/:amiId/invitations: links managed by the AMI's admins and owners. */
export const amiInvitationRoutes = new Hono<AppEnv>()
  .get('/:amiId/invitations', idParams('amiId'), async (c) => {
    const { sql } = c.var.services;
    const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.manageInvitations');
    if (!loaded.ok) return refused(c, loaded.refusal);
    return c.json((await listInvitations(sql, loaded.ami.id)).map(toInvitationView), 200);
  })
  .post('/:amiId/invitations', idParams('amiId'), jsonBody(invitationCreateSchema), async (c) => {
    const { sql, config } = c.var.services;
    const input = c.req.valid('json');
    const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.manageInvitations', { invitationRole: input.role });
    if (!loaded.ok) return refused(c, loaded.refusal);
    // Like a session token, the link's secret is shown once and only its hash is kept.
    const token = generateToken();
    const id = newId();
    await insertInvitation(sql, {
      id,
      amiId: loaded.ami.id,
      tokenHash: hashToken(token),
      role: input.role,
      expiresAt: Date.now() + input.expiresInDays * DAY_MS,
      maxUses: input.maxUses,
      createdBy: loaded.actor.userId,
    });
    const created = (await getInvitation(sql, loaded.ami.id, id))!;
    const origin = config.publicUrl ?? new URL(c.req.url).origin;
    const view: CreatedInvitationView = { ...toInvitationView(created), url: `${origin}/invitation/${token}` };
    return c.json(view, 201);
  })
  .post('/:amiId/invitations/:invitationId/revoke', idParams('amiId', 'invitationId'), async (c) => {
    const { sql, liveAccess } = c.var.services;
    const { amiId, invitationId } = c.req.valid('param');
    const loaded = await authorizeOnAmi(sql, c.var.user, amiId, 'ami.manageInvitations');
    if (!loaded.ok) return refused(c, loaded.refusal);
    const invitation = await getInvitation(sql, amiId, invitationId);
    if (invitation === null) return refused(c, NOT_FOUND);
    // Revoking takes back the access the link gave (like turning off link sharing): members who
    // joined through it, unless an admin has since set their role by hand.
    const removed = await sql.transaction(async (tx) => {
      await revokeInvitation(tx, invitationId);
      return removeMembersOfInvitation(tx, invitationId);
    });
    await Promise.all(removed.map((userId) => liveAccess.refreshMember(amiId, userId)));
    return c.json({ ok: true as const, removedMembers: removed.length }, 200);
  });

/** /api/invitations/:token: what a link offers (anyone holding it), and accepting it (signed in). */
export const invitationRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const { sql } = c.var.services;
    const token = invitationTokenSchema.safeParse(c.req.param('token'));
    const invitation = token.success ? await findInvitationByTokenHash(sql, hashToken(token.data)) : null;
    const ami = invitation === null ? null : await getAmi(sql, invitation.amiId);
    if (invitation === null || ami === null) return c.json(INVALID_LINK, 404);
    const reason = invitationUnusableReason(invitation);
    const view: InvitationPreviewView = {
      amiId: ami.id,
      amiTitle: ami.title,
      domain: ami.domain,
      role: invitation.role,
      expiresAt: new Date(invitation.expiresAt).toISOString(),
      usable: reason === null,
      reason,
    };
    return c.json(view, 200);
  })
  .post('/:token/accept', async (c) => {
    const { sql, liveAccess } = c.var.services;
    const user = c.var.user;
    if (user === null) return refused(c, { allowed: false, code: 'unauthenticated', reason: 'Connectez-vous ou créez un compte pour accepter cette invitation.' });
    const token = invitationTokenSchema.safeParse(c.req.param('token'));
    const invitation = token.success ? await findInvitationByTokenHash(sql, hashToken(token.data)) : null;
    if (invitation === null) return c.json(INVALID_LINK, 404);
    const current = await getMembershipRole(sql, invitation.amiId, user.id);
    // Already there with as much: nothing to take from the link's uses.
    if (user.platformAdmin || roleAtLeast(current, invitation.role)) {
      return c.json({ amiId: invitation.amiId, role: user.platformAdmin ? ('owner' as const) : current! }, 200);
    }
    const role = await sql.transaction(async (tx) => {
      if (!(await consumeInvitation(tx, invitation.id))) return null;
      return grantMembership(tx, { amiId: invitation.amiId, userId: user.id, role: invitation.role, invitationId: invitation.id });
    });
    if (role === null) {
      return c.json({ error: invitationUnusableReason(invitation) ?? 'Ce lien d’invitation ne peut plus servir.', code: 'invitation-unusable' } satisfies ApiError, 410);
    }
    await liveAccess.refreshMember(invitation.amiId, user.id);
    return c.json({ amiId: invitation.amiId, role }, 200);
  });
