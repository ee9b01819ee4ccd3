import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AppendEntry, DocumentStore, Storage } from './document-store.ts';
import { migrateSqlite } from './migrations.ts';
import { sqliteClient } from './sql-client.ts';
import {
  checkCompaction,
  checkEntries,
  checkPrefix,
  LOG_ROW,
  SNAPSHOT_ROW,
  staleCompaction,
  storeOperation,
  toSafeInteger,
  toStats,
  toStoredDocument,
} from './sql-rows.ts';
import type { DocumentRow, StatsRow } from './sql-rows.ts';

export const SQLITE_FILE_NAME = 'eprouvette.db';

/** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/** The document store alone (its `close` closes the database). */
export async function openSqliteStore(dataDir: string): Promise<DocumentStore> {
  return (await openSqliteStorage(dataDir)).documents;
}

/** Embedded storage: one SQLite file `eprouvette.db` in `dataDir`, created (with the directory) if missing. */
export async function openSqliteStorage(dataDir: string): Promise<Storage> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, SQLITE_FILE_NAME);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    configure(db);
    migrateSqlite(db);
    const documents = createStore(db);
    return { kind: 'sqlite', documents, sql: sqliteClient(db), close: () => documents.close() };
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`sqlite document store: cannot open ${path}: ${reason}`, { cause: error });
  }
}

function configure(db: Database.Database): void {
  // WAL lets loads proceed during writes; FULL syncs the WAL at every commit, so an acknowledged
  // append survives power loss, not only a process crash.
  const mode: unknown = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`WAL journal mode unavailable (got "${String(mode)}")`);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function createStore(db: Database.Database): DocumentStore {
  const insertUpdate = db.prepare<[string, Uint8Array]>(
    'INSERT INTO document_updates (name, "update") VALUES (?, ?)',
  );
  const selectDocument = db.prepare<[string, string], DocumentRow>(`
    SELECT ${SNAPSHOT_ROW} AS kind, through_seq AS seq, snapshot AS data
      FROM document_snapshots WHERE name = ?
    UNION ALL
    SELECT ${LOG_ROW}, seq, "update" FROM document_updates WHERE name = ?
    ORDER BY kind, seq`);
  // Only moves the snapshot forward; no returned row means the stored one is newer.
  const upsertSnapshot = db.prepare<[string, Uint8Array, number], { through_seq: number }>(`
    INSERT INTO document_snapshots (name, snapshot, through_seq) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET
      snapshot = excluded.snapshot,
      through_seq = excluded.through_seq,
      updated_at = excluded.updated_at
    WHERE document_snapshots.through_seq <= excluded.through_seq
    RETURNING through_seq`);
  const deleteThrough = db.prepare<[string, number]>(
    'DELETE FROM document_updates WHERE name = ? AND seq <= ?',
  );
  const selectStats = db.prepare<[string, string, string], StatsRow>(`
    SELECT
      (SELECT length(snapshot) FROM document_snapshots WHERE name = ?) AS snapshot_bytes,
      (SELECT count(*) FROM document_updates WHERE name = ?) AS log_count,
      (SELECT sum(length("update")) FROM document_updates WHERE name = ?) AS log_bytes`);

  const deleteSnapshots = db.prepare<[string]>("DELETE FROM document_snapshots WHERE name LIKE ? || '%'");
  const deleteUpdates = db.prepare<[string]>("DELETE FROM document_updates WHERE name LIKE ? || '%'");
  const deletePrefixed = db.transaction((prefix: string) => {
    deleteSnapshots.run(prefix);
    deleteUpdates.run(prefix);
  });

  // IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy_timeout) instead
  // of failing when a deferred transaction tries to upgrade.
  const appendAll = db.transaction((entries: readonly AppendEntry[]) =>
    entries.map((entry) =>
      toSafeInteger(insertUpdate.run(entry.name, entry.update).lastInsertRowid, 'seq'),
    ),
  );
  const compactDocument = db.transaction(
    (name: string, snapshot: Uint8Array, throughSeq: number) => {
      if (upsertSnapshot.get(name, snapshot, throughSeq) === undefined) {
        throw staleCompaction(name, throughSeq);
      }
      deleteThrough.run(name, throughSeq);
    },
  );

  return {
    kind: 'sqlite',
    load: (name) =>
      storeOperation('sqlite', `load("${name}")`, () =>
        toStoredDocument(selectDocument.all(name, name)),
      ),
    append: (entries) =>
      storeOperation('sqlite', `append of ${entries.length} entries`, () => {
        checkEntries(entries);
        return appendAll.immediate(entries);
      }),
    compact: (name, snapshot, throughSeq) =>
      storeOperation('sqlite', `compact("${name}")`, () => {
        checkCompaction(snapshot, throughSeq);
        compactDocument.immediate(name, snapshot, throughSeq);
      }),
    stats: (name) =>
      storeOperation('sqlite', `stats("${name}")`, () =>
        toStats(selectStats.get(name, name, name)),
      ),
    deleteWithPrefix: (prefix) =>
      storeOperation('sqlite', `deleteWithPrefix("${prefix}")`, () => {
        checkPrefix(prefix);
        deletePrefixed.immediate(prefix);
      }),
    close: () =>
      storeOperation('sqlite', 'close', () => {
        db.close();
      }),
  };
}
