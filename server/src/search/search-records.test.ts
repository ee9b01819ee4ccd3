/**
 * The search index on SQLite (FTS5 + our stemmer), on PostgreSQL (French dictionary + unaccent),
 * and on PostgreSQL without unaccent (accents folded here): the same scenario on each, from the
 * index's queries up to what one user is shown.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Id, SearchResultsView } from '@eprouvette/shared';
import { insertAmi, setAmiStatus } from '../records/amis.ts';
import { insertBoard } from '../records/boards.ts';
import { seedDomains } from '../records/domains.ts';
import { grantMembership } from '../records/memberships.ts';
import { newId } from '../records/new-id.ts';
import { findOrCreateOrganisation } from '../records/organisations.ts';
import { createUser, type User } from '../records/users.ts';
import type { Storage } from '../storage/document-store.ts';
import { openPostgresStorage } from '../storage/postgres.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { makeTempDir } from '../testing/test-server.ts';
import { queryStems } from './french-words.ts';
import type { SearchEntry } from './search-entries.ts';
import {
  deleteAmiEntries,
  findCandidates,
  foldingInTypeScript,
  indexedDocuments,
  listDocumentOwners,
  replaceDocumentEntries,
  replaceRecordEntry,
  unindexedRecords,
} from './search-records.ts';
import { searchFor } from './search-results.ts';

const databaseUrl = process.env.EPROUVETTE_TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
process.env.PGUSER ??= userInfo().username;

const schemas: string[] = [];
const dirs: string[] = [];

afterAll(async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const BACKENDS: Record<string, () => Promise<Storage>> = {
  sqlite: async () => {
    const dir = await makeTempDir('eprouvette-search-');
    dirs.push(dir);
    return openSqliteStorage(dir);
  },
  postgres: () => {
    const schema = `eprouvette_search_${randomUUID().replaceAll('-', '_')}`;
    schemas.push(schema);
    return openPostgresStorage(databaseUrl, { schema });
  },
  'postgres without unaccent': async () => {
    const schema = `eprouvette_search_${randomUUID().replaceAll('-', '_')}`;
    schemas.push(schema);
    const storage = await openPostgresStorage(databaseUrl, { schema });
    foldingInTypeScript(storage.sql);
    return storage;
  },
};

interface World {
  storage: Storage;
  /** Reader of the water AMI. */
  reader: User;
  /** Member of nothing. */
  outsider: User;
  /** Platform administrator, member of nothing. */
  operator: User;
  water: Id;
  energy: Id;
  board: Id;
}

async function world(storage: Storage): Promise<World> {
  const { sql } = storage;
  await seedDomains(sql);
  const organisation = (await findOrCreateOrganisation(sql, { name: 'Commune de Fontaine', type: 'commune' })).id;
  const user = async (email: string, platformAdmin = false) =>
    (await createUser(sql, { email, name: email, organisationId: organisation, passwordHash: 'x', platformAdmin }))!;
  const [reader, outsider, operator] = [await user('lecteur@essai.example'), await user('dehors@essai.example'), await user('ops@essai.example', true)];
  const ami = async (title: string, summary: string) => {
    const id = newId();
    await insertAmi(sql, id, { title, domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary, tags: [] }, operator.id);
    return id;
  };
  const water = await ami('Gestion de l’eau', 'Réseaux d’eau potable et économies.');
  const energy = await ami('Pilotage énergétique', 'Éclairage public et capteurs de CO₂.');
  await grantMembership(sql, { amiId: water, userId: reader.id, role: 'reader', invitationId: null });
  const board = newId();
  await insertBoard(sql, { id: board, amiId: water, title: 'Capteurs acoustiques', kind: 'proposition', organisationId: organisation, restricted: true, createdBy: operator.id });
  return { storage, reader, outsider, operator, water, energy, board };
}

function item(amiId: Id, boardId: Id, shapeId: string, body: string): SearchEntry {
  return { kind: 'board-item', amiId, boardId, document: `ami-${amiId}.board-${boardId}`, itemRef: shapeId, focus: shapeId, label: '', title: '', body };
}

const viewerOf = (user: User) => ({ userId: user.id, platformAdmin: user.platformAdmin });
const bodies = async (w: World, user: User, query: string) =>
  (await findCandidates(w.storage.sql, query, queryStems(query), viewerOf(user), 20)).map((candidate) => candidate.body);
const hitTitles = (view: SearchResultsView) => view.groups.flatMap((group) => group.hits.map((hit) => hit.title.map((part) => part.text).join('')));

describe.each(Object.keys(BACKENDS))('search index on %s', (backend) => {
  let w: World;
  const note = 'aaaaaaaaaaaaaaaa';
  const other = 'bbbbbbbbbbbbbbbb';
  let boardDocument: string;

  beforeAll(async () => {
    w = await world(await BACKENDS[backend]!());
    boardDocument = `ami-${w.water}.board-${w.board}`;
    await replaceDocumentEntries(w.storage.sql, boardDocument, w.water, [
      item(w.water, w.board, note, 'Capteurs acoustiques posés sur les conduites principales'),
      item(w.water, w.board, other, 'Économie d’eau grâce à la télérelève'),
    ]);
    await replaceDocumentEntries(w.storage.sql, `ami-${w.energy}.text`, w.energy, [
      { kind: 'text', amiId: w.energy, boardId: null, document: `ami-${w.energy}.text`, itemRef: '3', focus: '3', label: 'Contexte', title: '', body: 'Des capteurs acoustiques dans les écoles.' },
    ]);
  });

  afterAll(() => w.storage.close());

  it('finds other forms of the words, whatever the accents and the case', async () => {
    expect(await bodies(w, w.reader, 'capteur ACOUSTIQUE')).toEqual(['Capteurs acoustiques posés sur les conduites principales']);
    expect(await bodies(w, w.reader, 'economies')).toEqual(['Économie d’eau grâce à la télérelève']);
    expect(await bodies(w, w.reader, 'télérelève')).toEqual(['Économie d’eau grâce à la télérelève']);
  });

  it('needs every word of the query', async () => {
    expect(await bodies(w, w.reader, 'capteurs télérelève')).toEqual([]);
    expect(await bodies(w, w.reader, 'capteurs lorawan')).toEqual([]);
  });

  it('searches only the AMIs the user is a member of, every AMI for a platform administrator', async () => {
    expect(await bodies(w, w.outsider, 'capteurs')).toEqual([]);
    expect((await bodies(w, w.operator, 'capteurs acoustiques')).sort()).toEqual(['Capteurs acoustiques posés sur les conduites principales', 'Des capteurs acoustiques dans les écoles.']);
  });

  it('weighs titles above bodies', async () => {
    await replaceRecordEntry(w.storage.sql, { kind: 'board', amiId: w.water, boardId: w.board, document: null, itemRef: null, focus: null, label: '', title: 'Capteurs acoustiques', body: 'Commune de Fontaine' });
    const found = await findCandidates(w.storage.sql, 'acoustiques', queryStems('acoustiques'), viewerOf(w.reader), 20);
    expect(found.map((candidate) => candidate.kind)).toEqual(['board', 'board-item']);
  });

  it('replaces a document’s entries, and a record’s', async () => {
    await replaceDocumentEntries(w.storage.sql, boardDocument, w.water, [item(w.water, w.board, note, 'Capteurs de pression')]);
    expect(await bodies(w, w.reader, 'acoustiques')).toEqual(['Commune de Fontaine']);
    expect(await bodies(w, w.reader, 'pression')).toEqual(['Capteurs de pression']);
    await replaceRecordEntry(w.storage.sql, { kind: 'board', amiId: w.water, boardId: w.board, document: null, itemRef: null, focus: null, label: '', title: 'Sondes', body: 'Commune de Fontaine' });
    expect(await bodies(w, w.reader, 'acoustiques')).toEqual([]);
    expect(await bodies(w, w.reader, 'sondes')).toEqual(['Commune de Fontaine']);
  });

  it('lists what was never indexed, and forgets an AMI', async () => {
    const sql = w.storage.sql;
    expect(await unindexedRecords(sql)).toEqual({ amis: [w.water, w.energy].sort(), boards: [] });
    expect(await indexedDocuments(sql)).toEqual(new Set([boardDocument, `ami-${w.energy}.text`]));
    expect((await listDocumentOwners(sql)).sort((a, b) => a.amiId.localeCompare(b.amiId))).toEqual(
      [{ amiId: w.water, boardIds: [w.board] }, { amiId: w.energy, boardIds: [] }].sort((a, b) => a.amiId.localeCompare(b.amiId)),
    );
    await deleteAmiEntries(sql, w.energy);
    expect(await bodies(w, w.operator, 'écoles')).toEqual([]);
    expect(await indexedDocuments(sql)).toEqual(new Set([boardDocument]));
  });

  it('shows a user only what they may open, grouped by AMI, words marked, with where to open it', async () => {
    const { sql } = w.storage;
    await replaceDocumentEntries(sql, boardDocument, w.water, [item(w.water, w.board, note, 'Capteurs acoustiques sur le réseau')]);
    await replaceRecordEntry(sql, { kind: 'ami', amiId: w.water, boardId: null, document: null, itemRef: null, focus: null, label: '', title: 'Gestion de l’eau', body: 'Réseaux d’eau potable et économies.' });
    const view = await searchFor(sql, w.reader, 'réseaux');
    expect(view.count).toBe(2);
    expect(view.groups.map((group) => group.ami)).toEqual([{ id: w.water, title: 'Gestion de l’eau' }]);
    const [first, second] = [...view.groups[0]!.hits].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(first).toEqual({
      kind: 'ami',
      title: [{ text: 'Gestion de l’eau', marked: false }],
      boardTitle: null,
      snippet: [
        { text: 'Réseaux', marked: true },
        { text: ' d’eau potable et économies.', marked: false },
      ],
      target: { page: 'ami' },
    });
    // The board's title as it is now (its record), not as the index last saw it.
    expect(second).toMatchObject({ kind: 'board-item', boardTitle: 'Capteurs acoustiques', target: { page: 'board', boardId: w.board, element: note } });
    expect((await searchFor(sql, w.outsider, 'réseaux')).count).toBe(0);
    // A platform administrator counts as owner of every AMI.
    expect(hitTitles(await searchFor(sql, w.operator, 'réseaux'))).toContain('Gestion de l’eau');
  });

  it('drops a hit whose AMI is gone, and one on a board the AMI no longer has', async () => {
    const { sql } = w.storage;
    await replaceDocumentEntries(sql, `ami-${w.water}.board-cccccccccccccccc`, w.water, [item(w.water, 'cccccccccccccccc', note, 'Réseaux fantômes')]);
    expect(hitTitles(await searchFor(sql, w.reader, 'fantômes'))).toEqual([]);
    // A closed AMI is still read: its hits stay.
    expect(await setAmiStatus(sql, w.water, 'brouillon', 'cloture')).toBe(true);
    expect((await searchFor(sql, w.reader, 'réseaux')).count).toBe(2);
  });
});
