import type { Actor, AmiResource, BoardResource, Id } from '@eprouvette/shared';
import type { AmiRecord } from '../records/amis.ts';
import type { BoardRecord } from '../records/boards.ts';
import { getMembershipRole } from '../records/memberships.ts';
import type { User } from '../records/users.ts';
import type { SqlClient } from '../storage/sql-client.ts';

/** The user as `decide` sees them on one AMI (their membership of that AMI only). */
export async function actorOn(sql: SqlClient, user: User | null, amiId: Id): Promise<Actor | null> {
  if (user === null) return null;
  const role = user.platformAdmin ? null : await getMembershipRole(sql, amiId, user.id);
  return {
    userId: user.id,
    platformAdmin: user.platformAdmin,
    organisationId: user.organisationId,
    membership: role === null ? null : { amiId, role },
  };
}

/** The user on no AMI in particular: platform and account actions. */
export function platformActor(user: User | null): Actor | null {
  return user === null ? null : { userId: user.id, platformAdmin: user.platformAdmin, organisationId: user.organisationId, membership: null };
}

export const amiResource = (ami: AmiRecord): AmiResource => ({ type: 'ami', amiId: ami.id, status: ami.status });

export const boardResource = (ami: AmiRecord, board: BoardRecord): BoardResource => ({
  type: 'board',
  amiId: ami.id,
  amiStatus: ami.status,
  boardId: board.id,
  organisationId: board.organisation.id,
  kind: board.kind,
  restricted: board.restricted,
  archived: board.archived,
});
