import { z } from 'zod';
import { commentAnchorSchema } from '../comments/anchor.ts';
import { COMMENT_MAX_LENGTH, MENTIONS_MAX, type CommentPerson, type CommentThread } from '../comments/schema.ts';
import { idSchema } from '../model/ids.ts';

/**
 * What the comment routes receive (`/api/amis/:amiId/text/comments…`). The author is never sent:
 * it is the signed-in user, named as their account says. Mentions are user ids; the server keeps
 * only members of the AMI and refuses the others.
 */
export const commentTextSchema = z
  .string()
  .trim()
  .min(1, 'Le commentaire est vide : écrivez votre message.')
  .max(COMMENT_MAX_LENGTH, `Un commentaire ne peut pas dépasser ${COMMENT_MAX_LENGTH} caractères.`);

export const mentionsSchema = z
  .array(idSchema)
  .max(MENTIONS_MAX, `Un message ne peut pas mentionner plus de ${MENTIONS_MAX} personnes.`)
  .default([])
  .transform((ids) => [...new Set(ids)]);

export const commentReplySchema = z.object({ text: commentTextSchema, mentions: mentionsSchema });

/** A new thread: where it is pinned and its first message. */
export const threadCreateSchema = commentReplySchema.extend({ anchor: commentAnchorSchema });

export type CommentReplyInput = z.input<typeof commentReplySchema>;
export type CommentReply = z.output<typeof commentReplySchema>;
export type ThreadCreateInput = z.input<typeof threadCreateSchema>;

/** A thread as the routes answer it: what the comment document now holds. */
export type CommentThreadView = CommentThread;

/** A member who may be mentioned: what the mention list shows, nothing more. */
export type MentionableView = CommentPerson;

/** Per board of an AMI that the user may see, the comment messages others wrote since the user last looked. */
export interface UnreadCommentsView {
  boards: Record<string, number>;
}
