import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDocumentStoreContract } from './document-store.contract.ts';
import { MIGRATIONS, migratePostgres } from './migrations.ts';
import type { Migration } from './migrations.ts';
import { openDocumentStore } from './open-store.ts';
import { openPostgresStore } from './postgres.ts';

const databaseUrl = process.env.EPROUVETTE_TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
// node-postgres takes the default user from $USER (libpq asks the OS), which sandboxes and
// containers often leave unset.
process.env.PGUSER ??= userInfo().username;

/** Every test file works in its own random schemas, dropped at the end. */
function newSchema(): string {
  return `eprouvette_test_${randomUUID().replaceAll('-', '_')}`;
}

async function withAdmin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function dropSchemas(schemas: readonly string[]): Promise<void> {
  return withAdmin(async (client) => {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
}

const contractSchema = newSchema();
describeDocumentStoreContract(
  'postgres',
  () => openPostgresStore(databaseUrl, { schema: contractSchema }),
  () => dropSchemas([contractSchema]),
);

describe('postgres store', () => {
  const schemas: string[] = [];
  const freshSchema = () => {
    const schema = newSchema();
    schemas.push(schema);
    return schema;
  };

  afterAll(() => dropSchemas(schemas));

  function recordedMigrations(schema: string): Promise<unknown[]> {
    return withAdmin(async (client) => {
      const result = await client.query(
        `SELECT version, name, applied_at FROM "${schema}".schema_migrations ORDER BY version`,
      );
      return result.rows;
    });
  }

  /** A client whose search_path is `schema`, for driving migrations by hand. */
  async function withSchemaClient(schema: string, use: (client: pg.Client) => Promise<void>) {
    await withAdmin(async (client) => {
      await client.query(`SET search_path TO "${schema}"`);
      await use(client);
    });
  }

  it('records migrations once and does not re-apply them on reopen', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(databaseUrl, { schema });
    expect(store.kind).toBe('postgres');
    await store.close();
    const recorded = await recordedMigrations(schema);
    expect(recorded.map((row) => (row as { version: number }).version)).toEqual(
      MIGRATIONS.map((migration) => migration.version),
    );

    await (await openPostgresStore(databaseUrl, { schema })).close();
    expect(await recordedMigrations(schema)).toEqual(recorded);
  });

  it('lets two stores open the same new schema at once', async () => {
    const schema = freshSchema();
    const [first, second] = await Promise.all([
      openPostgresStore(databaseUrl, { schema }),
      openPostgresStore(databaseUrl, { schema }),
    ]);
    try {
      const [seq] = await first.append([{ name: 'shared', update: Uint8Array.of(1) }]);
      expect((await second.load('shared')).lastSeq).toBe(seq);
      expect(await recordedMigrations(schema)).toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('applies a migration appended to the list, and rolls back a failing one', async () => {
    const schema = freshSchema();
    await (await openPostgresStore(databaseUrl, { schema })).close();
    const probe: Migration = {
      version: 1000,
      name: 'probe table',
      sqlite: 'unused',
      postgres: 'CREATE TABLE probe (id integer PRIMARY KEY)',
    };
    const broken: Migration = {
      version: 1001,
      name: 'broken',
      sqlite: 'unused',
      postgres: 'CREATE TABLE half_done (id integer); SELECT no_such_column FROM half_done',
    };

    await withSchemaClient(schema, async (client) => {
      await migratePostgres(client, undefined, [...MIGRATIONS, probe]);
      await expect(migratePostgres(client, undefined, [...MIGRATIONS, probe, broken])).rejects.toThrow(
        /migration 1001 \("broken"\)/,
      );
      expect((await client.query('SELECT count(*)::int AS n FROM probe')).rows).toEqual([{ n: 0 }]);
      const halfDone = await client.query("SELECT to_regclass('half_done') AS t");
      expect(halfDone.rows).toEqual([{ t: null }]);
    });
    const versions = (await recordedMigrations(schema)).map((row) => (row as { version: number }).version);
    expect(versions).toEqual([...MIGRATIONS.map((migration) => migration.version), 1000]);
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(openPostgresStore(databaseUrl, { schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(
      /invalid schema name/,
    );
  });

  it('reports an unreachable server clearly', async () => {
    await expect(openPostgresStore('postgres://127.0.0.1:1/nothing')).rejects.toThrow(
      /postgres document store: cannot open/,
    );
  });

  it('is what openDocumentStore picks when a database URL is set', async () => {
    const schema = freshSchema();
    await withAdmin((client) => client.query(`CREATE SCHEMA "${schema}"`));
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = await openDocumentStore({ dataDir: '/nonexistent', databaseUrl: url.toString() });
    try {
      expect(store.kind).toBe('postgres');
      expect(await store.append([{ name: 'picked', update: Uint8Array.of(1) }])).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
