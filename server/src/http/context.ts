import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { AttemptLimiter, LoginLimiter } from '../auth/login-limiter.ts';
import type { SessionRecord } from '../records/sessions.ts';
import type { User } from '../records/users.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import type { LiveAccess } from '../access/live-access.ts';
import type { LiveDocuments } from '../documents/live-documents.ts';
import type { VersionRecorder } from '../versions/version-recorder.ts';
import type { SearchIndexer } from '../search/search-indexer.ts';

/** What every route handler can reach: injected once in `app.ts`. */
export interface Services {
  sql: SqlClient;
  documents: DocumentStore;
  config: Pick<Config, 'publicUrl' | 'allowedOrigins'>;
  logger: Logger;
  loginLimiter: LoginLimiter;
  signupLimiter: AttemptLimiter;
  liveAccess: LiveAccess;
  /** Server-side changes to open documents (comments, restored versions). */
  liveDocuments: LiveDocuments;
  /** Versions of the texts and boards: automatic, named, kept before a restore. */
  versions: VersionRecorder;
  /** The search index: records reindexed by their routes, documents as the rooms report changes. */
  search: SearchIndexer;
}

/** Hono environment: the session middleware sets `user` and `session` (null when anonymous). */
export interface AppEnv {
  Variables: {
    services: Services;
    user: User | null;
    session: SessionRecord | null;
  };
}
