import type { Id } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';
import { newId } from './new-id.ts';

export interface User {
  id: Id;
  email: string;
  name: string;
  organisationId: Id | null;
  passwordHash: string;
  platformAdmin: boolean;
  createdAt: number;
}

export interface UserRow {
  id: Id;
  email: string;
  name: string;
  organisation_id: Id | null;
  password_hash: string;
  platform_admin: number | string;
  created_at: number | string;
}

export const USER_COLUMNS = 'u.id, u.email, u.name, u.organisation_id, u.password_hash, u.platform_admin, u.created_at';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    passwordHash: row.password_hash,
    platformAdmin: toNumber(row.platform_admin) === 1,
    createdAt: toNumber(row.created_at),
  };
}

export interface NewUser {
  email: string;
  name: string;
  organisationId: Id | null;
  passwordHash: string;
  platformAdmin?: boolean;
}

/** The new user, or null when the email is taken. */
export async function createUser(sql: SqlClient, input: NewUser, now = Date.now()): Promise<User | null> {
  const id = newId();
  const changed = await sql.run(
    `INSERT INTO users (id, email, name, organisation_id, password_hash, platform_admin, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING`,
    [id, input.email, input.name, input.organisationId, input.passwordHash, input.platformAdmin === true ? 1 : 0, now],
  );
  return changed === 1 ? getUser(sql, id) : null;
}

export async function getUser(sql: SqlClient, id: Id): Promise<User | null> {
  const row = await sql.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`, [id]);
  return row === undefined ? null : toUser(row);
}

export async function findUserByEmail(sql: SqlClient, email: string): Promise<User | null> {
  const row = await sql.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.email = ?`, [email]);
  return row === undefined ? null : toUser(row);
}

export async function setPasswordHash(sql: SqlClient, userId: Id, passwordHash: string): Promise<void> {
  await sql.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
}

export async function setPlatformAdmin(sql: SqlClient, userId: Id): Promise<void> {
  await sql.run('UPDATE users SET platform_admin = 1 WHERE id = ?', [userId]);
}

/** Sessions and memberships go with the user (ON DELETE CASCADE); authorship becomes anonymous. */
export async function deleteUser(sql: SqlClient, userId: Id): Promise<void> {
  await sql.run('DELETE FROM users WHERE id = ?', [userId]);
}
