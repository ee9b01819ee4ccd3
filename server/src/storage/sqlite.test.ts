import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDocumentStoreContract } from './document-store.contract.ts';
import { MIGRATIONS, migrateSqlite } from './migrations.ts';
import type { Migration } from './migrations.ts';
import { openDocumentStore } from './open-store.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite.ts';

const contractDir = await mkdtemp(join(tmpdir(), 'eprouvette-sqlite-contract-'));
describeDocumentStoreContract(
  'sqlite',
  () => openSqliteStore(contractDir),
  () => rm(contractDir, { recursive: true, force: true }),
);

describe('sqlite store', () => {
  let root: string;
  let dirCount = 0;
  const freshDir = () => join(root, `store-${++dirCount}`);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eprouvette-sqlite-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Opens and closes a store, leaving an initialised database behind. */
  async function initialise(dataDir: string): Promise<string> {
    await (await openSqliteStore(dataDir)).close();
    return join(dataDir, SQLITE_FILE_NAME);
  }

  function withRawDb<T>(file: string, use: (db: Database.Database) => T): T {
    const db = new Database(file);
    try {
      return use(db);
    } finally {
      db.close();
    }
  }

  function recordedMigrations(file: string): unknown[] {
    return withRawDb(file, (db) =>
      db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all(),
    );
  }

  it('creates a nested data directory that does not exist yet', async () => {
    const dataDir = join(freshDir(), 'deeply', 'nested');
    expect(existsSync(dataDir)).toBe(false);
    const store = await openSqliteStore(dataDir);
    await store.close();
    expect(store.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
  });

  it('is what openDocumentStore picks without a database URL, even an empty one', async () => {
    for (const databaseUrl of [undefined, '']) {
      const dataDir = freshDir();
      const store = await openDocumentStore({ dataDir, databaseUrl });
      await store.close();
      expect(store.kind).toBe('sqlite');
      expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
    }
  });

  it('puts the database in WAL mode', async () => {
    const file = await initialise(freshDir());
    expect(withRawDb(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('records migrations once and does not re-apply them on reopen', async () => {
    const dataDir = freshDir();
    const file = await initialise(dataDir);
    const recorded = recordedMigrations(file);
    expect(recorded.map((row) => (row as { version: number }).version)).toEqual(
      MIGRATIONS.map((migration) => migration.version),
    );

    await initialise(dataDir);
    expect(recordedMigrations(file)).toEqual(recorded);
  });

  it('applies a migration appended to the list to an existing database', async () => {
    const file = await initialise(freshDir());
    const next: Migration = {
      version: 1000,
      name: 'probe table',
      sqlite: 'CREATE TABLE probe (id INTEGER PRIMARY KEY)',
      postgres: 'CREATE TABLE probe (id integer PRIMARY KEY)',
    };
    withRawDb(file, (db) => {
      migrateSqlite(db, [...MIGRATIONS, next]);
      migrateSqlite(db, [...MIGRATIONS, next]);
      expect(db.prepare('SELECT count(*) FROM probe').pluck().get()).toBe(0);
      expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(1000);
    });
  });

  it('rolls back a failing migration entirely', async () => {
    const file = await initialise(freshDir());
    const broken: Migration = {
      version: 1000,
      name: 'broken',
      sqlite: 'CREATE TABLE half_done (id INTEGER); SELECT no_such_column FROM half_done',
      postgres: 'unused',
    };
    withRawDb(file, (db) => {
      expect(() => migrateSqlite(db, [...MIGRATIONS, broken])).toThrow(/migration 1000 \("broken"\)/);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all();
      expect(tables).toEqual([]);
      expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.at(-1)!.version);
    });
  });

  it('refuses a migration list that is out of order', async () => {
    const file = await initialise(freshDir());
    const reordered = [...MIGRATIONS, { ...MIGRATIONS[0]!, version: 0 }];
    withRawDb(file, (db) => {
      expect(() => migrateSqlite(db, reordered)).toThrow(/greater than the previous/);
    });
  });
});
