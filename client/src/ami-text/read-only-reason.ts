/**
 * Why the AMI text opens read-only, in words: the server only says « read-only » on the sync
 * socket; the AMI view says why, in the order of the permission function's checks (role first,
 * then the clôturé status).
 */
import type { AmiRole, AmiStatus } from '@eprouvette/shared';
import type { MessageKey } from '../i18n/index.ts';

export function textReadOnlyReason(ami: { role: AmiRole; status: AmiStatus }): MessageKey {
  if (ami.role === 'reader') return 'amiText.readOnly.reader';
  if (ami.role === 'commenter' || ami.role === 'editor') return 'amiText.readOnly.notAdmin';
  if (ami.status === 'cloture') return 'amiText.readOnly.amiClosed';
  // The view allowed writing when the page loaded: access was lowered since.
  return 'amiText.readOnly.changed';
}
