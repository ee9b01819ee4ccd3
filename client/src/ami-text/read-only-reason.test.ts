import { describe, expect, it } from 'vitest';
import { AMI_ROLES, AMI_STATUSES, can } from '@eprouvette/shared';
import { textReadOnlyReason } from './read-only-reason.ts';

const AMI_ID = 'aaaaaaaaaaaaaaaa';

describe('textReadOnlyReason', () => {
  it('names the role first, then the clôturé status, then a change since the page loaded', () => {
    expect(textReadOnlyReason({ role: 'reader', status: 'cloture' })).toBe('amiText.readOnly.reader');
    expect(textReadOnlyReason({ role: 'commenter', status: 'publie' })).toBe('amiText.readOnly.notAdmin');
    expect(textReadOnlyReason({ role: 'editor', status: 'brouillon' })).toBe('amiText.readOnly.notAdmin');
    expect(textReadOnlyReason({ role: 'admin', status: 'cloture' })).toBe('amiText.readOnly.amiClosed');
    expect(textReadOnlyReason({ role: 'owner', status: 'ateliers' })).toBe('amiText.readOnly.changed');
  });

  it('gives a reason of its own exactly where the permission function refuses to edit the text', () => {
    for (const role of AMI_ROLES) {
      for (const status of AMI_STATUSES) {
        const actor = { userId: 'uuuuuuuuuuuuuuuu', platformAdmin: false, organisationId: null, membership: { amiId: AMI_ID, role } };
        const allowed = can(actor, 'amiText.edit', { type: 'ami', amiId: AMI_ID, status });
        expect(textReadOnlyReason({ role, status }) === 'amiText.readOnly.changed', `${role} × ${status}`).toBe(allowed);
      }
    }
  });
});
