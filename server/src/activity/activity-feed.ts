/**
 * The events of an AMI as one member may read them: events about a board only for those who may
 * see the board (a restricted proposal stays hidden from who may not open it, and so does what
 * happens on it), each checked against its kind's schema. Pure; the route brings the records and
 * the decision.
 */
import type { ActivityView, Id } from '@eprouvette/shared';
import { ACTIVITY_DATA } from '@eprouvette/shared';
import type { ActivityRecord } from './activity-records.ts';

/** The board as the reader may see it, or null when they may not (or it is gone). */
export type SeeBoard = (boardId: Id) => { id: Id; title: string } | null;

export function activityView(record: ActivityRecord, seeBoard: SeeBoard): ActivityView | null {
  const board = record.boardId === null ? null : seeBoard(record.boardId);
  if (record.boardId !== null && board === null) return null;
  const data = ACTIVITY_DATA[record.kind].safeParse(record.data);
  if (!data.success) return null;
  return { id: String(record.id), kind: record.kind, at: new Date(record.createdAt).toISOString(), actor: record.actor, board, data: data.data } as ActivityView;
}
