import { CloseCode } from '@eprouvette/shared';
import { isAllowedOrigin, type OriginPolicy } from '../auth/origins.ts';
import { validateSessionToken } from '../auth/sessions.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import type { ConnectionGrant } from '../sync/connection.ts';
import { resolveDocumentAccess } from './document-access.ts';

export interface UpgradeRequest {
  url: string;
  origin: string | undefined;
  sessionToken: string | undefined;
  docName: string;
}

export type GateResult = { ok: true; grant: ConnectionGrant } | { ok: false; closeCode: number; reason: string };

/**
 * Decides a sync socket before anything it sends is read: Origin, session, then the role on the
 * document's AMI or board. A refused socket is still upgraded and then closed with a 44xx code,
 * because a refused HTTP upgrade reaches browser clients only as an anonymous 1006, after which
 * they retry forever.
 *
 * Origin: browsers always send it on WebSocket upgrades, and a cross-site page can make the
 * victim's browser open a socket with the victim's cookie (cross-site WebSocket hijacking), so a
 * present Origin must be ours. Clients that are not browsers send none; they cannot be hijacked
 * and still need a valid session cookie.
 */
export async function decideUpgrade(sql: SqlClient, policy: OriginPolicy, request: UpgradeRequest): Promise<GateResult> {
  if (request.origin !== undefined && !isAllowedOrigin(request.origin, request.url, policy)) {
    return { ok: false, closeCode: CloseCode.Forbidden, reason: 'origin not allowed' };
  }
  const valid = request.sessionToken === undefined ? null : await validateSessionToken(sql, request.sessionToken);
  if (valid === null) return { ok: false, closeCode: CloseCode.Unauthenticated, reason: 'not signed in' };
  const decided = await resolveDocumentAccess(sql, valid.user, request.docName);
  if (!decided.ok) return decided;
  return { ok: true, grant: { userId: valid.user.id, sessionId: valid.session.id, sessionExpiresAt: valid.session.expiresAt, access: decided.access } };
}
