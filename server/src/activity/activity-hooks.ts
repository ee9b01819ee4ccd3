/**
 * Activity recorded from routes that belong to other parts (comments, versions), as middleware
 * mounted with one line in their route chain: once their handler has answered with success, the
 * answer says what happened. The AMI and the board come from the path (`:amiId`, `:boardId`;
 * none for the AMI text), which the handler has just authorised. They are read after `next()`:
 * Hono then gives the parameters of the route that answered, not of the middleware's own pattern.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { CommentThreadView, Id, VersionView } from '@eprouvette/shared';
import { activityExcerpt, documentName, isId } from '@eprouvette/shared';
import type { AppEnv } from '../http/context.ts';
import { getVersion } from '../versions/version-records.ts';
import { recordActivity } from './activity-records.ts';

interface Place {
  amiId: Id;
  boardId: Id | null;
  actorId: Id;
}

/** The AMI, the board (or null: the text) and the user of a request that succeeded. */
function placeOf(c: Context<AppEnv>): Place | null {
  const amiId = c.req.param('amiId');
  const boardId = c.req.param('boardId') ?? null;
  const user = c.var.user;
  if (!isId(amiId) || (boardId !== null && !isId(boardId)) || user === null) return null;
  return { amiId, boardId, actorId: user.id };
}

/**
 * Runs `record` once the route has answered a POST with success. The change is made by then: a
 * failure to record it is logged, and the route's answer stands.
 */
function afterSuccess(record: (c: Context<AppEnv>, place: Place) => Promise<void>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'POST' || !c.res.ok) return;
    const place = placeOf(c);
    if (place === null) return;
    try {
      await record(c, place);
    } catch (error) {
      c.var.services.logger.error('activity', 'event not recorded', { path: c.req.path, error: error instanceof Error ? error.message : String(error) });
    }
  };
}

/**
 * A new thread or a reply (answered 201 with the thread): one event with the message's start; a
 * thread resolved or reopened (answered 200 with it): one event with its first message's start.
 */
export const commentActivity = afterSuccess(async (c, place) => {
  const change = c.res.status === 201 ? 'added' : c.req.path.endsWith('/resolve') ? 'comment.resolved' : c.req.path.endsWith('/reopen') ? 'comment.reopened' : null;
  if (change === null) return;
  const thread = (await c.res.clone().json()) as CommentThreadView;
  const message = change === 'added' ? thread.messages.at(-1) : thread.messages[0];
  if (message === undefined) return;
  const kind = change !== 'added' ? change : thread.messages.length === 1 ? 'comment.thread' : 'comment.reply';
  await recordActivity(c.var.services.sql, { ...place, kind, data: { threadId: thread.id, excerpt: activityExcerpt(message.text) } });
});

/** A version named (POST …/versions) or restored (POST …/versions/:versionId/restore). */
export const versionActivity = afterSuccess(async (c, place) => {
  const { sql } = c.var.services;
  const versionId = c.req.param('versionId');
  if (versionId === undefined) {
    const version = (await c.res.clone().json()) as VersionView;
    await recordActivity(sql, { ...place, kind: 'version.named', data: { versionId: version.id, label: version.label ?? '' } });
    return;
  }
  const document = documentName(place.boardId === null ? { kind: 'ami-text', amiId: place.amiId } : { kind: 'board', amiId: place.amiId, boardId: place.boardId });
  const restored = await getVersion(sql, document, versionId);
  if (restored === null) return;
  await recordActivity(sql, {
    ...place,
    kind: 'version.restored',
    data: { versionId, label: restored.label, versionAt: new Date(restored.createdAt).toISOString() },
  });
});
