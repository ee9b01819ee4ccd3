import type Database from 'better-sqlite3';
import type pg from 'pg';
import { inPgTransaction } from './migrations.ts';

/**
 * The small SQL interface the application records (accounts, AMIs, boards…) are written against,
 * so that one repository serves SQLite and PostgreSQL. Statements use `?` placeholders; the
 * PostgreSQL adapter numbers them. Both schemas store booleans as 0/1 integers and instants as
 * integer milliseconds, so rows read the same on both (pg returns int8 as a decimal string,
 * hence `toNumber` in the repositories).
 */
/** Bytes go in as Buffer: both drivers bind it as a BLOB / bytea. */
export type SqlValue = string | number | null | Buffer;

export interface SqlClient {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Resolves with the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (tx: SqlClient) => Promise<T>): Promise<T>;
}

/**
 * SQLite adapter on the document store's own connection (one handle per file: two handles would
 * make one block the event loop on the other's write lock).
 *
 * better-sqlite3 is synchronous, so a transaction body's awaits only ever wait on microtasks.
 * Two rules keep that true: other application statements wait until the open transaction ends
 * (they would otherwise run inside it), and a body that awaits anything slower (a timer, a hash,
 * the network) is a programming error, detected and rolled back — the document store's appends
 * run from later macrotasks and must never land inside an application transaction.
 */
export function sqliteClient(db: Database.Database): SqlClient {
  let open: Promise<void> | null = null;
  const direct: SqlClient = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => db.prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => db.prepare(sql).get(...params) as T | undefined,
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
    transaction: (body) => body(direct),
  };
  // The check for an open transaction and the statement (or BEGIN) that follows must run with
  // nothing awaited in between, or two callers both see "no transaction" and collide.
  return {
    dialect: 'sqlite',
    async all(sql, params) {
      while (open !== null) await open;
      return direct.all(sql, params);
    },
    async get(sql, params) {
      while (open !== null) await open;
      return direct.get(sql, params);
    },
    async run(sql, params) {
      while (open !== null) await open;
      return direct.run(sql, params);
    },
    async transaction(body) {
      while (open !== null) await open;
      let release!: () => void;
      open = new Promise((resolve) => (release = resolve));
      let crossedMacrotask = false;
      const probe = setImmediate(() => (crossedMacrotask = true));
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await body(direct);
        if (crossedMacrotask) throw new Error('sqlite transaction body awaited more than database work');
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        clearImmediate(probe);
        open = null;
        release();
      }
    },
  };
}

/** `?` → `$1, $2…`; the statements of this codebase never contain a literal question mark. */
function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

function pgQueries(query: (sql: string, params: SqlValue[]) => Promise<pg.QueryResult>) {
  return {
    dialect: 'postgres' as const,
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await query(numberPlaceholders(sql), [...params])).rows as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await query(numberPlaceholders(sql), [...params])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => (await query(numberPlaceholders(sql), [...params])).rowCount ?? 0,
  };
}

/** PostgreSQL adapter: statements on the pool, a transaction on one dedicated connection. */
export function postgresClient(pool: pg.Pool): SqlClient {
  return {
    ...pgQueries((sql, params) => pool.query(sql, params)),
    async transaction(body) {
      const client = await pool.connect();
      try {
        const tx: SqlClient = {
          ...pgQueries((sql, params) => client.query(sql, params)),
          transaction: (nested) => nested(tx),
        };
        const result = await inPgTransaction(client, () => body(tx));
        client.release();
        return result;
      } catch (error) {
        // The connection may still be inside the failed transaction: discard it.
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    },
  };
}

/** Integer columns: numbers from SQLite, decimal strings from pg's int8. */
export function toNumber(value: number | string | bigint): number {
  return typeof value === 'number' ? value : Number(value);
}
