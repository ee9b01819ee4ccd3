import pg from 'pg';
import type { PoolClient } from 'pg';
import type { Logger } from '../log.ts';
import type { AppendEntry, DocumentStore, Storage } from './document-store.ts';
import { inPgTransaction, migratePostgres } from './migrations.ts';
import { postgresClient } from './sql-client.ts';
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

export interface PostgresStoreOptions {
  /** Schema holding the tables (created if needed); used by tests for isolation. */
  schema?: string;
  /** Told about connections lost while idle; failures of calls are thrown to the caller instead. */
  logger?: Logger | undefined;
}

/** Interpolated into SQL and connection options, hence the strict shape. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/** Appends are serialised (see `append`), so a few connections cover loads and compactions. */
const POOL_SIZE = 4;

/**
 * Taken by every append so that appends commit in seq order: an identity value is handed out at
 * INSERT, not at COMMIT, and without it a reader could see seq 11 while seq 10 is still
 * uncommitted — then compact through 11 and delete 10 once it lands, never having loaded it.
 */
const APPEND_LOCK = 0x45505257;

const LOAD_SQL = `
  SELECT ${SNAPSHOT_ROW} AS kind, through_seq AS seq, snapshot AS data
    FROM document_snapshots WHERE name = $1
  UNION ALL
  SELECT ${LOG_ROW}, seq, "update" FROM document_updates WHERE name = $1
  ORDER BY kind, seq`;

// unnest keeps the parameter count at two however many entries a tick brings (the protocol
// caps a statement at 65535 parameters); ORDER BY ord makes identity values follow entry order.
const APPEND_SQL = `
  INSERT INTO document_updates (name, "update")
  SELECT name, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS e(name, data, ord)
  ORDER BY ord
  RETURNING seq`;

// Only moves the snapshot forward; no returned row means the stored one is newer.
const UPSERT_SNAPSHOT_SQL = `
  INSERT INTO document_snapshots (name, snapshot, through_seq) VALUES ($1, $2, $3)
  ON CONFLICT (name) DO UPDATE SET
    snapshot = excluded.snapshot,
    through_seq = excluded.through_seq,
    updated_at = excluded.updated_at
  WHERE document_snapshots.through_seq <= excluded.through_seq
  RETURNING through_seq`;

const STATS_SQL = `
  SELECT
    (SELECT octet_length(snapshot) FROM document_snapshots WHERE name = $1) AS snapshot_bytes,
    (SELECT count(*) FROM document_updates WHERE name = $1) AS log_count,
    (SELECT sum(octet_length("update")) FROM document_updates WHERE name = $1) AS log_bytes`;

/** The document store alone (its `close` ends every connection). */
export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<DocumentStore> {
  return (await openPostgresStorage(connectionString, options)).documents;
}

/**
 * Documents and application records in one database. Records get their own pool so that a burst
 * of REST calls never queues behind document appends (and the reverse).
 */
export async function openPostgresStorage(
  connectionString: string,
  options: PostgresStoreOptions = {},
): Promise<Storage> {
  const { schema, logger } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`postgres document store: invalid schema name "${schema}"`);
  }
  const pool = createPool(connectionString, schema, logger);
  try {
    await withClient(pool, (client) => migratePostgres(client, schema));
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`postgres document store: cannot open: ${reason}`, { cause: error });
  }
  const records = createPool(connectionString, schema, logger);
  const documents = createStore(pool, () => records.end());
  return { kind: 'postgres', documents, sql: postgresClient(records), close: () => documents.close() };
}

function createPool(connectionString: string, schema: string | undefined, logger: Logger | undefined): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // An idle connection dropped by the server emits 'error' on the pool, which would crash the
  // process if unhandled; the pool discards it and reconnects on the next query.
  pool.on('error', (error) => {
    logger?.warn('storage', 'idle PostgreSQL connection lost', { error: error.message });
  });
  return pool;
}

/**
 * After any failure the connection is destroyed rather than returned to the pool: it may still
 * be inside a transaction whose ROLLBACK did not get through.
 */
async function withClient<T>(pool: pg.Pool, use: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await use(client);
    client.release();
    return result;
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

function transaction<T>(pool: pg.Pool, run: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, (client) => inPgTransaction(client, () => run(client)));
}

async function appendAll(pool: pg.Pool, entries: readonly AppendEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const rows = await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const inserted = await client.query<{ seq: string }>(APPEND_SQL, [
      entries.map((entry) => entry.name),
      entries.map((entry) => entry.update),
    ]);
    return inserted.rows;
  });
  // RETURNING order is not guaranteed, but seqs were allocated in entry order.
  return rows.map((row) => toSafeInteger(row.seq, 'seq')).sort((a, b) => a - b);
}

function createStore(pool: pg.Pool, closeOthers: () => Promise<void>): DocumentStore {
  return {
    kind: 'postgres',
    load: (name) =>
      storeOperation('postgres', `load("${name}")`, async () => {
        const result = await pool.query<DocumentRow>(LOAD_SQL, [name]);
        return toStoredDocument(result.rows);
      }),
    append: (entries) =>
      storeOperation('postgres', `append of ${entries.length} entries`, () => {
        checkEntries(entries);
        return appendAll(pool, entries);
      }),
    compact: (name, snapshot, throughSeq) =>
      storeOperation('postgres', `compact("${name}")`, async () => {
        checkCompaction(snapshot, throughSeq);
        await transaction(pool, async (client) => {
          const upserted = await client.query(UPSERT_SNAPSHOT_SQL, [name, snapshot, throughSeq]);
          if (upserted.rowCount === 0) throw staleCompaction(name, throughSeq);
          await client.query('DELETE FROM document_updates WHERE name = $1 AND seq <= $2', [
            name,
            throughSeq,
          ]);
        });
      }),
    stats: (name) =>
      storeOperation('postgres', `stats("${name}")`, async () => {
        const result = await pool.query<StatsRow>(STATS_SQL, [name]);
        return toStats(result.rows[0]);
      }),
    deleteWithPrefix: (prefix) =>
      storeOperation('postgres', `deleteWithPrefix("${prefix}")`, async () => {
        checkPrefix(prefix);
        await transaction(pool, async (client) => {
          await client.query("DELETE FROM document_snapshots WHERE name LIKE $1 || '%'", [prefix]);
          await client.query("DELETE FROM document_updates WHERE name LIKE $1 || '%'", [prefix]);
        });
      }),
    close: () => storeOperation('postgres', 'close', async () => {
        await Promise.all([pool.end(), closeOthers()]);
      }),
  };
}
