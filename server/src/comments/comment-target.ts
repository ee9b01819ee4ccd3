/**
 * What the comment routes need to know about the document being commented, whatever it is (the
 * AMI text, a board): the comment routes are written once against this, and each kind of
 * commented document brings a resolver.
 */
import type { Context } from 'hono';
import type { Actor, CommentAnchor, Id } from '@eprouvette/shared';
import type { Loaded } from '../http/ami-access.ts';
import type { AppEnv } from '../http/context.ts';

export interface CommentTarget {
  /** The AMI whose members may be mentioned. */
  amiId: Id;
  /** The comment document the threads are written to (`commentsOf(ref)`). */
  commentsDocument: string;
  /** Why `anchor` cannot be pinned on this document (in French), or null when it can. */
  checkAnchor(anchor: CommentAnchor): Promise<string | null>;
}

/**
 * Finds the commented document named by the request's path and decides the comment permission on
 * it for the signed-in user (not a member → 404, role too low → 403, closed or archived → 409).
 */
export type CommentTargetResolver = (c: Context<AppEnv>) => Promise<Loaded<{ target: CommentTarget; actor: Actor }>>;
