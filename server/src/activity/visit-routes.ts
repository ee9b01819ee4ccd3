/**
 * GET / PUT /api/amis/:amiId/boards/:boardId/last-visit: the snapshot of the board as the signed-in
 * member last left it. The board page reads it on opening, to highlight what changed since, and
 * writes it while the member is on the board and when they leave. Anyone who may see the board
 * keeps their own visits; nobody reads another's.
 */
import { Hono } from 'hono';
import type { ApiError, BoardVisitView } from '@eprouvette/shared';
import { boardVisitSchema, readVisitSnapshot } from '@eprouvette/shared';
import type { AppEnv } from '../http/context.ts';
import { refused } from '../http/refusals.ts';
import { idParams, jsonBody } from '../http/validate.ts';
import { authorizeOnBoard } from '../comments/board-target.ts';
import { getVisit, saveVisit } from './visit-records.ts';

const PATH = '/:amiId/boards/:boardId/last-visit';
const NOT_A_SNAPSHOT: ApiError = { error: 'Cet instantané du tableau est illisible.', code: 'invalid-request', fields: { snapshot: 'Instantané invalide.' } };

export const visitRoutes = new Hono<AppEnv>()
  .get(PATH, idParams('amiId', 'boardId'), async (c) => {
    const { amiId, boardId } = c.req.valid('param');
    const loaded = await authorizeOnBoard(c.var.services.sql, c.var.user, amiId, boardId, 'board.view');
    if (!loaded.ok) return refused(c, loaded.refusal);
    const visit = await getVisit(c.var.services.sql, loaded.actor.userId, loaded.board.id);
    const view: BoardVisitView = visit === null ? { snapshot: null, visitedAt: null } : { snapshot: Buffer.from(visit.snapshot).toString('base64'), visitedAt: new Date(visit.visitedAt).toISOString() };
    return c.json(view, 200);
  })
  .put(PATH, idParams('amiId', 'boardId'), jsonBody(boardVisitSchema), async (c) => {
    const { amiId, boardId } = c.req.valid('param');
    const loaded = await authorizeOnBoard(c.var.services.sql, c.var.user, amiId, boardId, 'board.view');
    if (!loaded.ok) return refused(c, loaded.refusal);
    const snapshot = new Uint8Array(Buffer.from(c.req.valid('json').snapshot, 'base64'));
    if (readVisitSnapshot(snapshot) === null) return c.json(NOT_A_SNAPSHOT, 400);
    await saveVisit(c.var.services.sql, loaded.actor.userId, loaded.board.id, snapshot);
    return c.json({ ok: true as const }, 200);
  });
