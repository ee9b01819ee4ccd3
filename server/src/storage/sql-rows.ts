import type { AppendEntry, DocumentStats, DocumentStore, StoredDocument } from './document-store.ts';

/**
 * What the SQLite and PostgreSQL stores share besides their SQL: argument checks, error messages
 * and the conversion of query rows into the `DocumentStore` shapes.
 */

type Backend = DocumentStore['kind'];

/** Integer column as a driver returns it: a number (SQLite), a bigint, or a decimal string (pg int8). */
type DbInteger = number | bigint | string;

/**
 * Both stores load a document with one statement returning the snapshot first (kind 0, seq =
 * through_seq) then the log (kind 1) in seq order. A single statement sees a single database
 * state, so a compaction committing in between cannot make the log lose rows the snapshot lacks.
 */
export const SNAPSHOT_ROW = 0;
export const LOG_ROW = 1;

export interface DocumentRow {
  kind: number;
  seq: DbInteger;
  data: Uint8Array;
}

export interface StatsRow {
  snapshot_bytes: DbInteger | null;
  log_count: DbInteger;
  log_bytes: DbInteger | null;
}

export function toSafeInteger(value: DbInteger | null, what: string): number {
  const number = Number(value ?? 0);
  if (!Number.isSafeInteger(number)) {
    throw new Error(`${what} ${String(value)} is not a safe integer`);
  }
  return number;
}

export function toStoredDocument(rows: readonly DocumentRow[]): StoredDocument {
  const document: StoredDocument = { snapshot: null, updates: [], lastSeq: 0, logBytes: 0 };
  for (const row of rows) {
    document.lastSeq = Math.max(document.lastSeq, toSafeInteger(row.seq, 'seq'));
    if (row.kind === SNAPSHOT_ROW) {
      document.snapshot = row.data;
    } else {
      document.updates.push(row.data);
      document.logBytes += row.data.byteLength;
    }
  }
  return document;
}

export function toStats(row: StatsRow | undefined): DocumentStats {
  return {
    snapshotBytes: toSafeInteger(row?.snapshot_bytes ?? 0, 'snapshot size'),
    logCount: toSafeInteger(row?.log_count ?? 0, 'log count'),
    logBytes: toSafeInteger(row?.log_bytes ?? 0, 'log size'),
  };
}

/**
 * The drivers would quietly store a string or a number as text, so bytes are checked here. Names
 * are left to the NOT NULL constraint, inside the transaction.
 */
export function checkEntries(entries: readonly AppendEntry[]): void {
  entries.forEach((entry, index) => {
    if (!(entry.update instanceof Uint8Array)) {
      throw new TypeError(`entry ${index} ("${entry.name}"): update must be a Uint8Array`);
    }
  });
}

export function checkCompaction(snapshot: Uint8Array, throughSeq: number): void {
  if (!(snapshot instanceof Uint8Array)) throw new TypeError('snapshot must be a Uint8Array');
  if (!Number.isSafeInteger(throughSeq) || throughSeq < 0) {
    throw new RangeError(`throughSeq must be a non-negative integer, got ${throughSeq}`);
  }
}

/**
 * Thrown when the stored snapshot already covers more than `throughSeq`: replacing it would drop
 * the log rows between the two, which the older snapshot may lack (e.g. two compactions racing).
 */
export function staleCompaction(name: string, throughSeq: number): Error {
  return new Error(
    `snapshot of "${name}" already covers a seq newer than ${throughSeq}; stale compaction refused`,
  );
}

/** Runs one store operation, prefixing any failure with the backend and the operation. */
export async function storeOperation<T>(
  backend: Backend,
  operation: string,
  run: () => T | Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${backend} document store: ${operation} failed: ${reason}`, { cause: error });
  }
}

/** A LIKE prefix: wildcards or an empty prefix would delete other documents. */
export function checkPrefix(prefix: string): void {
  if (prefix === '' || /[%_\\]/.test(prefix)) throw new Error(`invalid document name prefix "${prefix}"`);
}
