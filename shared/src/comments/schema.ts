import { z } from 'zod';
import { NAME_MAX_LENGTH } from '../api/accounts.ts';
import { idSchema } from '../model/ids.ts';
import { commentAnchorSchema } from './anchor.ts';

/**
 * A comment thread as read from a comment document (see `layout.ts` for how it is stored). Every
 * thread read goes through `threadSchema`: one that does not fit is skipped and reported, never
 * shown half.
 */
export const COMMENT_MAX_LENGTH = 4000;
export const MENTIONS_MAX = 20;
/** A thread stops taking replies here, so that one thread cannot grow a document without bound. */
export const MESSAGES_PER_THREAD_MAX = 500;

/** Who wrote or resolved: the name as it was at that moment, copied from the account. */
export const personSchema = z.object({ id: idSchema, name: z.string().min(1).max(NAME_MAX_LENGTH) });

const instantSchema = z.iso.datetime();

export const commentMessageSchema = z.object({
  id: idSchema,
  author: personSchema,
  text: z.string().min(1).max(COMMENT_MAX_LENGTH),
  /** Members named in the text with « @Nom »: names are stored so that every reader can show them. */
  mentions: z.array(personSchema).max(MENTIONS_MAX),
  createdAt: instantSchema,
  editedAt: instantSchema.optional(),
});

export const threadResolutionSchema = z.object({ by: personSchema, at: instantSchema });

export const commentThreadSchema = z.object({
  id: idSchema,
  anchor: commentAnchorSchema,
  createdBy: personSchema,
  createdAt: instantSchema,
  resolved: threadResolutionSchema.nullable(),
  messages: z.array(commentMessageSchema).min(1).max(MESSAGES_PER_THREAD_MAX),
});

export type CommentPerson = z.infer<typeof personSchema>;
export type CommentMessage = z.infer<typeof commentMessageSchema>;
export type ThreadResolution = z.infer<typeof threadResolutionSchema>;
export type CommentThread = z.infer<typeof commentThreadSchema>;
