import { z } from 'zod';
import { amiRoleSchema } from '../model/roles.ts';

/** Invitation links expire after 1 to 90 days and serve 1 to 500 sign-ups. */
export const INVITATION_MAX_DAYS = 90;
export const INVITATION_MAX_USES = 500;

export const invitationCreateSchema = z.object({
  role: amiRoleSchema.exclude(['owner']),
  expiresInDays: z
    .number()
    .int()
    .min(1, 'Un lien doit rester valable au moins un jour.')
    .max(INVITATION_MAX_DAYS, `Un lien ne peut pas rester valable plus de ${INVITATION_MAX_DAYS} jours.`),
  maxUses: z
    .number()
    .int()
    .min(1, 'Un lien doit servir au moins une fois.')
    .max(INVITATION_MAX_USES, `Un lien ne peut pas servir plus de ${INVITATION_MAX_USES} fois.`),
});

export const memberRoleChangeSchema = z.object({ role: amiRoleSchema });

/** The secret part of an invitation URL: 20 random bytes in lowercase base32 (32 characters). */
export const invitationTokenSchema = z.string().regex(/^[a-z2-7]{32}$/, 'Lien d’invitation invalide.');

export type InvitationCreateInput = z.infer<typeof invitationCreateSchema>;
