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
