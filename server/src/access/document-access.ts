import type { DocumentAccess, DocumentRef } from '@eprouvette/shared';
import { CloseCode, documentAccess, parseDocumentName } from '@eprouvette/shared';
import { getAmi } from '../records/amis.ts';
import { getBoard } from '../records/boards.ts';
import type { User } from '../records/users.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import { actorOn, amiResource, boardResource } from './actors.ts';

export type Grant = Exclude<DocumentAccess, 'none'>;

export type DocumentAccessResult =
  | { ok: true; ref: DocumentRef; access: Grant }
  | { ok: false; closeCode: number; reason: string };

/**
 * What `user` may do on the document named `name`, decided by `documentAccess` on the records the
 * name points to. Used when a socket opens and again whenever access may have changed.
 * A document that does not exist and one the user may not know of get the same answer (4404).
 */
export async function resolveDocumentAccess(sql: SqlClient, user: User | null, name: string): Promise<DocumentAccessResult> {
  if (user === null) return { ok: false, closeCode: CloseCode.Unauthenticated, reason: 'not signed in' };
  const ref = parseDocumentName(name);
  const missing = { ok: false, closeCode: CloseCode.NotFound, reason: 'no such document' } as const;
  if (ref === null) return missing;
  const ami = await getAmi(sql, ref.amiId);
  if (ami === null) return missing;
  const actor = await actorOn(sql, user, ami.id);
  let access: DocumentAccess;
  if (ref.kind === 'board') {
    const board = await getBoard(sql, ami.id, ref.boardId);
    if (board === null) return missing;
    access = documentAccess(actor, ref, boardResource(ami, board));
  } else {
    access = documentAccess(actor, ref, amiResource(ami));
  }
  if (access !== 'none') return { ok: true, ref, access };
  return actor?.membership === null && !user.platformAdmin ? missing : { ok: false, closeCode: CloseCode.Forbidden, reason: 'access denied' };
}
