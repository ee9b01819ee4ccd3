import type { Id } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';
import { toUser, USER_COLUMNS, type User, type UserRow } from './users.ts';

export interface SessionRecord {
  /** SHA-256 of the token, hex: the token itself is never stored. */
  id: string;
  userId: Id;
  expiresAt: number;
  createdAt: number;
}

export async function insertSession(sql: SqlClient, session: SessionRecord): Promise<void> {
  await sql.run('INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)', [
    session.id,
    session.userId,
    session.expiresAt,
    session.createdAt,
  ]);
}

/** The session and its user in one read, or null. */
export async function findSession(sql: SqlClient, id: string): Promise<{ session: SessionRecord; user: User } | null> {
  const row = await sql.get<UserRow & { session_id: string; expires_at: number | string; session_created_at: number | string }>(
    `SELECT s.id AS session_id, s.expires_at, s.created_at AS session_created_at, ${USER_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
    [id],
  );
  if (row === undefined) return null;
  return {
    session: { id: row.session_id, userId: row.id, expiresAt: toNumber(row.expires_at), createdAt: toNumber(row.session_created_at) },
    user: toUser(row),
  };
}

export async function setSessionExpiry(sql: SqlClient, id: string, expiresAt: number): Promise<void> {
  await sql.run('UPDATE sessions SET expires_at = ? WHERE id = ?', [expiresAt, id]);
}

export async function deleteSession(sql: SqlClient, id: string): Promise<void> {
  await sql.run('DELETE FROM sessions WHERE id = ?', [id]);
}

export async function deleteUserSessions(sql: SqlClient, userId: Id): Promise<void> {
  await sql.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
}

export async function listUserSessions(sql: SqlClient, userId: Id): Promise<SessionRecord[]> {
  const rows = await sql.all<{ id: string; user_id: Id; expires_at: number | string; created_at: number | string }>(
    'SELECT id, user_id, expires_at, created_at FROM sessions WHERE user_id = ? ORDER BY created_at',
    [userId],
  );
  return rows.map((row) => ({ id: row.id, userId: row.user_id, expiresAt: toNumber(row.expires_at), createdAt: toNumber(row.created_at) }));
}

export async function deleteExpiredSessions(sql: SqlClient, now = Date.now()): Promise<number> {
  return sql.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
}

/** After a password change: every other session of the user ends. Returns the ended ids. */
export async function deleteOtherSessions(sql: SqlClient, userId: Id, keepId: string): Promise<void> {
  await sql.run('DELETE FROM sessions WHERE user_id = ? AND id <> ?', [userId, keepId]);
}
