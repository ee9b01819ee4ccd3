import { z } from 'zod';
import { amiStatusSchema } from '../model/ami-status.ts';
import { boardKindSchema } from '../model/boards.ts';
import { idSchema, type Id } from '../model/ids.ts';

/**
 * The activity of an AMI: what changed, by whom, when. The server writes each event where the
 * change happens (`recordActivity`); a member reads the events of the boards they may see.
 * What an event says beyond its kind is in `data`, checked against the kind's schema when read:
 * a row that does not fit (an older server, a bug) is skipped rather than shown half.
 */
const EXCERPT_MAX = 280;
const title = z.string().max(300);

export const ACTIVITY_DATA = {
  'board.created': z.object({ title, kind: boardKindSchema, template: z.object({ id: idSchema, title }).nullable() }),
  /** A new thread or a reply, on the AMI text (`boardId` null) or a board. */
  'comment.thread': z.object({ threadId: idSchema, excerpt: z.string().max(EXCERPT_MAX) }),
  'comment.reply': z.object({ threadId: idSchema, excerpt: z.string().max(EXCERPT_MAX) }),
  /** A thread resolved or reopened: the excerpt is of its first message. */
  'comment.resolved': z.object({ threadId: idSchema, excerpt: z.string().max(EXCERPT_MAX) }),
  'comment.reopened': z.object({ threadId: idSchema, excerpt: z.string().max(EXCERPT_MAX) }),
  'ami.status': z.object({ from: amiStatusSchema, to: amiStatusSchema }),
  /** Of the AMI text (`boardId` null) or a board. */
  'version.named': z.object({ versionId: idSchema, label: z.string().max(300) }),
  'version.restored': z.object({ versionId: idSchema, label: z.string().max(300).nullable(), versionAt: z.string().max(40) }),
  'scores.published': z.object({}),
  'template.published': z.object({ templateId: idSchema, title }),
} as const;

export type ActivityKind = keyof typeof ACTIVITY_DATA;
export const ACTIVITY_KINDS = Object.keys(ACTIVITY_DATA) as readonly ActivityKind[];
export type ActivityData<K extends ActivityKind> = z.infer<(typeof ACTIVITY_DATA)[K]>;

/** A comment shortened for the feed: one line, cut on a word. */
export function activityExcerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 140) return line;
  const cut = line.slice(0, 140);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
}

interface ActivityCommon {
  id: string;
  at: string;
  /** Null when the account has been deleted since. */
  actor: { id: Id; name: string } | null;
  /** The board it is about, with its title today; null for the AMI itself or its text. */
  board: { id: Id; title: string } | null;
}

export type ActivityView = { [K in ActivityKind]: ActivityCommon & { kind: K; data: ActivityData<K> } }[ActivityKind];

export interface ActivityPageView {
  events: ActivityView[];
  /** Pass as `before` to read older events; null at the beginning of the AMI's history. */
  next: string | null;
}

export const ACTIVITY_PAGE_SIZE = 20;

export const activityQuerySchema = z.object({
  before: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'curseur invalide')
    .optional(),
});

/**
 * The end of a visit to a board (« ce qui a changé depuis ma dernière visite »): the board's Yjs
 * snapshot as the visitor leaves it, base64. A snapshot is a state vector and a delete set: a few
 * kilobytes even for a large board.
 */
export const VISIT_SNAPSHOT_MAX_LENGTH = 4 * 1024 * 1024;

export const boardVisitSchema = z.object({
  snapshot: z
    .string()
    .min(1)
    .max(VISIT_SNAPSHOT_MAX_LENGTH, 'Instantané trop volumineux.')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Instantané invalide.'),
});

export type BoardVisitInput = z.infer<typeof boardVisitSchema>;

export interface BoardVisitView {
  /** The snapshot of the last visit, or null on a first visit. */
  snapshot: string | null;
  visitedAt: string | null;
}
