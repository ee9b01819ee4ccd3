/**
 * The `document_versions` table (migration 4): full states of a document kept as versions.
 * Listing never reads the states, which may be megabytes each.
 */
import type { Id, VersionKind } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export interface VersionRecord {
  id: Id;
  document: string;
  kind: VersionKind;
  label: string | null;
  authors: Id[];
  createdAt: number;
  bytes: number;
}

export interface VersionWithState extends VersionRecord {
  state: Uint8Array;
}

export interface NewVersion {
  id: Id;
  document: string;
  kind: VersionKind;
  label: string | null;
  authors: readonly Id[];
  state: Uint8Array;
}

interface VersionRow {
  id: Id;
  document: string;
  kind: VersionKind;
  label: string | null;
  authors: string;
  created_at: number | string;
  size: number | string;
}

const COLUMNS = 'id, document, kind, label, authors, created_at, size';

/** Author lists are written by this module only; a damaged one reads as no authors. */
function parseAuthors(json: string): Id[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((id): id is Id => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function toVersion(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    document: row.document,
    kind: row.kind,
    label: row.label,
    authors: parseAuthors(row.authors),
    createdAt: toNumber(row.created_at),
    bytes: toNumber(row.size),
  };
}

export async function insertVersion(sql: SqlClient, version: NewVersion, now = Date.now()): Promise<VersionRecord> {
  const { state } = version;
  await sql.run(`INSERT INTO document_versions (${COLUMNS}, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
    version.id,
    version.document,
    version.kind,
    version.label,
    JSON.stringify(version.authors),
    now,
    state.byteLength,
    Buffer.from(state.buffer, state.byteOffset, state.byteLength),
  ]);
  return { id: version.id, document: version.document, kind: version.kind, label: version.label, authors: [...version.authors], createdAt: now, bytes: state.byteLength };
}

/** The document's versions, newest first, without their states. */
export async function listVersions(sql: SqlClient, document: string): Promise<VersionRecord[]> {
  const rows = await sql.all<VersionRow>(`SELECT ${COLUMNS} FROM document_versions WHERE document = ? ORDER BY seq DESC`, [document]);
  return rows.map(toVersion);
}

/** One version of this document with its state; a version of another document is not found. */
export async function getVersion(sql: SqlClient, document: string, id: Id): Promise<VersionWithState | null> {
  const row = await sql.get<VersionRow & { state: Uint8Array }>(`SELECT ${COLUMNS}, state FROM document_versions WHERE document = ? AND id = ?`, [document, id]);
  return row === undefined ? null : { ...toVersion(row), state: new Uint8Array(row.state) };
}

/** Document names are `[a-z0-9.-]`: a prefix of them can never hold a LIKE wildcard. */
const PREFIX_PATTERN = /^[a-z0-9.-]+$/;

/** Deletes the versions of every document whose name starts with `prefix` (an AMI's: `ami-<id>.`). */
export async function deleteVersionsWithPrefix(sql: SqlClient, prefix: string): Promise<number> {
  if (!PREFIX_PATTERN.test(prefix)) throw new Error(`deleteVersionsWithPrefix: invalid prefix ${JSON.stringify(prefix)}`);
  return sql.run("DELETE FROM document_versions WHERE document LIKE ? || '%'", [prefix]);
}

/** Names of the authors still having an account, by id. */
export async function authorNames(sql: SqlClient, ids: readonly Id[]): Promise<Map<Id, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await sql.all<{ id: Id; name: string }>(`SELECT id, name FROM users WHERE id IN (${unique.map(() => '?').join(', ')})`, unique);
  return new Map(rows.map((row) => [row.id, row.name]));
}
