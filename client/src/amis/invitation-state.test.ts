import { describe, expect, it } from 'vitest';
import type { InvitationView } from '@eprouvette/shared';
import { invitationState } from './invitation-state.ts';

const now = Date.parse('2026-03-02T12:00:00Z');
const link: InvitationView = {
  id: 'aaaaaaaaaaaaaaaa',
  role: 'editor',
  expiresAt: '2026-03-16T12:00:00.000Z',
  maxUses: 10,
  uses: 3,
  revoked: false,
  createdBy: 'Claire Vasseur',
  createdAt: '2026-03-02T11:00:00.000Z',
};

describe('invitationState', () => {
  it('is active while not revoked, expired or used up', () => {
    expect(invitationState(link, now)).toBe('active');
  });

  it('says why it cannot be used, revocation first', () => {
    expect(invitationState({ ...link, revoked: true, uses: 10, expiresAt: '2026-03-01T00:00:00Z' }, now)).toBe('revoked');
    expect(invitationState({ ...link, uses: 10, expiresAt: '2026-03-01T00:00:00Z' }, now)).toBe('expired');
    expect(invitationState({ ...link, uses: 10 }, now)).toBe('used-up');
  });
});
