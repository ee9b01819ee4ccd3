import type { BoardKind, Id, OrganisationType } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export interface BoardRecord {
  id: Id;
  amiId: Id;
  title: string;
  kind: BoardKind;
  organisation: { id: Id; name: string; type: OrganisationType };
  restricted: boolean;
  archived: boolean;
  createdBy: Id | null;
  createdAt: number;
  updatedAt: number;
}

interface BoardRow {
  id: Id;
  ami_id: Id;
  title: string;
  kind: BoardKind;
  organisation_id: Id;
  organisation_name: string;
  organisation_type: OrganisationType;
  restricted: number | string;
  archived: number | string;
  created_by: Id | null;
  created_at: number | string;
  updated_at: number | string;
}

const BOARD_SELECT = `SELECT b.id, b.ami_id, b.title, b.kind, b.organisation_id, o.name AS organisation_name, o.type AS organisation_type,
  b.restricted, b.archived, b.created_by, b.created_at, b.updated_at
  FROM boards b JOIN organisations o ON o.id = b.organisation_id`;

function toBoard(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    amiId: row.ami_id,
    title: row.title,
    kind: row.kind,
    organisation: { id: row.organisation_id, name: row.organisation_name, type: row.organisation_type },
    restricted: toNumber(row.restricted) === 1,
    archived: toNumber(row.archived) === 1,
    createdBy: row.created_by,
    createdAt: toNumber(row.created_at),
    updatedAt: toNumber(row.updated_at),
  };
}

export interface NewBoard {
  id: Id;
  amiId: Id;
  title: string;
  kind: BoardKind;
  organisationId: Id;
  restricted: boolean;
  createdBy: Id;
}

export async function insertBoard(sql: SqlClient, board: NewBoard, now = Date.now()): Promise<void> {
  await sql.run(
    `INSERT INTO boards (id, ami_id, title, kind, organisation_id, restricted, archived, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    [board.id, board.amiId, board.title, board.kind, board.organisationId, board.restricted ? 1 : 0, board.createdBy, now, now],
  );
}

export async function getBoard(sql: SqlClient, amiId: Id, boardId: Id): Promise<BoardRecord | null> {
  const row = await sql.get<BoardRow>(`${BOARD_SELECT} WHERE b.id = ? AND b.ami_id = ?`, [boardId, amiId]);
  return row === undefined ? null : toBoard(row);
}

export async function listBoards(sql: SqlClient, amiId: Id): Promise<BoardRecord[]> {
  const rows = await sql.all<BoardRow>(`${BOARD_SELECT} WHERE b.ami_id = ? ORDER BY b.created_at, b.id`, [amiId]);
  return rows.map(toBoard);
}

export async function countBoardsByAmi(sql: SqlClient, amiIds: readonly Id[]): Promise<Map<Id, number>> {
  if (amiIds.length === 0) return new Map();
  const rows = await sql.all<{ ami_id: Id; n: number | string }>(
    `SELECT ami_id, count(*) AS n FROM boards WHERE ami_id IN (${amiIds.map(() => '?').join(', ')}) GROUP BY ami_id`,
    amiIds,
  );
  return new Map(rows.map((row) => [row.ami_id, toNumber(row.n)]));
}

export interface BoardChanges {
  title?: string;
  kind?: BoardKind;
  organisationId?: Id;
  restricted?: boolean;
  archived?: boolean;
}

const COLUMNS: Record<keyof BoardChanges, string> = {
  title: 'title',
  kind: 'kind',
  organisationId: 'organisation_id',
  restricted: 'restricted',
  archived: 'archived',
};

export async function updateBoard(sql: SqlClient, boardId: Id, changes: BoardChanges, now = Date.now()): Promise<void> {
  const entries = (Object.keys(COLUMNS) as (keyof BoardChanges)[]).filter((key) => changes[key] !== undefined);
  const values = entries.map((key) => {
    const value = changes[key]!;
    return typeof value === 'boolean' ? (value ? 1 : 0) : value;
  });
  await sql.run(`UPDATE boards SET ${entries.map((key) => `${COLUMNS[key]} = ?`).join(', ')}${entries.length > 0 ? ', ' : ''}updated_at = ? WHERE id = ?`, [
    ...values,
    now,
    boardId,
  ]);
}
