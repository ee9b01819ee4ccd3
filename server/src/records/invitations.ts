import type { AmiRole, Id, InvitationView } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export interface InvitationRecord {
  id: Id;
  amiId: Id;
  role: AmiRole;
  expiresAt: number;
  maxUses: number;
  uses: number;
  revokedAt: number | null;
  createdByName: string | null;
  createdAt: number;
}

interface InvitationRow {
  id: Id;
  ami_id: Id;
  role: AmiRole;
  expires_at: number | string;
  max_uses: number | string;
  uses: number | string;
  revoked_at: number | string | null;
  created_by_name: string | null;
  created_at: number | string;
}

const INVITATION_SELECT = `SELECT i.id, i.ami_id, i.role, i.expires_at, i.max_uses, i.uses, i.revoked_at, u.name AS created_by_name, i.created_at
  FROM invitations i LEFT JOIN users u ON u.id = i.created_by`;

function toInvitation(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    amiId: row.ami_id,
    role: row.role,
    expiresAt: toNumber(row.expires_at),
    maxUses: toNumber(row.max_uses),
    uses: toNumber(row.uses),
    revokedAt: row.revoked_at === null ? null : toNumber(row.revoked_at),
    createdByName: row.created_by_name,
    createdAt: toNumber(row.created_at),
  };
}

export function toInvitationView(record: InvitationRecord): InvitationView {
  return {
    id: record.id,
    role: record.role,
    expiresAt: new Date(record.expiresAt).toISOString(),
    maxUses: record.maxUses,
    uses: record.uses,
    revoked: record.revokedAt !== null,
    createdBy: record.createdByName ?? 'compte supprimé',
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

export interface NewInvitation {
  id: Id;
  amiId: Id;
  tokenHash: string;
  role: AmiRole;
  expiresAt: number;
  maxUses: number;
  createdBy: Id;
}

export async function insertInvitation(sql: SqlClient, invitation: NewInvitation, now = Date.now()): Promise<void> {
  await sql.run(
    'INSERT INTO invitations (id, ami_id, token_hash, role, expires_at, max_uses, uses, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)',
    [invitation.id, invitation.amiId, invitation.tokenHash, invitation.role, invitation.expiresAt, invitation.maxUses, invitation.createdBy, now],
  );
}

export async function getInvitation(sql: SqlClient, amiId: Id, id: Id): Promise<InvitationRecord | null> {
  const row = await sql.get<InvitationRow>(`${INVITATION_SELECT} WHERE i.id = ? AND i.ami_id = ?`, [id, amiId]);
  return row === undefined ? null : toInvitation(row);
}

export async function findInvitationByTokenHash(sql: SqlClient, tokenHash: string): Promise<InvitationRecord | null> {
  const row = await sql.get<InvitationRow>(`${INVITATION_SELECT} WHERE i.token_hash = ?`, [tokenHash]);
  return row === undefined ? null : toInvitation(row);
}

export async function listInvitations(sql: SqlClient, amiId: Id): Promise<InvitationRecord[]> {
  const rows = await sql.all<InvitationRow>(`${INVITATION_SELECT} WHERE i.ami_id = ? ORDER BY i.created_at DESC`, [amiId]);
  return rows.map(toInvitation);
}

/** Why a link cannot be used, in French, or null when it can. */
export function invitationUnusableReason(record: InvitationRecord, now = Date.now()): string | null {
  if (record.revokedAt !== null) return 'Ce lien d’invitation a été révoqué.';
  if (record.expiresAt <= now) return 'Ce lien d’invitation a expiré.';
  if (record.uses >= record.maxUses) return 'Ce lien d’invitation a déjà servi le nombre de fois prévu.';
  return null;
}

/** Takes one use of the link if it is still usable; one statement, so two last uses cannot both pass. */
export async function consumeInvitation(sql: SqlClient, id: Id, now = Date.now()): Promise<boolean> {
  return (
    (await sql.run('UPDATE invitations SET uses = uses + 1 WHERE id = ? AND revoked_at IS NULL AND expires_at > ? AND uses < max_uses', [id, now])) === 1
  );
}

export async function revokeInvitation(sql: SqlClient, id: Id, now = Date.now()): Promise<boolean> {
  return (await sql.run('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now, id])) === 1;
}
