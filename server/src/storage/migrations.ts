import type Database from 'better-sqlite3';
import type { ClientBase } from 'pg';

/**
 * Versioned schema migrations, applied at open by both backends. To change the schema, append a
 * migration to `MIGRATIONS` with the next version; never edit one that has shipped, since
 * databases that already recorded its version will not run it again.
 */
export interface Migration {
  version: number;
  name: string;
  /** The two dialects differ (BLOB vs bytea, AUTOINCREMENT vs identity), so each gets its own SQL. */
  sqlite: string;
  postgres: string;
}

/**
 * The application records of issue 3. Written once for both dialects: booleans are 0/1 integers and
 * instants integer milliseconds on both, so one repository reads the same rows everywhere.
 */
function recordTables({ int8 }: { int8: string }): string {
  return `
    CREATE TABLE organisations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      type TEXT NOT NULL,
      created_at ${int8} NOT NULL,
      UNIQUE (name_key, type)
    );
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      organisation_id TEXT REFERENCES organisations (id),
      password_hash TEXT NOT NULL,
      platform_admin INTEGER NOT NULL DEFAULT 0,
      created_at ${int8} NOT NULL
    );
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      expires_at ${int8} NOT NULL,
      created_at ${int8} NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE domains (
      slug TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      created_at ${int8} NOT NULL
    );
    CREATE TABLE amis (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      domain_slug TEXT NOT NULL REFERENCES domains (slug),
      status TEXT NOT NULL,
      opens_on TEXT,
      closes_on TEXT,
      ends_on TEXT,
      envelope_euros ${int8},
      summary TEXT NOT NULL,
      tags TEXT NOT NULL,
      created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
      created_at ${int8} NOT NULL,
      updated_at ${int8} NOT NULL
    );
    CREATE TABLE invitations (
      id TEXT PRIMARY KEY,
      ami_id TEXT NOT NULL REFERENCES amis (id) ON DELETE CASCADE,
      token_hash TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL,
      expires_at ${int8} NOT NULL,
      max_uses INTEGER NOT NULL,
      uses INTEGER NOT NULL DEFAULT 0,
      revoked_at ${int8},
      created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
      created_at ${int8} NOT NULL
    );
    CREATE INDEX invitations_ami ON invitations (ami_id);
    CREATE TABLE memberships (
      ami_id TEXT NOT NULL REFERENCES amis (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      invitation_id TEXT REFERENCES invitations (id) ON DELETE SET NULL,
      created_at ${int8} NOT NULL,
      PRIMARY KEY (ami_id, user_id)
    );
    CREATE INDEX memberships_user ON memberships (user_id);
    CREATE INDEX memberships_invitation ON memberships (invitation_id);
    CREATE TABLE boards (
      id TEXT PRIMARY KEY,
      ami_id TEXT NOT NULL REFERENCES amis (id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      kind TEXT NOT NULL,
      organisation_id TEXT NOT NULL REFERENCES organisations (id),
      restricted INTEGER NOT NULL DEFAULT 0,
      archived INTEGER NOT NULL DEFAULT 0,
      created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
      created_at ${int8} NOT NULL,
      updated_at ${int8} NOT NULL
    );
    CREATE INDEX boards_ami ON boards (ami_id);
    CREATE TABLE app_flags (
      name TEXT PRIMARY KEY,
      set_at ${int8} NOT NULL
    );
  `;
}

/**
 * Migration 8 (issue 6: essaimage and activity), written once for both dialects.
 * - `templates`: the platform-wide library. The origin (collectivité, AMI id and title) is copied,
 *   not referenced: a template stays « issu de » its AMI after the AMI is deleted. `content` is
 *   the board JSON export of what was published.
 * - `activity`: what changed in an AMI, newest last; `id` orders events and pages the feed. Gone
 *   with the AMI or the board; an event outlives its actor's account (actor set to null).
 * - `board_visits`: per member and board, the board's Yjs snapshot when they last left it.
 */
function essaimageTables({ int8, bytes, identity }: { int8: string; bytes: string; identity: string }): string {
  return `
    CREATE TABLE templates (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      domain_slug TEXT NOT NULL REFERENCES domains (slug),
      tags TEXT NOT NULL,
      origin_organisation_id TEXT NOT NULL,
      origin_organisation_name TEXT NOT NULL,
      origin_ami_id TEXT NOT NULL,
      origin_ami_title TEXT NOT NULL,
      origin_board_id TEXT NOT NULL,
      created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
      created_at ${int8} NOT NULL,
      shape_count INTEGER NOT NULL,
      dropped_images INTEGER NOT NULL,
      content TEXT NOT NULL
    );
    CREATE INDEX templates_created ON templates (created_at);
    CREATE TABLE activity (
      id ${identity},
      ami_id TEXT NOT NULL REFERENCES amis (id) ON DELETE CASCADE,
      board_id TEXT REFERENCES boards (id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
      data TEXT NOT NULL,
      created_at ${int8} NOT NULL
    );
    CREATE INDEX activity_ami ON activity (ami_id, id);
    CREATE TABLE board_visits (
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
      snapshot ${bytes} NOT NULL,
      visited_at ${int8} NOT NULL,
      PRIMARY KEY (user_id, board_id)
    );
  `;
}

/** The search index's tables (migration 7), with the database's own search column on PostgreSQL. */
function searchTables({ int8, identity, searchColumn }: { int8: string; identity: string; searchColumn: string }): string {
  return `
      CREATE TABLE search_entries (
        seq ${identity},
        kind TEXT NOT NULL,
        ami_id TEXT NOT NULL,
        board_id TEXT,
        document TEXT,
        item_ref TEXT,
        focus TEXT,
        label TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at ${int8} NOT NULL${searchColumn}
      );
      CREATE INDEX search_entries_document ON search_entries (document);
      CREATE INDEX search_entries_ami ON search_entries (ami_id, kind);
      CREATE INDEX search_entries_board ON search_entries (board_id, kind);
      CREATE TABLE search_documents (
        document TEXT PRIMARY KEY,
        ami_id TEXT NOT NULL,
        indexed_at ${int8} NOT NULL
      );
      CREATE INDEX search_documents_ami ON search_documents (ami_id);
  `;
}

/**
 * Migration 6 (issue 6: evaluation), written once for both dialects. An AMI's grid row is made
 * with its default criteria the first time the evaluation is read; deleting the AMI deletes it all.
 * - `evaluation_grids`: one per AMI, and when (and by whom) its results were published.
 * - `evaluation_criteria`: the grid, in `position` order; the weight is a decimal.
 * - `evaluations`: one per proposal board and expert, a draft or handed in (`submitted`); gone
 *   with the board or the expert's account.
 * - `evaluation_scores`: per criterion, a score 0–5 or « non concerné » (`not_applicable`), or
 *   only a comment in a draft. A scored criterion cannot be deleted (no ON DELETE on it): the
 *   routes refuse it first, the database refuses it anyway.
 */
function evaluationTables({ int8, real }: { int8: string; real: string }): string {
  return `
    CREATE TABLE evaluation_grids (
      ami_id TEXT PRIMARY KEY REFERENCES amis (id) ON DELETE CASCADE,
      published_at ${int8},
      published_by TEXT REFERENCES users (id) ON DELETE SET NULL,
      created_at ${int8} NOT NULL,
      updated_at ${int8} NOT NULL
    );
    CREATE TABLE evaluation_criteria (
      id TEXT PRIMARY KEY,
      ami_id TEXT NOT NULL REFERENCES evaluation_grids (ami_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      label TEXT NOT NULL,
      description TEXT NOT NULL,
      weight ${real} NOT NULL CHECK (weight > 0)
    );
    CREATE INDEX evaluation_criteria_ami ON evaluation_criteria (ami_id, position);
    CREATE TABLE evaluations (
      board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
      expert_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      ami_id TEXT NOT NULL REFERENCES evaluation_grids (ami_id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
      recommendation TEXT,
      comment TEXT NOT NULL,
      created_at ${int8} NOT NULL,
      updated_at ${int8} NOT NULL,
      PRIMARY KEY (board_id, expert_id)
    );
    CREATE INDEX evaluations_ami ON evaluations (ami_id);
    CREATE INDEX evaluations_expert ON evaluations (expert_id);
    CREATE TABLE evaluation_scores (
      board_id TEXT NOT NULL,
      expert_id TEXT NOT NULL,
      criterion_id TEXT NOT NULL REFERENCES evaluation_criteria (id),
      score INTEGER CHECK (score BETWEEN 0 AND 5),
      not_applicable INTEGER NOT NULL DEFAULT 0,
      comment TEXT NOT NULL,
      PRIMARY KEY (board_id, expert_id, criterion_id),
      FOREIGN KEY (board_id, expert_id) REFERENCES evaluations (board_id, expert_id) ON DELETE CASCADE
    );
    CREATE INDEX evaluation_scores_criterion ON evaluation_scores (criterion_id);
  `;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'document tables',
    // AUTOINCREMENT, not a bare rowid: compaction can delete the newest rows, and a reused seq
    // would break the "seq only grows" promise that compaction relies on.
    sqlite: `
      CREATE TABLE document_snapshots (
        name TEXT PRIMARY KEY,
        snapshot BLOB NOT NULL,
        through_seq INTEGER NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TABLE document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        "update" BLOB NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX document_updates_name_seq ON document_updates (name, seq);
    `,
    postgres: `
      CREATE TABLE document_snapshots (
        name text PRIMARY KEY,
        snapshot bytea NOT NULL,
        through_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE document_updates (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        "update" bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_updates_name_seq ON document_updates (name, seq);
    `,
  },
  {
    version: 2,
    name: 'accounts, organisations, domains, AMIs, memberships, invitations, boards',
    sqlite: recordTables({ int8: 'INTEGER' }),
    postgres: recordTables({ int8: 'bigint' }),
  },
  {
    version: 3,
    name: 'board images',
    // Content-addressed (SHA-256): one copy of an image however many boards use it. `ami_images`
    // records which AMIs an image was uploaded to, since only their members may fetch it.
    sqlite: `
      CREATE TABLE images (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL,
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE ami_images (
        ami_id TEXT NOT NULL REFERENCES amis (id) ON DELETE CASCADE,
        hash TEXT NOT NULL REFERENCES images (hash),
        uploaded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (ami_id, hash)
      );
    `,
    postgres: `
      CREATE TABLE images (
        hash text PRIMARY KEY,
        mime text NOT NULL,
        bytes bytea NOT NULL,
        size integer NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE TABLE ami_images (
        ami_id text NOT NULL REFERENCES amis (id) ON DELETE CASCADE,
        hash text NOT NULL REFERENCES images (hash),
        uploaded_by text REFERENCES users (id) ON DELETE SET NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (ami_id, hash)
      );
    `,
  },
  {
    version: 4,
    name: 'document versions',
    // A version is a full Yjs state (Y.encodeStateAsUpdate), so each one reads alone, whatever
    // compaction later does to the document's log. `seq` orders versions taken in the same
    // millisecond (a « before restore » and the restore's own); `id` is what the API shows.
    // Documents are named, not referenced: deleting an AMI deletes its versions by name prefix,
    // with its documents.
    sqlite: `
      CREATE TABLE document_versions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        document TEXT NOT NULL,
        kind TEXT NOT NULL,
        label TEXT,
        authors TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        state BLOB NOT NULL,
        size INTEGER NOT NULL
      );
      CREATE INDEX document_versions_document ON document_versions (document, seq);
    `,
    postgres: `
      CREATE TABLE document_versions (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        document text NOT NULL,
        kind text NOT NULL,
        label text,
        authors text NOT NULL,
        created_at bigint NOT NULL,
        state bytea NOT NULL,
        size integer NOT NULL
      );
      CREATE INDEX document_versions_document ON document_versions (document, seq);
    `,
  },
  {
    version: 5,
    name: 'board comment reads',
    // When each member last looked at a board's comments: the unread badges count the messages
    // written since. Gone with the board or the account.
    sqlite: `
      CREATE TABLE board_comment_reads (
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, board_id)
      );
    `,
    postgres: `
      CREATE TABLE board_comment_reads (
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        seen_at bigint NOT NULL,
        PRIMARY KEY (user_id, board_id)
      );
    `,
  },
  {
    version: 6,
    name: 'evaluation grids, evaluations and scores',
    sqlite: evaluationTables({ int8: 'INTEGER', real: 'REAL' }),
    postgres: evaluationTables({ int8: 'bigint', real: 'double precision' }),
  },
  {
    version: 7,
    name: 'search index',
    // One row per thing a search result opens (an AMI, a board, an item on a board, a block of a
    // text, a comment thread), rewritten per document by server/src/search/. `search_documents`
    // remembers which documents were indexed, even those with nothing to find, so that a start
    // indexes only the missing ones. SQLite searches an FTS5 table whose rowid is the entry's
    // seq, holding stems computed in TypeScript (FTS5 has no French stemmer); PostgreSQL a
    // tsvector column (its French dictionary) behind a GIN index, with accents folded by the
    // unaccent extension when it can be created (a database user without the right falls back
    // to folding in TypeScript: see search-records.ts).
    sqlite: searchTables({ int8: 'INTEGER', identity: 'INTEGER PRIMARY KEY AUTOINCREMENT', searchColumn: '' }) + `
      CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
    `,
    postgres: `
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'unaccent unavailable (%): search folds accents itself', SQLERRM;
      END $$;
    ` + searchTables({ int8: 'bigint', identity: 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY', searchColumn: ',\n        search tsvector NOT NULL' }) + `
      CREATE INDEX search_entries_search ON search_entries USING GIN (search);
    `,
  },
  {
    version: 8,
    name: 'template library, AMI activity, board visits',
    sqlite: essaimageTables({ int8: 'INTEGER', bytes: 'BLOB', identity: 'INTEGER PRIMARY KEY AUTOINCREMENT' }),
    postgres: essaimageTables({ int8: 'bigint', bytes: 'bytea', identity: 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY' }),
  },
];

const SQLITE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`;

const POSTGRES_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

/** Arbitrary key shared by every Éprouvette server ("EPRV" in ASCII). */
const POSTGRES_MIGRATION_LOCK = 0x45505256;

/** Fails loudly on a mis-ordered list, which would otherwise apply migrations out of order. */
function checkOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (!Number.isInteger(migration.version) || migration.version <= (previous?.version ?? 0)) {
      throw new Error(
        `migrations: version ${migration.version} ("${migration.name}") must be an integer greater than the previous one`,
      );
    }
  });
}

function describeFailure(migration: Migration, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`migration ${migration.version} ("${migration.name}") failed: ${reason}`, {
    cause: error,
  });
}

/** Applies pending migrations, each in its own IMMEDIATE transaction (which also serialises processes). */
export function migrateSqlite(db: Database.Database, migrations = MIGRATIONS): void {
  checkOrdered(migrations);
  db.exec(SQLITE_MIGRATIONS_TABLE);
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      // Checked inside the write transaction: another process may have applied it meanwhile.
      if (isApplied.get(migration.version) !== undefined) return;
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw describeFailure(migration, error);
    }
  }
}

/**
 * Runs `fn` between BEGIN and COMMIT on `client`, with ROLLBACK on failure. A failed ROLLBACK is
 * ignored: the caller must then discard the connection (see `withClient` in postgres.ts), which
 * makes the server abort the transaction anyway.
 */
export async function inPgTransaction<T>(client: ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Held until the end of the current transaction, so two starting servers do not race. */
async function lockMigrations(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [POSTGRES_MIGRATION_LOCK]);
}

/**
 * Applies pending migrations, each in its own transaction under the advisory lock. When `schema`
 * is given (already validated by the caller) it is created first, under the same lock, since
 * concurrent `CREATE SCHEMA IF NOT EXISTS` can fail on a unique violation.
 */
export async function migratePostgres(
  client: ClientBase,
  schema?: string,
  migrations = MIGRATIONS,
): Promise<void> {
  checkOrdered(migrations);
  await inPgTransaction(client, async () => {
    await lockMigrations(client);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(POSTGRES_MIGRATIONS_TABLE);
  });
  for (const migration of migrations) {
    try {
      await inPgTransaction(client, async () => {
        await lockMigrations(client);
        const applied = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
          migration.version,
        ]);
        if (applied.rowCount !== 0) return;
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
      });
    } catch (error) {
      throw describeFailure(migration, error);
    }
  }
}
