import type { SqlClient } from '../storage/sql-client.ts';
import { deleteSession, findSession, insertSession, setSessionExpiry, type SessionRecord } from '../records/sessions.ts';
import type { User } from '../records/users.ts';
import { checkSessionExpiry, generateToken, hashToken, isTokenShaped, SESSION_DURATION_MS } from './session-tokens.ts';

export interface NewSession {
  token: string;
  session: SessionRecord;
}

export async function createSession(sql: SqlClient, userId: string, now = Date.now()): Promise<NewSession> {
  const token = generateToken();
  const session = { id: hashToken(token), userId, expiresAt: now + SESSION_DURATION_MS, createdAt: now };
  await insertSession(sql, session);
  return { token, session };
}

export interface ValidSession {
  session: SessionRecord;
  user: User;
  /** Set when the expiry slid: the cookie must be sent again with the new date. */
  renewed: boolean;
}

/** The session a cookie token stands for, renewed if due; null (and the row gone) if expired. */
export async function validateSessionToken(sql: SqlClient, token: string, now = Date.now()): Promise<ValidSession | null> {
  if (!isTokenShaped(token)) return null;
  const found = await findSession(sql, hashToken(token));
  if (found === null) return null;
  const check = checkSessionExpiry(found.session.expiresAt, now);
  if (!check.valid) {
    await deleteSession(sql, found.session.id);
    return null;
  }
  if (check.renewTo === null) return { ...found, renewed: false };
  await setSessionExpiry(sql, found.session.id, check.renewTo);
  return { session: { ...found.session, expiresAt: check.renewTo }, user: found.user, renewed: true };
}
