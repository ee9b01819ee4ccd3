import type { Logger } from '../log.ts';
import type { DocumentStore } from './document-store.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';

export interface DocumentStoreConfig {
  /** Directory of the embedded SQLite database, used when no `databaseUrl` is given. */
  dataDir: string;
  /** PostgreSQL connection string (DATABASE_URL); takes precedence over `dataDir`. */
  databaseUrl?: string | undefined;
  logger?: Logger | undefined;
}

export function openDocumentStore(config: DocumentStoreConfig): Promise<DocumentStore> {
  // An empty DATABASE_URL= in an env file means "not set", not "connect with defaults".
  return config.databaseUrl
    ? openPostgresStore(config.databaseUrl, { logger: config.logger })
    : openSqliteStore(config.dataDir);
}
