import type { SqlClient } from '../storage/sql-client.ts';

/**
 * One-time events (the demo seed) recorded in the database itself, so "never twice" holds across
 * restarts and across several servers sharing one PostgreSQL. True for the one caller that set it.
 */
export async function setFlagOnce(sql: SqlClient, name: string, now = Date.now()): Promise<boolean> {
  return (await sql.run('INSERT INTO app_flags (name, set_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, now])) === 1;
}
