import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Id } from '@eprouvette/shared';
import { addShapes, addThread, commentsOf, documentName } from '@eprouvette/shared';
import { idSequence, sticky } from '../../../shared/src/board/testing.ts';
import { amiTextInitialUpdate } from '../documents/ami-text-template.ts';
import { memoryLogger } from '../log.ts';
import { insertAmi, updateAmi } from '../records/amis.ts';
import { insertBoard, updateBoard } from '../records/boards.ts';
import { seedDomains } from '../records/domains.ts';
import { newId } from '../records/new-id.ts';
import { findOrCreateOrganisation } from '../records/organisations.ts';
import { createUser } from '../records/users.ts';
import type { Storage } from '../storage/document-store.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { makeTempDir } from '../testing/test-server.ts';
import { manualClock, type ManualClock } from '../versions/manual-clock.ts';
import { queryStems } from './french-words.ts';
import { REINDEX_AFTER_MS, SearchIndexer } from './search-indexer.ts';
import { findCandidates, indexedDocuments } from './search-records.ts';

const nextShape = idSequence();
const NOTE = nextShape();
const ONE_SECOND = 1000;

let dir: string;
let storage: Storage;
let clock: ManualClock;
let logger: ReturnType<typeof memoryLogger>;
let indexer: SearchIndexer;
/** The documents as the rooms hold them. */
let docs: Map<string, Y.Doc>;
/** Every state read, by document name. */
let reads: string[];
let amiId: Id;
let boardId: Id;
let operator: Id;

const boardName = () => documentName({ kind: 'board', amiId, boardId });
const textName = () => documentName({ kind: 'ami-text', amiId });

function docOf(name: string): Y.Doc {
  let doc = docs.get(name);
  if (doc === undefined) {
    doc = new Y.Doc();
    docs.set(name, doc);
  }
  return doc;
}

/** What a platform administrator finds for `query`: the bodies of the entries. */
async function found(query: string): Promise<string[]> {
  const candidates = await findCandidates(storage.sql, query, queryStems(query), { userId: operator, platformAdmin: true }, 50);
  return candidates.map((candidate) => candidate.body).sort();
}

function writeNote(text: string): void {
  addShapes(docOf(boardName()), [sticky(NOTE, { text })], null);
}

function editNote(text: string): void {
  const doc = docOf(boardName());
  const shape = (doc.getMap('shapes').get(NOTE) as Y.Map<unknown>).get('text') as Y.Text;
  doc.transact(() => {
    shape.delete(0, shape.length);
    shape.insert(0, text);
  });
}

beforeEach(async () => {
  dir = await makeTempDir('eprouvette-indexer-');
  storage = await openSqliteStorage(dir);
  const { sql } = storage;
  await seedDomains(sql);
  const organisation = (await findOrCreateOrganisation(sql, { name: 'Syndicat des eaux', type: 'syndicat-mixte' })).id;
  operator = (await createUser(sql, { email: 'ops@essai.example', name: 'Ops', organisationId: organisation, passwordHash: 'x', platformAdmin: true }))!.id;
  amiId = newId();
  boardId = newId();
  await insertAmi(sql, amiId, { title: 'Gestion de l’eau', domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: 'Réseaux.', tags: [] }, operator);
  await insertBoard(sql, { id: boardId, amiId, title: 'Fuites', kind: 'proposition', organisationId: organisation, restricted: false, createdBy: operator });
  clock = manualClock();
  logger = memoryLogger();
  docs = new Map();
  reads = [];
  Y.applyUpdate(docOf(textName()), amiTextInitialUpdate({ title: 'Gestion de l’eau', domainName: 'Gestion de l’eau' }));
  indexer = new SearchIndexer({
    sql,
    logger,
    clock,
    state: async (name) => {
      reads.push(name);
      return Y.encodeStateAsUpdate(docOf(name));
    },
  });
});

afterEach(async () => {
  await indexer.stop();
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SearchIndexer', () => {
  it('reindexes a document 2 seconds after its last change, once, however many changes came', async () => {
    writeNote('Capteurs acoustiques');
    indexer.onUpdate(boardName());
    for (let second = 1; second <= 5; second++) {
      clock.advance(ONE_SECOND);
      editNote(`Capteurs acoustiques, version ${second}`);
      indexer.onUpdate(boardName());
    }
    await indexer.idle();
    expect(reads).toEqual([]);

    clock.advance(REINDEX_AFTER_MS - 1);
    await indexer.idle();
    expect(reads).toEqual([]);
    clock.advance(1);
    await indexer.idle();
    expect(reads).toEqual([boardName()]);
    expect(await found('capteurs')).toEqual(['Capteurs acoustiques, version 5']);
    // The board's record comes with its document.
    expect(await found('fuites')).toEqual(['Syndicat des eaux']);
  });

  it('reindexes at once when the last connection leaves a changed document, and not an unchanged one', async () => {
    writeNote('Télérelève des compteurs');
    indexer.onUpdate(boardName());
    indexer.onEmptied(boardName());
    await indexer.idle();
    expect(await found('compteur')).toEqual(['Télérelève des compteurs']);
    expect(clock.pending).toBe(0);

    indexer.onEmptied(boardName());
    await indexer.idle();
    expect(reads).toEqual([boardName()]);
  });

  it('reindexes the comments on the text after the text, their passages may have moved', async () => {
    indexer.onUpdate(textName());
    clock.advance(REINDEX_AFTER_MS);
    await indexer.idle();
    // The comments are read with the text, to place each thread in a block.
    expect(reads).toEqual([textName(), textName(), documentName(commentsOf({ kind: 'ami-text', amiId }))]);
    expect(await found('recevabilité')).toContain('Critères de recevabilité');
  });

  it('indexes comments with the text they are on', async () => {
    const person = { id: operator, name: 'Ops' };
    const comments = documentName(commentsOf({ kind: 'board', amiId, boardId }));
    addThread(docOf(comments), {
      id: newId(),
      anchor: { kind: 'board', shapeId: null, point: { x: 0, y: 0 } },
      message: { id: newId(), author: person, text: 'Quel débit de nuit ?', mentions: [], at: new Date(clock.now()).toISOString() },
    });
    indexer.onUpdate(comments);
    clock.advance(REINDEX_AFTER_MS);
    await indexer.idle();
    expect(await found('débits')).toEqual(['Quel débit de nuit ?']);
  });

  it('catches up at start with what was never indexed, and only that', async () => {
    writeNote('Sondes d’humidité');
    await indexer.catchUp();
    expect(await found('humidité')).toEqual(['Sondes d’humidité']);
    // The AMI's record (its summary and domain) and the text's blocks.
    expect(await found('gestion')).toEqual(expect.arrayContaining(["Réseaux.\nGestion de l'eau", 'Gestion de l’eau']));
    expect(await indexedDocuments(storage.sql)).toEqual(
      new Set([textName(), documentName(commentsOf({ kind: 'ami-text', amiId })), boardName(), documentName(commentsOf({ kind: 'board', amiId, boardId }))]),
    );
    expect(logger.lines.some((line) => line.includes('index caught up'))).toBe(true);

    reads = [];
    await indexer.catchUp();
    expect(reads).toEqual([]);
  });

  it('indexes records when their routes say so', async () => {
    await updateAmi(storage.sql, amiId, { title: 'Eau potable', domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: 'Compteurs.', tags: [] });
    await updateBoard(storage.sql, boardId, { title: 'Sectorisation' });
    await indexer.indexAmi(amiId);
    await indexer.indexBoard(amiId, boardId);
    expect(await found('potable')).toEqual(["Compteurs.\nGestion de l'eau"]);
    expect(await found('sectorisation')).toEqual(['Syndicat des eaux']);
  });

  it('forgets a deleted AMI: its entries go, and its later changes are not indexed', async () => {
    writeNote('Capteurs acoustiques');
    await indexer.catchUp();
    indexer.onUpdate(boardName());
    await indexer.forgetAmi(amiId);
    expect(await found('capteurs')).toEqual([]);
    expect(await indexedDocuments(storage.sql)).toEqual(new Set());
    expect(clock.pending).toBe(0);

    reads = [];
    indexer.onUpdate(boardName());
    indexer.onEmptied(boardName());
    await indexer.indexAmi(amiId);
    clock.advance(REINDEX_AFTER_MS);
    await indexer.idle();
    expect(reads).toEqual([]);
    expect(await found('gestion')).toEqual([]);
  });

  it('logs a failed reindex and goes on with the next one', async () => {
    const failing = new SearchIndexer({
      sql: storage.sql,
      logger,
      clock,
      state: async (name) => {
        if (name === boardName()) throw new Error('disque plein');
        return Y.encodeStateAsUpdate(docOf(name));
      },
    });
    failing.reindex(boardName());
    failing.reindex(textName());
    await failing.idle();
    expect(logger.lines.some((line) => line.includes('indexing failed') && line.includes('disque plein'))).toBe(true);
    expect(await found('recevabilité')).toContain('Critères de recevabilité');
  });

  it('ignores documents that are not an AMI’s', () => {
    indexer.onUpdate('bench-board');
    expect(clock.pending).toBe(0);
  });
});
