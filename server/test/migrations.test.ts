/**
 * The schema and the record functions on both backends: migrations apply on a fresh SQLite file
 * and a fresh PostgreSQL schema, a second run changes nothing, the record tables have the same
 * columns, and one scenario of record calls gives the same transcript on both — the promise of
 * `sql-client.ts` that one repository serves SQLite and PostgreSQL alike.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteAmi, getAmi, insertAmi, listAmisFor, setAmiStatus } from '../src/records/amis.ts';
import { boardCommentsSeenAt, markBoardCommentsSeen } from '../src/records/board-comment-reads.ts';
import { countBoardsByAmi, getBoard, insertBoard, listBoards, updateBoard } from '../src/records/boards.ts';
import { insertDomain, listDomains, seedDomains } from '../src/records/domains.ts';
import { setFlagOnce } from '../src/records/flags.ts';
import {
  consumeInvitation,
  findInvitationByTokenHash,
  getInvitation,
  insertInvitation,
  invitationUnusableReason,
  listInvitations,
  revokeInvitation,
  toInvitationView,
} from '../src/records/invitations.ts';
import {
  countOwners,
  getMembershipRole,
  grantMembership,
  listMembers,
  listUserMemberships,
  removeMember,
  removeMembersOfInvitation,
  setMemberRole,
} from '../src/records/memberships.ts';
import { findOrCreateOrganisation, getOrganisation } from '../src/records/organisations.ts';
import { deleteExpiredSessions, deleteOtherSessions, findSession, insertSession, listUserSessions, setSessionExpiry } from '../src/records/sessions.ts';
import { createUser, deleteUser, findUserByEmail, getUser, setPlatformAdmin } from '../src/records/users.ts';
import type { Storage } from '../src/storage/document-store.ts';
import { MIGRATIONS, migratePostgres, migrateSqlite } from '../src/storage/migrations.ts';
import { openPostgresStorage } from '../src/storage/postgres.ts';
import type { SqlClient } from '../src/storage/sql-client.ts';
import { openSqliteStorage, SQLITE_FILE_NAME } from '../src/storage/sqlite.ts';
import { makeTempDir } from '../src/testing/test-server.ts';

const databaseUrl = process.env.EPROUVETTE_TEST_DATABASE_URL ?? `postgres://${process.env.PGUSER ?? os.userInfo().username}@127.0.0.1:5432/test`;

const RECORD_TABLES = ['organisations', 'users', 'sessions', 'domains', 'amis', 'invitations', 'memberships', 'boards', 'app_flags'];

const dirs: string[] = [];
const schemas: string[] = [];

async function freshDir(): Promise<string> {
  const dir = await makeTempDir('eprouvette-migrations-');
  dirs.push(dir);
  return dir;
}

/** Every test works in its own random schema, dropped at the end. */
function freshSchema(): string {
  const schema = `eprouvette_test_${randomUUID().replaceAll('-', '_')}`;
  schemas.push(schema);
  return schema;
}

async function withPg<T>(use: (client: pg.Client) => Promise<T>, schema?: string): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (schema !== undefined) await client.query(`SET search_path TO "${schema}"`);
    return await use(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await withPg(async (client) => {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function sqliteFile<T>(dir: string, use: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, SQLITE_FILE_NAME));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

const sqliteMigrations = (db: Database.Database) => db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();
const sqliteSchema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

async function pgMigrations(schema: string): Promise<unknown[]> {
  return withPg(async (client) => (await client.query(`SELECT version, name, applied_at FROM "${schema}".schema_migrations ORDER BY version`)).rows);
}

async function pgSchema(schema: string): Promise<unknown[]> {
  return withPg(async (client) => {
    const columns = await client.query(
      'SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position',
      [schema],
    );
    const indexes = await client.query('SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [schema]);
    return [...columns.rows, ...indexes.rows.map((row: { indexdef: string }) => ({ ...row, indexdef: row.indexdef.replaceAll(schema, 'S') }))];
  });
}

describe('migrations', () => {
  it('apply on a fresh SQLite file, and a second run is a no-op', async () => {
    const dir = await freshDir();
    await (await openSqliteStorage(dir)).close();
    const [recorded, schemaBefore] = sqliteFile(dir, (db) => [sqliteMigrations(db), sqliteSchema(db)] as const);
    expect(recorded.map((row) => (row as { version: number }).version)).toEqual(MIGRATIONS.map((migration) => migration.version));

    await (await openSqliteStorage(dir)).close();
    sqliteFile(dir, (db) => {
      migrateSqlite(db);
      migrateSqlite(db);
      expect(sqliteMigrations(db)).toEqual(recorded);
      expect(sqliteSchema(db)).toEqual(schemaBefore);
    });
  });

  it('apply on a fresh PostgreSQL schema, and a second run is a no-op', async () => {
    const schema = freshSchema();
    await (await openPostgresStorage(databaseUrl, { schema })).close();
    const recorded = await pgMigrations(schema);
    expect(recorded.map((row) => (row as { version: number }).version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    const schemaBefore = await pgSchema(schema);

    await (await openPostgresStorage(databaseUrl, { schema })).close();
    await withPg(async (client) => {
      await migratePostgres(client);
      await migratePostgres(client);
    }, schema);
    expect(await pgMigrations(schema)).toEqual(recorded);
    expect(await pgSchema(schema)).toEqual(schemaBefore);
  });

  it('create the same record tables, columns, keys and indexes on both', async () => {
    const dir = await freshDir();
    const schema = freshSchema();
    await (await openSqliteStorage(dir)).close();
    await (await openPostgresStorage(databaseUrl, { schema })).close();

    const onSqlite = sqliteFile(dir, (db) => {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
      const columns = Object.fromEntries(
        RECORD_TABLES.map((table) => [
          table,
          (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number; pk: number }[]).map((column) => ({
            name: column.name,
            primaryKey: column.pk > 0,
            // SQLite lets a TEXT primary key hold NULL (a legacy quirk); the key itself is compared apart.
            notNull: column.notnull === 1 || column.pk > 0,
          })),
        ]),
      );
      const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((row) => row.name);
      return { tables, columns, indexes };
    });

    const onPostgres = await withPg(async (client) => {
      const tables = (await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name", [schema])).rows.map(
        (row: { table_name: string }) => row.table_name,
      );
      const keys = new Set(
        (
          await client.query(
            `SELECT k.table_name, k.column_name FROM information_schema.table_constraints c
               JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
              WHERE c.table_schema = $1 AND c.constraint_type = 'PRIMARY KEY'`,
            [schema],
          )
        ).rows.map((row: { table_name: string; column_name: string }) => `${row.table_name}.${row.column_name}`),
      );
      const columns: Record<string, unknown[]> = {};
      for (const table of RECORD_TABLES) {
        const rows = await client.query('SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position', [schema, table]);
        columns[table] = rows.rows.map((row: { column_name: string; is_nullable: string }) => ({
          name: row.column_name,
          primaryKey: keys.has(`${table}.${row.column_name}`),
          notNull: row.is_nullable === 'NO',
        }));
      }
      // Indexes created by name; those PostgreSQL makes for keys and UNIQUE constraints are implicit in SQLite.
      const indexes = (await client.query('SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [schema])).rows
        .map((row: { indexname: string }) => row.indexname)
        .filter((name: string) => !name.endsWith('_pkey') && !name.endsWith('_key'));
      return { tables, columns, indexes };
    });

    expect(onSqlite.tables).toEqual(expect.arrayContaining([...RECORD_TABLES, 'schema_migrations', 'document_updates', 'document_snapshots']));
    // sqlite_sequence is SQLite's own bookkeeping of AUTOINCREMENT. Full-text search is where the
    // dialects differ on purpose (migration 7): an FTS5 table and its shadow tables on SQLite, a
    // GIN index on PostgreSQL.
    expect(onPostgres.tables).toEqual(onSqlite.tables.filter((table) => table !== 'sqlite_sequence' && !table.startsWith('search_text')));
    expect(onPostgres.columns).toEqual(onSqlite.columns);
    expect(onPostgres.indexes.filter((index: string) => index !== 'search_entries_search')).toEqual(onSqlite.indexes);
    expect(onSqlite.columns.memberships!.filter((column) => (column as { primaryKey: boolean }).primaryKey).map((column) => (column as { name: string }).name)).toEqual(['ami_id', 'user_id']);
  });
});

// ---------------------------------------------------------------------------------------------
// The same record calls on both backends

const T = Date.UTC(2026, 8, 15, 9, 0, 0);
const AMI_ID = 'aaaaaaaaaaaaaaaa';
const BOARD_ID = 'bbbbbbbbbbbbbbbb';
const LINK_ID = 'cccccccccccccccc';
const LAST_LINK_ID = 'dddddddddddddddd';

/**
 * Runs one scenario of record calls and returns what they answered, random ids replaced by
 * names, so that the two backends' transcripts can be compared as a whole.
 */
async function scenario(sql: SqlClient): Promise<Record<string, unknown>> {
  const names = new Map<string, string>();
  const name = <V extends string>(id: V, label: string): V => (names.set(id, label), id);
  const out: Record<string, unknown> = {};

  await seedDomains(sql, T);
  await seedDomains(sql, T);
  out.domains = await listDomains(sql);
  out.domainTaken = await insertDomain(sql, { slug: 'gestion-eau', name: 'Autre nom' }, T);
  out.domainAdded = await insertDomain(sql, { slug: 'sante', name: 'Santé' }, T + 1);

  const arras = await findOrCreateOrganisation(sql, { name: "Commune d'Arras", type: 'commune' }, T);
  name(arras.id, 'org:arras');
  out.sameOrganisation = (await findOrCreateOrganisation(sql, { name: '  commune d’ARRAS ', type: 'commune' }, T)).id === arras.id;
  out.otherType = (await findOrCreateOrganisation(sql, { name: "Commune d'Arras", type: 'autre' }, T)).id === arras.id;
  out.organisation = await getOrganisation(sql, arras.id);

  const agent = (await createUser(sql, { email: 'agente@arras.example', name: 'Agente', organisationId: arras.id, passwordHash: 'h1' }, T))!;
  name(agent.id, 'user:agent');
  const admin = (await createUser(sql, { email: 'admin@region.example', name: 'Admin', organisationId: null, passwordHash: 'h2', platformAdmin: true }, T))!;
  name(admin.id, 'user:admin');
  const guest = (await createUser(sql, { email: 'invitee@essai.example', name: 'Invitée', organisationId: arras.id, passwordHash: 'h3' }, T))!;
  name(guest.id, 'user:guest');
  out.duplicateEmail = await createUser(sql, { email: 'agente@arras.example', name: 'Doublon', organisationId: null, passwordHash: 'h4' }, T);
  out.agent = await findUserByEmail(sql, 'agente@arras.example');
  out.admin = await getUser(sql, admin.id);
  out.unknownUser = await findUserByEmail(sql, 'personne@essai.example');
  await setPlatformAdmin(sql, guest.id);
  out.guestIsAdmin = (await getUser(sql, guest.id))!.platformAdmin;

  await insertSession(sql, { id: 'session-1', userId: agent.id, expiresAt: T + 1_000, createdAt: T });
  await insertSession(sql, { id: 'session-2', userId: agent.id, expiresAt: T - 1, createdAt: T + 1 });
  await insertSession(sql, { id: 'session-3', userId: agent.id, expiresAt: T + 9_000, createdAt: T + 2 });
  out.session = await findSession(sql, 'session-1');
  await setSessionExpiry(sql, 'session-1', T + 5_000);
  out.expiredSwept = await deleteExpiredSessions(sql, T);
  out.sessionsAfterSweep = await listUserSessions(sql, agent.id);
  await deleteOtherSessions(sql, agent.id, 'session-1');
  out.sessionsKept = (await listUserSessions(sql, agent.id)).map((session) => session.id);

  const fields = {
    title: 'Gestion de l’eau',
    domain: 'gestion-eau',
    dates: { opensOn: '2026-09-15', closesOn: '2026-12-18', endsOn: null },
    envelopeEuros: 600_000,
    summary: 'Capteurs et télérelève.',
    tags: ['capteurs-iot' as const, 'donnees-ia' as const],
  };
  await insertAmi(sql, AMI_ID, fields, admin.id, T);
  out.ami = await getAmi(sql, AMI_ID);
  out.amisOfAgentBefore = (await listAmisFor(sql, agent.id, false)).map((ami) => ami.id);
  out.amisOfAdmin = (await listAmisFor(sql, admin.id, true)).map((ami) => ami.id);
  // Two admins clicking at once: one compare-and-set wins.
  out.statusRace = (await Promise.all([setAmiStatus(sql, AMI_ID, 'brouillon', 'publie', T + 10), setAmiStatus(sql, AMI_ID, 'brouillon', 'publie', T + 11)])).sort();
  out.status = (await getAmi(sql, AMI_ID))!.status;

  out.granted = await grantMembership(sql, { amiId: AMI_ID, userId: agent.id, role: 'reader', invitationId: null }, T);
  out.raised = await grantMembership(sql, { amiId: AMI_ID, userId: agent.id, role: 'editor', invitationId: null }, T);
  out.notLowered = await grantMembership(sql, { amiId: AMI_ID, userId: agent.id, role: 'commenter', invitationId: null }, T);
  out.role = await getMembershipRole(sql, AMI_ID, agent.id);
  out.noRole = await getMembershipRole(sql, AMI_ID, guest.id);
  out.ownersBefore = await countOwners(sql, AMI_ID);
  await grantMembership(sql, { amiId: AMI_ID, userId: admin.id, role: 'owner', invitationId: null }, T + 1);
  out.ownersAfter = await countOwners(sql, AMI_ID);
  out.amisOfAgentAfter = (await listAmisFor(sql, agent.id, false)).map((ami) => ami.id);
  out.userMemberships = await listUserMemberships(sql, agent.id);

  await insertInvitation(sql, { id: LINK_ID, amiId: AMI_ID, tokenHash: 'token-hash-1', role: 'commenter', expiresAt: T + 86_400_000, maxUses: 2, createdBy: admin.id }, T);
  await insertInvitation(sql, { id: LAST_LINK_ID, amiId: AMI_ID, tokenHash: 'token-hash-2', role: 'reader', expiresAt: T + 86_400_000, maxUses: 1, createdBy: admin.id }, T + 1);
  out.firstUse = await consumeInvitation(sql, LINK_ID, T);
  // The last use, asked for twice at once: exactly one gets it.
  out.lastUseRace = (await Promise.all([consumeInvitation(sql, LINK_ID, T), consumeInvitation(sql, LINK_ID, T)])).sort();
  out.lastUseOfOtherLink = await consumeInvitation(sql, LAST_LINK_ID, T);
  const link = (await getInvitation(sql, AMI_ID, LINK_ID))!;
  out.link = toInvitationView(link);
  out.linkUnusable = invitationUnusableReason(link, T);
  out.linkByHash = (await findInvitationByTokenHash(sql, 'token-hash-1'))?.id;
  out.linkOfOtherAmi = await getInvitation(sql, 'eeeeeeeeeeeeeeee', LINK_ID);
  out.expiredUse = await consumeInvitation(sql, LINK_ID, T + 86_400_000);
  out.links = (await listInvitations(sql, AMI_ID)).map(toInvitationView);
  out.revoked = [await revokeInvitation(sql, LAST_LINK_ID, T), await revokeInvitation(sql, LAST_LINK_ID, T + 1)];
  out.revokedReason = invitationUnusableReason((await getInvitation(sql, AMI_ID, LAST_LINK_ID))!, T);

  await grantMembership(sql, { amiId: AMI_ID, userId: guest.id, role: 'commenter', invitationId: LINK_ID }, T + 2);
  out.members = await listMembers(sql, AMI_ID);
  out.removedWithLink = await removeMembersOfInvitation(sql, LINK_ID);
  await setMemberRole(sql, AMI_ID, agent.id, 'admin');
  out.roleSet = await getMembershipRole(sql, AMI_ID, agent.id);

  await insertBoard(sql, { id: BOARD_ID, amiId: AMI_ID, title: 'Capteurs de fuites', kind: 'proposition', organisationId: arras.id, restricted: true, createdBy: agent.id }, T);
  out.board = await getBoard(sql, AMI_ID, BOARD_ID);
  out.boardOfOtherAmi = await getBoard(sql, 'eeeeeeeeeeeeeeee', BOARD_ID);
  await updateBoard(sql, BOARD_ID, { title: 'Capteurs acoustiques', restricted: false, archived: true }, T + 5);
  out.boardUpdated = await getBoard(sql, AMI_ID, BOARD_ID);
  out.boards = await listBoards(sql, AMI_ID);
  out.boardCounts = [...(await countBoardsByAmi(sql, [AMI_ID, 'eeeeeeeeeeeeeeee']))];
  out.flags = [await setFlagOnce(sql, 'demo-seeded', T), await setFlagOnce(sql, 'demo-seeded', T)];
  await markBoardCommentsSeen(sql, agent.id, BOARD_ID, T + 6);
  await markBoardCommentsSeen(sql, guest.id, BOARD_ID, T + 7);
  await markBoardCommentsSeen(sql, agent.id, BOARD_ID, T + 8);
  out.commentsSeen = [...(await boardCommentsSeenAt(sql, agent.id, [BOARD_ID, 'eeeeeeeeeeeeeeee']))];

  // Deletions cascade the same way on both.
  await removeMember(sql, AMI_ID, admin.id);
  await deleteUser(sql, agent.id);
  out.afterUserDeleted = { sessions: await findSession(sql, 'session-1'), members: await listMembers(sql, AMI_ID), board: (await getBoard(sql, AMI_ID, BOARD_ID))?.createdBy };
  out.commentsSeenAfterUserDeleted = [...(await boardCommentsSeenAt(sql, agent.id, [BOARD_ID])), ...(await boardCommentsSeenAt(sql, guest.id, [BOARD_ID]))];
  await deleteAmi(sql, AMI_ID);
  out.afterAmiDeleted = { board: await getBoard(sql, AMI_ID, BOARD_ID), links: await listInvitations(sql, AMI_ID) };

  return JSON.parse(JSON.stringify(out), (_key, value: unknown) => (typeof value === 'string' && names.has(value) ? names.get(value) : value)) as Record<string, unknown>;
}

describe('record functions', () => {
  const opened: Storage[] = [];
  afterAll(async () => {
    for (const storage of opened) await storage.close();
  });

  it('answer the same on SQLite and PostgreSQL', async () => {
    const sqlite = await openSqliteStorage(await freshDir());
    opened.push(sqlite);
    const postgres = await openPostgresStorage(databaseUrl, { schema: freshSchema() });
    opened.push(postgres);

    const onSqlite = await scenario(sqlite.sql);
    const onPostgres = await scenario(postgres.sql);
    expect(onPostgres).toEqual(onSqlite);

    // And what they answer is right, so that two equally wrong transcripts cannot pass.
    expect(onSqlite).toMatchObject({
      domainTaken: false,
      domainAdded: true,
      sameOrganisation: true,
      otherType: false,
      duplicateEmail: null,
      unknownUser: null,
      guestIsAdmin: true,
      expiredSwept: 1,
      sessionsKept: ['session-1'],
      statusRace: [false, true],
      status: 'publie',
      amisOfAgentBefore: [],
      amisOfAdmin: [AMI_ID],
      granted: 'reader',
      raised: 'editor',
      notLowered: 'editor',
      role: 'editor',
      noRole: null,
      ownersBefore: 0,
      ownersAfter: 1,
      amisOfAgentAfter: [AMI_ID],
      firstUse: true,
      lastUseRace: [false, true],
      lastUseOfOtherLink: true,
      linkUnusable: 'Ce lien d’invitation a déjà servi le nombre de fois prévu.',
      linkByHash: LINK_ID,
      linkOfOtherAmi: null,
      expiredUse: false,
      revoked: [true, false],
      revokedReason: 'Ce lien d’invitation a été révoqué.',
      removedWithLink: ['user:guest'],
      roleSet: 'admin',
      boardOfOtherAmi: null,
      boardCounts: [[AMI_ID, 1]],
      flags: [true, false],
      afterUserDeleted: { sessions: null, members: [], board: null },
      afterAmiDeleted: { board: null, links: [] },
    });
    expect(onSqlite.agent).toEqual({
      id: 'user:agent',
      email: 'agente@arras.example',
      name: 'Agente',
      organisationId: 'org:arras',
      passwordHash: 'h1',
      platformAdmin: false,
      createdAt: T,
    });
    expect(onSqlite.ami).toMatchObject({ id: AMI_ID, status: 'brouillon', envelopeEuros: 600_000, tags: ['capteurs-iot', 'donnees-ia'], createdBy: 'user:admin', createdAt: T, updatedAt: T });
    expect(onSqlite.link).toMatchObject({ role: 'commenter', maxUses: 2, uses: 2, revoked: false, createdBy: 'Admin' });
    expect(onSqlite.boardUpdated).toMatchObject({ title: 'Capteurs acoustiques', restricted: false, archived: true, updatedAt: T + 5, organisation: { id: 'org:arras', type: 'commune' } });
    expect(onSqlite.session).toEqual({ session: { id: 'session-1', userId: 'user:agent', expiresAt: T + 1_000, createdAt: T }, user: onSqlite.agent });
    // The last visit of a board's comments is kept, per member; gone with the member's account.
    expect(onSqlite.commentsSeen).toEqual([[BOARD_ID, T + 8]]);
    expect(onSqlite.commentsSeenAfterUserDeleted).toEqual([[BOARD_ID, T + 7]]);
  });
});

describe.each(['sqlite', 'postgres'] as const)('transactions on %s', (kind) => {
  const opened: Storage[] = [];
  const open = async () => {
    const storage = kind === 'sqlite' ? await openSqliteStorage(await freshDir()) : await openPostgresStorage(databaseUrl, { schema: freshSchema() });
    opened.push(storage);
    const { sql } = storage;
    await seedDomains(sql, T);
    const admin = (await createUser(sql, { email: 'admin@region.example', name: 'Admin', organisationId: null, passwordHash: 'h', platformAdmin: true }, T))!;
    await insertAmi(sql, AMI_ID, { title: 'AMI', domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] }, admin.id, T);
    await insertInvitation(sql, { id: LAST_LINK_ID, amiId: AMI_ID, tokenHash: 'token-hash', role: 'reader', expiresAt: T + 86_400_000, maxUses: 1, createdBy: admin.id }, T);
    return sql;
  };
  afterAll(async () => {
    for (const storage of opened) await storage.close();
  });

  it('give the last use of a link to exactly one of two transactions started at once', async () => {
    const sql = await open();
    // What the accept route does: take a use, then grant, in one transaction; two people at once.
    const outcomes = await Promise.allSettled([
      sql.transaction((tx) => consumeInvitation(tx, LAST_LINK_ID, T)),
      sql.transaction((tx) => consumeInvitation(tx, LAST_LINK_ID, T)),
    ]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : String(outcome.reason))).sort()).toEqual([false, true]);
    expect((await getInvitation(sql, AMI_ID, LAST_LINK_ID))!.uses).toBe(1);
  });

  it('do not take in a statement issued while they start, nor roll it back with them', async () => {
    const sql = await open();
    const failing = sql.transaction(async (tx) => {
      await tx.run('INSERT INTO app_flags (name, set_at) VALUES (?, ?)', ['inside', T]);
      throw new Error('rolled back on purpose');
    });
    const outside = setFlagOnce(sql, 'outside', T);
    await expect(failing).rejects.toThrow('rolled back on purpose');
    expect(await outside).toBe(true);
    const flags = await sql.all<{ name: string }>('SELECT name FROM app_flags ORDER BY name');
    expect(flags.map((flag) => flag.name)).toEqual(['outside']);
  });
});
