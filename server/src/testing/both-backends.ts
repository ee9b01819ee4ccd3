/**
 * Record tests that must answer the same on both backends: one scenario of record calls run on a
 * fresh SQLite file and on PostgreSQL (PGUSER=$(whoami), 127.0.0.1:5432, database `test`, or
 * EPROUVETTE_TEST_DATABASE_URL), in a schema of its own dropped when the test file ends.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { Storage } from '../storage/document-store.ts';
import { openPostgresStorage } from '../storage/postgres.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { makeTempDir } from './test-server.ts';

export const TEST_DATABASE_URL = process.env.EPROUVETTE_TEST_DATABASE_URL ?? `postgres://${process.env.PGUSER ?? os.userInfo().username}@127.0.0.1:5432/test`;

/** Call at the top of a test file; the returned function runs a scenario on both backends. */
export function onBothBackends(name: string): <T>(scenario: (storage: Storage) => Promise<T>) => Promise<{ sqlite: T; postgres: T }> {
  const schema = `eprouvette_${name}_${randomUUID().replaceAll('-', '_')}`;
  const dirs: string[] = [];

  afterAll(async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  return async (scenario) => {
    const dir = await makeTempDir(`eprouvette-${name}-`);
    dirs.push(dir);
    const sqlite = await openSqliteStorage(dir);
    const postgres = await openPostgresStorage(TEST_DATABASE_URL, { schema });
    try {
      return { sqlite: await scenario(sqlite), postgres: await scenario(postgres) };
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  };
}
