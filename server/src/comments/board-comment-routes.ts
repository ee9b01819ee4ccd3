/**
 * Comments on boards: the comment routes written once (`comment-routes.ts`) with the board
 * resolver, and the unread badges — a member's visit of a board's comments, and per board of an
 * AMI the messages others wrote since.
 */
import { Hono } from 'hono';
import type { UnreadCommentsView } from '@eprouvette/shared';
import { can, commentsOf, documentName } from '@eprouvette/shared';
import { boardResource } from '../access/actors.ts';
import { authorizeOnAmi } from '../http/ami-access.ts';
import type { AppEnv } from '../http/context.ts';
import { refused } from '../http/refusals.ts';
import { idParams } from '../http/validate.ts';
import { boardCommentsSeenAt, markBoardCommentsSeen } from '../records/board-comment-reads.ts';
import { listBoards } from '../records/boards.ts';
import { authorizeOnBoard, boardTarget } from './board-target.ts';
import { commentRoutes } from './comment-routes.ts';
import { storedThreads, unreadMessages } from './unread-count.ts';

/** /api/amis/:amiId/boards/:boardId/comments… and /api/amis/:amiId/unread-comments. */
export const boardCommentRoutes = new Hono<AppEnv>()
  .route('/:amiId/boards/:boardId/comments', commentRoutes(boardTarget))
  // Whoever may read the board reads its comments: opening them counts as a visit.
  .post('/:amiId/boards/:boardId/comments/seen', idParams('amiId', 'boardId'), async (c) => {
    const { amiId, boardId } = c.req.valid('param');
    const loaded = await authorizeOnBoard(c.var.services.sql, c.var.user, amiId, boardId, 'board.view');
    if (!loaded.ok) return refused(c, loaded.refusal);
    await markBoardCommentsSeen(c.var.services.sql, loaded.actor.userId, boardId);
    return c.json({ ok: true as const }, 200);
  })
  .get('/:amiId/unread-comments', idParams('amiId'), async (c) => {
    const { sql, documents } = c.var.services;
    const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.view');
    if (!loaded.ok) return refused(c, loaded.refusal);
    const { ami, actor } = loaded;
    const boards = (await listBoards(sql, ami.id)).filter((board) => can(actor, 'board.view', boardResource(ami, board)));
    const seen = await boardCommentsSeenAt(sql, actor.userId, boards.map((board) => board.id));
    const counts: UnreadCommentsView['boards'] = {};
    for (const board of boards) {
      const threads = await storedThreads(documents, documentName(commentsOf({ kind: 'board', amiId: ami.id, boardId: board.id })));
      counts[board.id] = unreadMessages(threads, actor.userId, seen.get(board.id));
    }
    return c.json({ boards: counts } satisfies UnreadCommentsView, 200);
  });
