import type { SqlClient } from './sql-client.ts';

/**
 * Durable storage of Yjs documents: per document, an optional snapshot (a full Yjs update) and an
 * append-only log of the updates received since. Loading = snapshot + log, in order.
 * Implementations: `sqlite.ts` (embedded default) and `postgres.ts` (when DATABASE_URL is set);
 * both pass `document-store.contract.ts`.
 */
export interface StoredDocument {
  /** Merged state up to `snapshotSeq`, or null when the document was never compacted. */
  snapshot: Uint8Array | null;
  /** Log entries after the snapshot, in append order. */
  updates: Uint8Array[];
  /** Sequence number of the newest entry folded into the snapshot or present in the log; 0 if none. */
  lastSeq: number;
  /** Total bytes of `updates` (what compaction thresholds look at). */
  logBytes: number;
}

export interface AppendEntry {
  name: string;
  update: Uint8Array;
}

export interface DocumentStats {
  snapshotBytes: number;
  logCount: number;
  logBytes: number;
}

export interface DocumentStore {
  /** Which backend, for logs and the health endpoint. */
  readonly kind: 'sqlite' | 'postgres';
  /** Snapshot + log of one document; an unknown document loads as empty. */
  load(name: string): Promise<StoredDocument>;
  /**
   * Appends every entry in ONE transaction (all or nothing) and resolves with the sequence number
   * given to each entry, in the same order. Sequence numbers grow monotonically per store.
   */
  append(entries: readonly AppendEntry[]): Promise<number[]>;
  /**
   * Atomically replaces the snapshot with `snapshot` and deletes the log entries with
   * seq <= throughSeq. `snapshot` must contain everything in the old snapshot and in those entries.
   * Entries appended after throughSeq are kept. A crash at any point leaves either the old or the
   * new state, never a mix that loses data.
   */
  compact(name: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Sizes, for compaction decisions, tests and benchmarks. */
  stats(name: string): Promise<DocumentStats>;
  /**
   * Deletes every document whose name starts with `prefix` (snapshot and log), e.g. all the
   * documents of a deleted AMI (`ami-<id>.`). The prefix must not contain SQL wildcards.
   */
  deleteWithPrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Everything the server keeps: the documents, and the application records (accounts, AMIs…)
 * reached through `sql`. One database for both; `close` closes it.
 */
export interface Storage {
  readonly kind: DocumentStore['kind'];
  readonly documents: DocumentStore;
  readonly sql: SqlClient;
  close(): Promise<void>;
}
