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
