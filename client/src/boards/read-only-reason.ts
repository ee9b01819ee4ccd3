/**
 * Why a board opens read-only, in words: the server only says « read-only » on the sync socket,
 * the board and AMI views say why (the same order of checks as the permission function).
 */
import type { AmiRole, AmiStatus, BoardView } from '@eprouvette/shared';
import type { MessageKey } from '../i18n/index.ts';

export function boardReadOnlyReason(board: Pick<BoardView, 'role' | 'archived'>, ami: { status: AmiStatus; role: AmiRole }): MessageKey {
  if (board.role === 'reader') return 'readOnly.reason.reader';
  if (board.role === 'commenter') return ami.role === 'commenter' ? 'readOnly.reason.commenter' : 'readOnly.reason.restricted';
  if (ami.status === 'cloture') return 'readOnly.reason.amiClosed';
  if (board.archived) return 'readOnly.reason.archived';
  // The view allowed writing when the page loaded: access was lowered since.
  return 'readOnly.reason.changed';
}
