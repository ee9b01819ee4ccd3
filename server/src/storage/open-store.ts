import type { Logger } from '../log.ts';
import type { DocumentStore, Storage } from './document-store.ts';
import { openPostgresStorage } from './postgres.ts';
import { openSqliteStorage } from './sqlite.ts';

export interface DocumentStoreConfig {
  /** Directory of the embedded SQLite database, used when no `databaseUrl` is given. */
  dataDir: string;
  /** PostgreSQL connection string (DATABASE_URL); takes precedence over `dataDir`. */
  databaseUrl?: string | undefined;
  logger?: Logger | undefined;
}

export function openStorage(config: DocumentStoreConfig): Promise<Storage> {
  // An empty DATABASE_URL= in an env file means "not set", not "connect with defaults".
  return config.databaseUrl
    ? openPostgresStorage(config.databaseUrl, { logger: config.logger })
    : openSqliteStorage(config.dataDir);
}

/** The document store alone, for tools and tests that need no records. */
export async function openDocumentStore(config: DocumentStoreConfig): Promise<DocumentStore> {
  return (await openStorage(config)).documents;
}
