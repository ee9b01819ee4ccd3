import type { Id, OrganisationType, OrganisationView } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { newId } from './new-id.ts';

interface OrganisationRow {
  id: Id;
  name: string;
  type: OrganisationType;
}

/**
 * Two agents typing « Commune d'Arras » and « commune d’arras » belong to one organisation: names
 * are matched on a key without case, accents, apostrophe variants or repeated spaces.
 */
export function organisationNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export const toOrganisationView = (row: OrganisationRow): OrganisationView => ({ id: row.id, name: row.name, type: row.type });

/** The organisation of that name and type, created on first use. */
export async function findOrCreateOrganisation(
  sql: SqlClient,
  input: { name: string; type: OrganisationType },
  now = Date.now(),
): Promise<OrganisationView> {
  const key = organisationNameKey(input.name);
  await sql.run(
    'INSERT INTO organisations (id, name, name_key, type, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name_key, type) DO NOTHING',
    [newId(), input.name.trim(), key, input.type, now],
  );
  const row = await sql.get<OrganisationRow>('SELECT id, name, type FROM organisations WHERE name_key = ? AND type = ?', [key, input.type]);
  if (row === undefined) throw new Error('organisation vanished right after its insert');
  return toOrganisationView(row);
}

export async function getOrganisation(sql: SqlClient, id: Id): Promise<OrganisationView | null> {
  const row = await sql.get<OrganisationRow>('SELECT id, name, type FROM organisations WHERE id = ?', [id]);
  return row === undefined ? null : toOrganisationView(row);
}

export async function listOrganisations(sql: SqlClient): Promise<OrganisationView[]> {
  const rows = await sql.all<OrganisationRow>('SELECT id, name, type FROM organisations ORDER BY name_key');
  return rows.map(toOrganisationView);
}
