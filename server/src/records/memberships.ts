import type { AmiRole, Id, MemberView, OrganisationType } from '@eprouvette/shared';
import { AMI_ROLES, isAmiRole } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export async function getMembershipRole(sql: SqlClient, amiId: Id, userId: Id): Promise<AmiRole | null> {
  const row = await sql.get<{ role: string }>('SELECT role FROM memberships WHERE ami_id = ? AND user_id = ?', [amiId, userId]);
  return row !== undefined && isAmiRole(row.role) ? row.role : null;
}

interface MemberRow {
  user_id: Id;
  name: string;
  email: string;
  role: AmiRole;
  invitation_id: Id | null;
  created_at: number | string;
  organisation_id: Id | null;
  organisation_name: string | null;
  organisation_type: OrganisationType | null;
}

export async function listMembers(sql: SqlClient, amiId: Id): Promise<MemberView[]> {
  const rows = await sql.all<MemberRow>(
    `SELECT m.user_id, u.name, u.email, m.role, m.invitation_id, m.created_at,
            o.id AS organisation_id, o.name AS organisation_name, o.type AS organisation_type
       FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN organisations o ON o.id = u.organisation_id
      WHERE m.ami_id = ? ORDER BY m.created_at, u.name`,
    [amiId],
  );
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    email: row.email,
    organisation:
      row.organisation_id === null ? null : { id: row.organisation_id, name: row.organisation_name ?? '', type: row.organisation_type ?? 'autre' },
    role: row.role,
    viaInvitation: row.invitation_id !== null,
    joinedAt: new Date(toNumber(row.created_at)).toISOString(),
  }));
}

/**
 * Gives `role` to the user on the AMI. An existing membership is only ever raised this way (an
 * invitation for a lower role must not demote an admin who clicks it); explicit changes go through
 * `setMemberRole`. Returns the role the user ends up with.
 */
export async function grantMembership(
  sql: SqlClient,
  grant: { amiId: Id; userId: Id; role: AmiRole; invitationId: Id | null },
  now = Date.now(),
): Promise<AmiRole> {
  const current = await getMembershipRole(sql, grant.amiId, grant.userId);
  if (current === null) {
    await sql.run('INSERT INTO memberships (ami_id, user_id, role, invitation_id, created_at) VALUES (?, ?, ?, ?, ?)', [
      grant.amiId,
      grant.userId,
      grant.role,
      grant.invitationId,
      now,
    ]);
    return grant.role;
  }
  if (AMI_ROLES.indexOf(grant.role) <= AMI_ROLES.indexOf(current)) return current;
  await sql.run('UPDATE memberships SET role = ?, invitation_id = ? WHERE ami_id = ? AND user_id = ?', [
    grant.role,
    grant.invitationId,
    grant.amiId,
    grant.userId,
  ]);
  return grant.role;
}

/** An explicit change by an admin: the membership no longer depends on the link it came from. */
export async function setMemberRole(sql: SqlClient, amiId: Id, userId: Id, role: AmiRole): Promise<void> {
  await sql.run('UPDATE memberships SET role = ?, invitation_id = NULL WHERE ami_id = ? AND user_id = ?', [role, amiId, userId]);
}

export async function removeMember(sql: SqlClient, amiId: Id, userId: Id): Promise<void> {
  await sql.run('DELETE FROM memberships WHERE ami_id = ? AND user_id = ?', [amiId, userId]);
}

export async function countOwners(sql: SqlClient, amiId: Id): Promise<number> {
  const row = await sql.get<{ n: number | string }>("SELECT count(*) AS n FROM memberships WHERE ami_id = ? AND role = 'owner'", [amiId]);
  return toNumber(row?.n ?? 0);
}

/** Revoking a link takes back the access it gave: the members who joined through it and were not changed since. */
export async function removeMembersOfInvitation(sql: SqlClient, invitationId: Id): Promise<Id[]> {
  const rows = await sql.all<{ user_id: Id }>('SELECT user_id FROM memberships WHERE invitation_id = ?', [invitationId]);
  await sql.run('DELETE FROM memberships WHERE invitation_id = ?', [invitationId]);
  return rows.map((row) => row.user_id);
}

export async function listUserMemberships(sql: SqlClient, userId: Id): Promise<{ amiId: Id; amiTitle: string; role: AmiRole; since: number }[]> {
  const rows = await sql.all<{ ami_id: Id; title: string; role: AmiRole; created_at: number | string }>(
    'SELECT m.ami_id, a.title, m.role, m.created_at FROM memberships m JOIN amis a ON a.id = m.ami_id WHERE m.user_id = ? ORDER BY m.created_at',
    [userId],
  );
  return rows.map((row) => ({ amiId: row.ami_id, amiTitle: row.title, role: row.role, since: toNumber(row.created_at) }));
}
