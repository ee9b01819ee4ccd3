/**
 * GET /api/amis/:amiId/activity?before=<id>: the AMI's feed, newest first, a page at a time, for
 * its members. Events about boards the reader may not see are skipped, so a page is filled from
 * as many stored events as it takes.
 */
import { Hono } from 'hono';
import type { ActivityPageView, ActivityView } from '@eprouvette/shared';
import { ACTIVITY_PAGE_SIZE, activityQuerySchema, can } from '@eprouvette/shared';
import { boardResource } from '../access/actors.ts';
import { authorizeOnAmi } from '../http/ami-access.ts';
import type { AppEnv } from '../http/context.ts';
import { refused } from '../http/refusals.ts';
import { idParams, queryOf } from '../http/validate.ts';
import { listBoards } from '../records/boards.ts';
import { activityView, type SeeBoard } from './activity-feed.ts';
import { listActivity } from './activity-records.ts';

/** Stored events read per query while filling a page. */
const BATCH = 100;

export const activityRoutes = new Hono<AppEnv>().get('/:amiId/activity', idParams('amiId'), queryOf(activityQuerySchema), async (c) => {
  const { sql } = c.var.services;
  const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.view');
  if (!loaded.ok) return refused(c, loaded.refusal);
  const { ami, actor } = loaded;
  const boards = new Map((await listBoards(sql, ami.id)).map((board) => [board.id, board]));
  const seeBoard: SeeBoard = (boardId) => {
    const board = boards.get(boardId);
    return board !== undefined && can(actor, 'board.view', boardResource(ami, board)) ? { id: board.id, title: board.title } : null;
  };
  const events: ActivityView[] = [];
  const before = c.req.valid('query').before;
  let cursor = before === undefined ? null : Number(before);
  let more = true;
  while (more && events.length < ACTIVITY_PAGE_SIZE) {
    const batch = await listActivity(sql, ami.id, { before: cursor, limit: BATCH });
    more = batch.length === BATCH;
    for (const [index, record] of batch.entries()) {
      cursor = record.id;
      const view = activityView(record, seeBoard);
      if (view !== null) events.push(view);
      if (events.length === ACTIVITY_PAGE_SIZE) {
        more ||= index < batch.length - 1;
        break;
      }
    }
  }
  return c.json({ events, next: more && cursor !== null ? String(cursor) : null } satisfies ActivityPageView, 200);
});
