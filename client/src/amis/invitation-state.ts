/** Whether an invitation link can still be used, for the list of links. */
import type { InvitationView } from '@eprouvette/shared';
import { isPast } from '../i18n/format.ts';

export type InvitationState = 'active' | 'revoked' | 'expired' | 'used-up';

/** Same order as the server's reasons: revoked, then expired, then used up. */
export function invitationState(invitation: InvitationView, now: number = Date.now()): InvitationState {
  if (invitation.revoked) return 'revoked';
  if (isPast(invitation.expiresAt, now)) return 'expired';
  if (invitation.uses >= invitation.maxUses) return 'used-up';
  return 'active';
}
