import type { Id } from '@eprouvette/shared';
import { CloseCode, parseDocumentName } from '@eprouvette/shared';
import type { Logger } from '../log.ts';
import { getUser } from '../records/users.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import type { SyncConnection } from '../sync/connection.ts';
import type { SyncService } from '../sync/sync-service.ts';
import { resolveDocumentAccess } from './document-access.ts';

/**
 * Keeps open sockets in line with the records: after any change that may lower or raise someone's
 * access (a role, a membership, a revoked link, a board restricted or archived, an AMI closed or
 * deleted, an account deleted), every affected socket is decided again at once — closed with a
 * 44xx code when access is gone, downgraded to read-only or upgraded in place otherwise.
 * Logging out closes the sockets of the ended sessions with 4401.
 */
export class LiveAccess {
  constructor(
    private readonly sql: SqlClient,
    private readonly sync: SyncService,
    private readonly logger: Logger,
  ) {}

  /** Every socket on a document of this AMI. */
  refreshAmi(amiId: Id): Promise<void> {
    return this.refresh((connection) => parseDocumentName(connection.docName)?.amiId === amiId);
  }

  /** Every socket of one user on this AMI (a membership changed). */
  refreshMember(amiId: Id, userId: Id): Promise<void> {
    return this.refresh((connection) => connection.userId === userId && parseDocumentName(connection.docName)?.amiId === amiId);
  }

  /** Every socket of these users, on any document. */
  refreshUsers(userIds: readonly Id[]): Promise<void> {
    const users = new Set(userIds);
    return this.refresh((connection) => users.has(connection.userId));
  }

  /**
   * After an AMI is deleted: its sockets are closed (4404, it no longer exists) and its loaded
   * documents dropped without being written back, so the caller can delete their stored bytes.
   */
  async dropAmi(amiId: Id): Promise<void> {
    await this.refreshAmi(amiId);
    await this.sync.registry.discard((name) => parseDocumentName(name)?.amiId === amiId);
  }

  /** Closes the sockets opened with these sessions (log out) or by this user (log out everywhere). */
  endSessions(match: { sessionId: string } | { userId: Id; exceptSessionId?: string }): void {
    const ends = (c: SyncConnection) =>
      'sessionId' in match ? c.sessionId === match.sessionId : c.userId === match.userId && c.sessionId !== match.exceptSessionId;
    for (const connection of this.matching(ends)) {
      connection.close(CloseCode.Unauthenticated, 'session ended');
    }
  }

  private matching(predicate: (connection: SyncConnection) => boolean): SyncConnection[] {
    return [...this.sync.connections].filter(predicate);
  }

  private async refresh(predicate: (connection: SyncConnection) => boolean): Promise<void> {
    const affected = this.matching(predicate);
    if (affected.length === 0) return;
    // One decision per (user, document): a user with three tabs on a board costs one lookup.
    const decisions = new Map<string, ReturnType<typeof resolveDocumentAccess>>();
    await Promise.all(
      affected.map(async (connection) => {
        const key = `${connection.userId} ${connection.docName}`;
        let decision = decisions.get(key);
        if (decision === undefined) {
          decision = getUser(this.sql, connection.userId).then((user) => resolveDocumentAccess(this.sql, user, connection.docName));
          decisions.set(key, decision);
        }
        const result = await decision;
        if (result.ok) connection.setAccess(result.access);
        else connection.close(result.closeCode, result.reason);
      }),
    ).catch((error: unknown) => {
      // Fail closed: a socket whose access could not be decided again is closed; it reconnects
      // through the gate, which decides afresh.
      this.logger.error('access', 'could not re-decide live access; closing the affected sockets', { error: String(error) });
      for (const connection of affected) connection.close(CloseCode.GoingAway, 'access check failed, reconnect');
    });
  }
}
