import type { AmiDates, AmiStatus, DomainView, Id, TechnologyTag } from '@eprouvette/shared';
import { isAmiStatus } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export interface AmiRecord {
  id: Id;
  title: string;
  domain: DomainView;
  status: AmiStatus;
  dates: AmiDates;
  envelopeEuros: number | null;
  summary: string;
  tags: TechnologyTag[];
  createdBy: Id | null;
  createdAt: number;
  updatedAt: number;
}

interface AmiRow {
  id: Id;
  title: string;
  domain_slug: string;
  domain_name: string;
  status: string;
  opens_on: string | null;
  closes_on: string | null;
  ends_on: string | null;
  envelope_euros: number | string | null;
  summary: string;
  tags: string;
  created_by: Id | null;
  created_at: number | string;
  updated_at: number | string;
}

const AMI_SELECT = `SELECT a.id, a.title, a.domain_slug, d.name AS domain_name, a.status, a.opens_on, a.closes_on, a.ends_on,
  a.envelope_euros, a.summary, a.tags, a.created_by, a.created_at, a.updated_at
  FROM amis a JOIN domains d ON d.slug = a.domain_slug`;

function toAmi(row: AmiRow): AmiRecord {
  return {
    id: row.id,
    title: row.title,
    domain: { slug: row.domain_slug, name: row.domain_name },
    // A corrupted status reads as closed (fail closed: `permissions.ts` then allows no change).
    status: isAmiStatus(row.status) ? row.status : 'cloture',
    dates: { opensOn: row.opens_on, closesOn: row.closes_on, endsOn: row.ends_on },
    envelopeEuros: row.envelope_euros === null ? null : toNumber(row.envelope_euros),
    summary: row.summary,
    tags: JSON.parse(row.tags) as TechnologyTag[],
    createdBy: row.created_by,
    createdAt: toNumber(row.created_at),
    updatedAt: toNumber(row.updated_at),
  };
}

export interface AmiFields {
  title: string;
  domain: string;
  dates: AmiDates;
  envelopeEuros: number | null;
  summary: string;
  tags: TechnologyTag[];
}

export async function insertAmi(sql: SqlClient, id: Id, fields: AmiFields, createdBy: Id, now = Date.now()): Promise<void> {
  await sql.run(
    `INSERT INTO amis (id, title, domain_slug, status, opens_on, closes_on, ends_on, envelope_euros, summary, tags, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'brouillon', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, fields.title, fields.domain, fields.dates.opensOn, fields.dates.closesOn, fields.dates.endsOn, fields.envelopeEuros,
      fields.summary, JSON.stringify(fields.tags), createdBy, now, now],
  );
}

export async function updateAmi(sql: SqlClient, id: Id, fields: AmiFields, now = Date.now()): Promise<void> {
  await sql.run(
    `UPDATE amis SET title = ?, domain_slug = ?, opens_on = ?, closes_on = ?, ends_on = ?, envelope_euros = ?, summary = ?, tags = ?, updated_at = ?
     WHERE id = ?`,
    [fields.title, fields.domain, fields.dates.opensOn, fields.dates.closesOn, fields.dates.endsOn, fields.envelopeEuros,
      fields.summary, JSON.stringify(fields.tags), now, id],
  );
}

/** Compare-and-set: false when the status changed meanwhile (two admins clicking at once). */
export async function setAmiStatus(sql: SqlClient, id: Id, from: AmiStatus, to: AmiStatus, now = Date.now()): Promise<boolean> {
  return (await sql.run('UPDATE amis SET status = ?, updated_at = ? WHERE id = ? AND status = ?', [to, now, id, from])) === 1;
}

export async function getAmi(sql: SqlClient, id: Id): Promise<AmiRecord | null> {
  const row = await sql.get<AmiRow>(`${AMI_SELECT} WHERE a.id = ?`, [id]);
  return row === undefined ? null : toAmi(row);
}

/** Every AMI for a platform admin; otherwise those the user is a member of. */
export async function listAmisFor(sql: SqlClient, userId: Id, platformAdmin: boolean): Promise<AmiRecord[]> {
  const rows = platformAdmin
    ? await sql.all<AmiRow>(`${AMI_SELECT} ORDER BY a.updated_at DESC`)
    : await sql.all<AmiRow>(`${AMI_SELECT} JOIN memberships m ON m.ami_id = a.id AND m.user_id = ? ORDER BY a.updated_at DESC`, [userId]);
  return rows.map(toAmi);
}

export async function deleteAmi(sql: SqlClient, id: Id): Promise<void> {
  await sql.run('DELETE FROM amis WHERE id = ?', [id]);
}
