import type { Id } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

/** Records that `userId` has looked at the comments of `boardId` at `now` (ms). */
export async function markBoardCommentsSeen(sql: SqlClient, userId: Id, boardId: Id, now = Date.now()): Promise<void> {
  await sql.run(
    `INSERT INTO board_comment_reads (user_id, board_id, seen_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id, board_id) DO UPDATE SET seen_at = excluded.seen_at`,
    [userId, boardId, now],
  );
}

/** When `userId` last looked at the comments of each of `boardIds` (ms); boards never looked at are absent. */
export async function boardCommentsSeenAt(sql: SqlClient, userId: Id, boardIds: readonly Id[]): Promise<Map<Id, number>> {
  if (boardIds.length === 0) return new Map();
  const rows = await sql.all<{ board_id: Id; seen_at: number | string }>(
    `SELECT board_id, seen_at FROM board_comment_reads WHERE user_id = ? AND board_id IN (${boardIds.map(() => '?').join(', ')})`,
    [userId, ...boardIds],
  );
  return new Map(rows.map((row) => [row.board_id, toNumber(row.seen_at)]));
}
