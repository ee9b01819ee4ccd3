/**
 * The `activity` table (migration 8): what changed in each AMI. `recordActivity` is the one way to
 * write an event, called where the change is made (board creation, comments, status, versions,
 * published scores, published templates); reading pages through an AMI's events newest first.
 */
import type { ActivityData, ActivityKind, Id } from '@eprouvette/shared';
import { ACTIVITY_DATA } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export interface ActivityEvent<K extends ActivityKind = ActivityKind> {
  amiId: Id;
  /** The board it is about; null for the AMI itself or its text. */
  boardId: Id | null;
  kind: K;
  /** Who did it (the signed-in user); null for the server itself. */
  actorId: Id | null;
  data: ActivityData<K>;
}

export interface ActivityRecord {
  /** Orders events (later = larger) and pages the feed. */
  id: number;
  amiId: Id;
  boardId: Id | null;
  kind: ActivityKind;
  actor: { id: Id; name: string } | null;
  data: unknown;
  createdAt: number;
}

/**
 * Records that something happened in an AMI. Checked against the kind's schema first: a bad event
 * is a programming error, and throwing here beats a feed row nobody can read.
 */
export async function recordActivity<K extends ActivityKind>(sql: SqlClient, event: ActivityEvent<K>, now = Date.now()): Promise<void> {
  const data = ACTIVITY_DATA[event.kind].parse(event.data);
  await sql.run('INSERT INTO activity (ami_id, board_id, kind, actor_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    event.amiId,
    event.boardId,
    event.kind,
    event.actorId,
    JSON.stringify(data),
    now,
  ]);
}

interface ActivityRow {
  id: number | string;
  ami_id: Id;
  board_id: Id | null;
  kind: string;
  actor_id: Id | null;
  actor_name: string | null;
  data: string;
  created_at: number | string;
}

function parseData(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * Up to `limit` events of the AMI older than `before` (an event id), newest first. Rows of a kind
 * this server does not know are left out.
 */
export async function listActivity(sql: SqlClient, amiId: Id, { before, limit }: { before: number | null; limit: number }): Promise<ActivityRecord[]> {
  const rows = await sql.all<ActivityRow>(
    `SELECT a.id, a.ami_id, a.board_id, a.kind, a.actor_id, u.name AS actor_name, a.data, a.created_at
     FROM activity a LEFT JOIN users u ON u.id = a.actor_id
     WHERE a.ami_id = ?${before === null ? '' : ' AND a.id < ?'}
     ORDER BY a.id DESC LIMIT ?`,
    before === null ? [amiId, limit] : [amiId, before, limit],
  );
  return rows.flatMap((row) =>
    Object.hasOwn(ACTIVITY_DATA, row.kind)
      ? [
          {
            id: toNumber(row.id),
            amiId: row.ami_id,
            boardId: row.board_id,
            kind: row.kind as ActivityKind,
            actor: row.actor_id === null || row.actor_name === null ? null : { id: row.actor_id, name: row.actor_name },
            data: parseData(row.data),
            createdAt: toNumber(row.created_at),
          },
        ]
      : [],
  );
}
