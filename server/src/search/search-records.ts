/**
 * The search index in the database, for SQLite and PostgreSQL: the two dialects differ only in
 * how an entry is made searchable and how a query finds entries, and both are here.
 *
 * - SQLite: FTS5 (`search_text`, rowid = the entry's seq) holds the entry's stems, computed by
 *   `french-words.ts` (FTS5 has no French stemmer); the query's stems must all be found; ranked by
 *   bm25 with the title weighing more than the body.
 * - PostgreSQL: the `search` tsvector column, `to_tsvector('french', …)` with the accents folded
 *   by the unaccent extension when the database has it (migration 7 creates it when allowed),
 *   else folded here before the text is sent; `plainto_tsquery('french', …)` the same way; ranked
 *   by ts_rank with the title as weight A.
 *
 * Either way the database only narrows: candidates are the entries of the AMIs the user is a
 * member of (every AMI for platform admins), and the caller decides each one again.
 */
import type { Id, SearchHitKind } from '@eprouvette/shared';
import type { SqlClient, SqlValue } from '../storage/sql-client.ts';
import { foldAccents, stems } from './french-words.ts';
import type { SearchEntry } from './search-entries.ts';

/** An entry the query found, best first. */
export interface SearchCandidate {
  kind: SearchHitKind;
  amiId: Id;
  boardId: Id | null;
  focus: string | null;
  label: string;
  title: string;
  body: string;
}

export interface SearchViewer {
  userId: Id;
  platformAdmin: boolean;
}

interface CandidateRow {
  kind: SearchHitKind;
  ami_id: Id;
  board_id: Id | null;
  focus: string | null;
  label: string;
  title: string;
  body: string;
}

interface SearchDialect {
  insert(tx: SqlClient, entry: SearchEntry, now: number): Promise<void>;
  /** Removes what the database searches for the entries `where` selects, before they are deleted. */
  forget(tx: SqlClient, where: string, params: readonly SqlValue[]): Promise<void>;
  find(sql: SqlClient, query: string, terms: readonly string[], viewer: SearchViewer, limit: number): Promise<CandidateRow[]>;
}

const ENTRY_COLUMNS = 'kind, ami_id, board_id, document, item_ref, focus, label, title, body, updated_at';
const CANDIDATE_COLUMNS = 'e.kind, e.ami_id, e.board_id, e.focus, e.label, e.title, e.body';
/** Platform admins see every AMI; the others the AMIs they are members of. */
const VISIBLE_AMIS = '(? = 1 OR e.ami_id IN (SELECT ami_id FROM memberships WHERE user_id = ?))';

const entryValues = (entry: SearchEntry, now: number): SqlValue[] => [
  entry.kind,
  entry.amiId,
  entry.boardId,
  entry.document,
  entry.itemRef,
  entry.focus,
  entry.label,
  entry.title,
  entry.body,
  now,
];

const viewerValues = (viewer: SearchViewer): SqlValue[] => [viewer.platformAdmin ? 1 : 0, viewer.userId];

const sqliteDialect: SearchDialect = {
  async insert(tx, entry, now) {
    const row = await tx.get<{ seq: number }>(`INSERT INTO search_entries (${ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`, entryValues(entry, now));
    await tx.run('INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)', [row!.seq, stems(entry.title).join(' '), stems(entry.body).join(' ')]);
  },
  async forget(tx, where, params) {
    await tx.run(`DELETE FROM search_text WHERE rowid IN (SELECT seq FROM search_entries WHERE ${where})`, params);
  },
  find(sql, _query, terms, viewer, limit) {
    // Stems are letters and digits only (never a quote): quoted, each is one FTS5 term; side by
    // side, all are required.
    const match = terms.map((term) => `"${term}"`).join(' ');
    return sql.all<CandidateRow>(
      `SELECT ${CANDIDATE_COLUMNS} FROM search_text JOIN search_entries e ON e.seq = search_text.rowid
       WHERE search_text MATCH ? AND ${VISIBLE_AMIS}
       ORDER BY bm25(search_text, 4.0, 1.0), e.seq LIMIT ?`,
      [match, ...viewerValues(viewer), limit],
    );
  },
};

/** The PostgreSQL dialect, with accents folded by unaccent in `schema`, or here when it is null. */
function postgresDialect(unaccentSchema: string | null): SearchDialect {
  const quoted = unaccentSchema === null ? null : `"${unaccentSchema.replaceAll('"', '""')}"`;
  // The two-argument form names its dictionary: it works whatever the search_path.
  const folded = quoted === null ? '?' : `${quoted}.unaccent('${quoted.replaceAll("'", "''")}.unaccent', ?)`;
  const param = (text: string) => (quoted === null ? foldAccents(text) : text);
  return {
    async insert(tx, entry, now) {
      await tx.run(
        `INSERT INTO search_entries (${ENTRY_COLUMNS}, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
         setweight(to_tsvector('french', ${folded}), 'A') || setweight(to_tsvector('french', ${folded}), 'B'))`,
        [...entryValues(entry, now), param(entry.title), param(entry.body)],
      );
    },
    async forget() {
      // The tsvector is a column of the entry: it goes with it.
    },
    find(sql, query, _terms, viewer, limit) {
      return sql.all<CandidateRow>(
        `SELECT ${CANDIDATE_COLUMNS} FROM search_entries e, plainto_tsquery('french', ${folded}) AS q (query)
         WHERE e.search @@ q.query AND ${VISIBLE_AMIS}
         ORDER BY ts_rank(e.search, q.query) DESC, e.seq LIMIT ?`,
        [param(query), ...viewerValues(viewer), limit],
      );
    },
  };
}

const postgresDialects = new WeakMap<SqlClient, Promise<SearchDialect>>();

async function loadPostgresDialect(sql: SqlClient): Promise<SearchDialect> {
  const row = await sql.get<{ schema: string }>(
    "SELECT n.nspname AS schema FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname = 'unaccent'",
  );
  return postgresDialect(row?.schema ?? null);
}

/** The dialect of `sql`; on PostgreSQL, whether unaccent is there is asked once per client. */
function dialectOf(sql: SqlClient): Promise<SearchDialect> {
  if (sql.dialect === 'sqlite') return Promise.resolve(sqliteDialect);
  let dialect = postgresDialects.get(sql);
  if (dialect === undefined) {
    dialect = loadPostgresDialect(sql);
    dialect.catch(() => postgresDialects.delete(sql));
    postgresDialects.set(sql, dialect);
  }
  return dialect;
}

/** For tests: the PostgreSQL dialect as it is without the unaccent extension. */
export function foldingInTypeScript(sql: SqlClient): void {
  if (sql.dialect === 'postgres') postgresDialects.set(sql, Promise.resolve(postgresDialect(null)));
}

async function deleteWhere(tx: SqlClient, dialect: SearchDialect, where: string, params: readonly SqlValue[]): Promise<void> {
  await dialect.forget(tx, where, params);
  await tx.run(`DELETE FROM search_entries WHERE ${where}`, params);
}

/** Replaces the entries read from `document` and records that it is indexed, in one transaction. */
export async function replaceDocumentEntries(sql: SqlClient, document: string, amiId: Id, entries: readonly SearchEntry[], now = Date.now()): Promise<void> {
  const dialect = await dialectOf(sql);
  await sql.transaction(async (tx) => {
    await deleteWhere(tx, dialect, 'document = ?', [document]);
    for (const entry of entries) await dialect.insert(tx, entry, now);
    await tx.run('DELETE FROM search_documents WHERE document = ?', [document]);
    await tx.run('INSERT INTO search_documents (document, ami_id, indexed_at) VALUES (?, ?, ?)', [document, amiId, now]);
  });
}

/** Replaces the entry of an AMI record or of a board record. */
export async function replaceRecordEntry(sql: SqlClient, entry: SearchEntry, now = Date.now()): Promise<void> {
  const dialect = await dialectOf(sql);
  const [where, params] = entry.kind === 'board' ? ["kind = 'board' AND board_id = ?", [entry.boardId]] : ["kind = 'ami' AND ami_id = ?", [entry.amiId]];
  await sql.transaction(async (tx) => {
    await deleteWhere(tx, dialect, where, params);
    await dialect.insert(tx, entry, now);
  });
}

/** Everything indexed for an AMI, deleted with the AMI. */
export async function deleteAmiEntries(sql: SqlClient, amiId: Id): Promise<void> {
  const dialect = await dialectOf(sql);
  await sql.transaction(async (tx) => {
    await deleteWhere(tx, dialect, 'ami_id = ?', [amiId]);
    await tx.run('DELETE FROM search_documents WHERE ami_id = ?', [amiId]);
  });
}

/**
 * The entries that match every stem of the query (`terms`, from `queryStems`; PostgreSQL
 * parses `query` itself) in the AMIs `viewer` may see, best first, at most `limit`.
 */
export async function findCandidates(sql: SqlClient, query: string, terms: readonly string[], viewer: SearchViewer, limit: number): Promise<SearchCandidate[]> {
  if (terms.length === 0) return [];
  const rows = await (await dialectOf(sql)).find(sql, query, terms, viewer, limit);
  return rows.map((row) => ({ kind: row.kind, amiId: row.ami_id, boardId: row.board_id, focus: row.focus, label: row.label, title: row.title, body: row.body }));
}

/** Documents indexed so far. */
export async function indexedDocuments(sql: SqlClient): Promise<Set<string>> {
  return new Set((await sql.all<{ document: string }>('SELECT document FROM search_documents')).map((row) => row.document));
}

/** AMIs and boards whose record has no entry yet (created before the index, or by another part). */
export async function unindexedRecords(sql: SqlClient): Promise<{ amis: Id[]; boards: { amiId: Id; boardId: Id }[] }> {
  const amis = await sql.all<{ id: Id }>("SELECT id FROM amis WHERE id NOT IN (SELECT ami_id FROM search_entries WHERE kind = 'ami') ORDER BY id");
  const boards = await sql.all<{ ami_id: Id; id: Id }>(
    "SELECT ami_id, id FROM boards WHERE id NOT IN (SELECT board_id FROM search_entries WHERE kind = 'board') ORDER BY ami_id, id",
  );
  return { amis: amis.map((row) => row.id), boards: boards.map((row) => ({ amiId: row.ami_id, boardId: row.id })) };
}

/** Every AMI and its boards: whose documents there are to index. */
export async function listDocumentOwners(sql: SqlClient): Promise<{ amiId: Id; boardIds: Id[] }[]> {
  const owners = new Map((await sql.all<{ id: Id }>('SELECT id FROM amis ORDER BY id')).map((row) => [row.id, [] as Id[]]));
  for (const row of await sql.all<{ ami_id: Id; id: Id }>('SELECT ami_id, id FROM boards ORDER BY ami_id, id')) owners.get(row.ami_id)?.push(row.id);
  return [...owners].map(([amiId, boardIds]) => ({ amiId, boardIds }));
}
