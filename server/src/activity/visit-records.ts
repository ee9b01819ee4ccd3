/**
 * The `board_visits` table (migration 8): per member and board, the board's Yjs snapshot when the
 * member last left it (`visitSnapshot`), which the board page compares with the board as it is.
 */
import type { Id } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export interface VisitRecord {
  snapshot: Uint8Array;
  visitedAt: number;
}

export async function getVisit(sql: SqlClient, userId: Id, boardId: Id): Promise<VisitRecord | null> {
  const row = await sql.get<{ snapshot: Uint8Array; visited_at: number | string }>('SELECT snapshot, visited_at FROM board_visits WHERE user_id = ? AND board_id = ?', [userId, boardId]);
  return row === undefined ? null : { snapshot: new Uint8Array(row.snapshot), visitedAt: toNumber(row.visited_at) };
}

export async function saveVisit(sql: SqlClient, userId: Id, boardId: Id, snapshot: Uint8Array, now = Date.now()): Promise<void> {
  await sql.run(
    `INSERT INTO board_visits (user_id, board_id, snapshot, visited_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, board_id) DO UPDATE SET snapshot = excluded.snapshot, visited_at = excluded.visited_at`,
    [userId, boardId, Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), now],
  );
}
