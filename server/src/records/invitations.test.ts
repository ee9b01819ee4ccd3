import { describe, expect, it } from 'vitest';
import { invitationUnusableReason, type InvitationRecord } from './invitations.ts';

const now = 1_800_000_000_000;
const link: InvitationRecord = {
  id: 'aaaaaaaaaaaaaaaa',
  amiId: 'bbbbbbbbbbbbbbbb',
  role: 'editor',
  expiresAt: now + 1000,
  maxUses: 3,
  uses: 2,
  revokedAt: null,
  createdByName: 'Claire',
  createdAt: now - 1000,
};

describe('invitationUnusableReason', () => {
  it('is null for a live link with uses left', () => {
    expect(invitationUnusableReason(link, now)).toBeNull();
  });

  it.each([
    ['revoked', { revokedAt: now - 1 }, 'révoqué'],
    ['expired at the exact instant', { expiresAt: now }, 'expiré'],
    ['used up', { uses: 3 }, 'nombre de fois prévu'],
  ])('says why when %s', (_label, change, words) => {
    expect(invitationUnusableReason({ ...link, ...change }, now)).toContain(words);
  });
});
