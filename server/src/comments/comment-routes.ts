/**
 * Comment threads, written by the server on behalf of commenters. Commenters' sync connections are
 * read-only (to the text and to its comment document alike): this API is where they may write. Each
 * request is checked (session, permission on the commented document, input, mentions), then
 * applied to the comment document everyone has open (`liveDocuments.change`), which sends it live
 * to every reader; the answer is the thread as it now stands.
 *
 * Written once for every commented document: `commentRoutes(resolver)` is mounted under the path
 * of each kind (the AMI text here; boards in `board-comment-routes.ts`).
 */
import { Hono, type Context } from 'hono';
import type { ApiError, CommentPerson, CommentReply, NewMessage, ThreadProblem, ThreadWrite } from '@eprouvette/shared';
import { addThread, commentReplySchema, MESSAGES_PER_THREAD_MAX, reopenThread, reply, resolveThread, threadCreateSchema } from '@eprouvette/shared';
import { commentActivity } from '../activity/activity-hooks.ts';
import type { AppEnv } from '../http/context.ts';
import { refused } from '../http/refusals.ts';
import { idParams, jsonBody } from '../http/validate.ts';
import { newId } from '../records/new-id.ts';
import { amiTextTarget } from './ami-text-target.ts';
import type { CommentTarget, CommentTargetResolver } from './comment-target.ts';
import { mentionablePeople, pickMentions } from './mentions.ts';

const THREAD_PROBLEMS: Record<ThreadProblem, { status: 404 | 409; body: ApiError }> = {
  'not-found': { status: 404, body: { error: 'Cette discussion n’existe pas.', code: 'not-found' } },
  resolved: { status: 409, body: { error: 'Cette discussion est résolue : rouvrez-la pour y répondre.', code: 'thread-resolved' } },
  full: {
    status: 409,
    body: { error: `Cette discussion compte déjà ${MESSAGES_PER_THREAD_MAX} messages : ouvrez-en une nouvelle.`, code: 'thread-full' },
  },
};

const NOT_MEMBERS = 'Seuls les membres de l’AMI peuvent être mentionnés.';

/** The signed-in user as comments name them: from the account, never from the request. */
function currentPerson(c: Context<AppEnv>): CommentPerson {
  const user = c.var.user;
  // The resolver refuses signed-out requests before any handler gets here.
  if (user === null) throw new Error('comment routes: no user after the permission check');
  return { id: user.id, name: user.name };
}

type MessageBuild = { ok: true; message: NewMessage } | { ok: false; body: ApiError };

/** The message to write, once every mentioned id is a member of the AMI. */
async function buildMessage(c: Context<AppEnv>, target: CommentTarget, input: CommentReply): Promise<MessageBuild> {
  const picked = input.mentions.length === 0 ? { ok: true as const, people: [] } : pickMentions(await mentionablePeople(c.var.services.sql, target.amiId), input.mentions);
  if (!picked.ok) return { ok: false, body: { error: NOT_MEMBERS, code: 'invalid-request', fields: { mentions: NOT_MEMBERS } } };
  return { ok: true, message: { id: newId(), author: currentPerson(c), text: input.text, mentions: picked.people, at: new Date().toISOString() } };
}

function threadAnswer(c: Context<AppEnv>, write: ThreadWrite, status: 200 | 201) {
  if (write.ok) return c.json(write.thread, status);
  const problem = THREAD_PROBLEMS[write.problem];
  return c.json(problem.body, problem.status);
}

/** The routes of one kind of commented document, relative to its comments path. */
export function commentRoutes(resolve: CommentTargetResolver) {
  return new Hono<AppEnv>()
    // New threads and replies go to the AMI's activity feed.
    .use(commentActivity)
    .get('/mentionable', async (c) => {
      const resolved = await resolve(c);
      if (!resolved.ok) return refused(c, resolved.refusal);
      return c.json(await mentionablePeople(c.var.services.sql, resolved.target.amiId), 200);
    })
    .post('/', jsonBody(threadCreateSchema), async (c) => {
      const resolved = await resolve(c);
      if (!resolved.ok) return refused(c, resolved.refusal);
      const { target } = resolved;
      const input = c.req.valid('json');
      const anchorProblem = await target.checkAnchor(input.anchor);
      if (anchorProblem !== null) return c.json({ error: anchorProblem, code: 'invalid-request', fields: { anchor: anchorProblem } } satisfies ApiError, 400);
      const built = await buildMessage(c, target, input);
      if (!built.ok) return c.json(built.body, 400);
      const thread = await c.var.services.liveDocuments.change(target.commentsDocument, (doc) => addThread(doc, { id: newId(), anchor: input.anchor, message: built.message }));
      return c.json(thread, 201);
    })
    .post('/:threadId/replies', idParams('threadId'), jsonBody(commentReplySchema), async (c) => {
      const resolved = await resolve(c);
      if (!resolved.ok) return refused(c, resolved.refusal);
      const built = await buildMessage(c, resolved.target, c.req.valid('json'));
      if (!built.ok) return c.json(built.body, 400);
      const { threadId } = c.req.valid('param');
      return threadAnswer(c, await c.var.services.liveDocuments.change(resolved.target.commentsDocument, (doc) => reply(doc, threadId, built.message)), 201);
    })
    .post('/:threadId/resolve', idParams('threadId'), async (c) => {
      const resolved = await resolve(c);
      if (!resolved.ok) return refused(c, resolved.refusal);
      const { threadId } = c.req.valid('param');
      const by = currentPerson(c);
      const at = new Date().toISOString();
      return threadAnswer(c, await c.var.services.liveDocuments.change(resolved.target.commentsDocument, (doc) => resolveThread(doc, threadId, by, at)), 200);
    })
    .post('/:threadId/reopen', idParams('threadId'), async (c) => {
      const resolved = await resolve(c);
      if (!resolved.ok) return refused(c, resolved.refusal);
      const { threadId } = c.req.valid('param');
      return threadAnswer(c, await c.var.services.liveDocuments.change(resolved.target.commentsDocument, (doc) => reopenThread(doc, threadId)), 200);
    });
}

/** /api/amis/:amiId/text/comments: threads on the AMI's text. */
export const amiTextCommentRoutes = new Hono<AppEnv>().route('/:amiId/text/comments', commentRoutes(amiTextTarget));
