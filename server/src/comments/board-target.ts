import type { Action, ActionResources, Actor, BoardResource, Id } from '@eprouvette/shared';
import { commentsOf, documentName, isId, type DocumentRef } from '@eprouvette/shared';
import { boardResource } from '../access/actors.ts';
import { check, loadAmi, NOT_FOUND, type Loaded } from '../http/ami-access.ts';
import type { AmiRecord } from '../records/amis.ts';
import { getBoard, type BoardRecord } from '../records/boards.ts';
import type { User } from '../records/users.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import { boardAnchorProblem } from './board-anchor-check.ts';
import type { CommentTargetResolver } from './comment-target.ts';

type BoardAction = { [A in Action]: ActionResources[A] extends BoardResource ? A : never }[Action];

const NOT_BOARD = 'Un commentaire sur un tableau se place sur un élément ou un point du tableau.';

/**
 * The AMI, the board and the user, once `action` is decided on the board: a board of another AMI
 * or a missing one is refused like a non-member (404), so ids cannot be probed.
 */
export async function authorizeOnBoard(
  sql: SqlClient,
  user: User | null,
  amiId: Id,
  boardId: Id,
  action: BoardAction,
): Promise<Loaded<{ ami: AmiRecord; board: BoardRecord; actor: Actor }>> {
  const loaded = await loadAmi(sql, user, amiId);
  if (!loaded.ok) return loaded;
  const board = await getBoard(sql, amiId, boardId);
  if (board === null) return { ok: false, refusal: NOT_FOUND };
  const refusal = check(loaded.actor, action, boardResource(loaded.ami, board));
  return refusal === null ? { ok: true, ami: loaded.ami, board, actor: loaded.actor } : { ok: false, refusal };
}

/**
 * `/api/amis/:amiId/boards/:boardId/comments…`: a board, commented by its commenters and above
 * (`board.comment`) — experts included, on proposals they may not edit.
 */
export const boardTarget: CommentTargetResolver = async (c) => {
  const amiId = c.req.param('amiId') ?? '';
  const boardId = c.req.param('boardId') ?? '';
  if (!isId(amiId) || !isId(boardId)) return { ok: false, refusal: NOT_FOUND };
  const { sql, liveDocuments } = c.var.services;
  const loaded = await authorizeOnBoard(sql, c.var.user, amiId, boardId, 'board.comment');
  if (!loaded.ok) return loaded;
  const board: DocumentRef = { kind: 'board', amiId, boardId };
  return {
    ok: true,
    actor: loaded.actor,
    target: {
      amiId,
      commentsDocument: documentName(commentsOf(board)),
      checkAnchor: async (anchor) => (anchor.kind === 'board' ? boardAnchorProblem(await liveDocuments.state(documentName(board)), anchor) : NOT_BOARD),
    },
  };
};
