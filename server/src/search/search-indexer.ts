/**
 * Keeps the search index up to date.
 *
 * - Documents (AMI texts, boards, comment documents): the rooms tell of each change (this is one
 *   of their `DocumentObserver`s); a document is reindexed 2 seconds after its last change, or at
 *   once when its last connection leaves, from its state — one document at a time, so that
 *   a busy workshop costs one read of the board every few seconds, not one per keystroke.
 * - Records: the AMI and board routes call `indexAmi` / `indexBoard` after writing them, and
 *   `forgetAmi` when an AMI is deleted. A board's record is also refreshed with its document, so
 *   boards created elsewhere (from a template) are found as soon as they are used.
 * - At start, `catchUp` indexes what has never been indexed: the demo's AMI, boards and text, an
 *   upgraded database.
 *
 * Every write goes through one queue, so an AMI's deletion cannot interleave with its indexing;
 * failures are logged and never reach the caller (the index is a convenience, the records and
 * documents are the truth).
 */
import type { DocumentRef, Id } from '@eprouvette/shared';
import { commentsOf, documentName, parseDocumentName } from '@eprouvette/shared';
import type { Logger } from '../log.ts';
import { getAmi } from '../records/amis.ts';
import { getBoard } from '../records/boards.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import type { DocumentObserver } from '../sync/room.ts';
import { systemClock, type Clock, type Timer } from '../versions/clock.ts';
import { amiRecordEntry, boardRecordEntry, documentEntries } from './search-entries.ts';
import { deleteAmiEntries, indexedDocuments, listDocumentOwners, replaceDocumentEntries, replaceRecordEntry, unindexedRecords } from './search-records.ts';

export const REINDEX_AFTER_MS = 2_000;

export interface SearchIndexerDeps {
  sql: SqlClient;
  /** The document's current state as a Yjs update, read without opening it (`document-state.ts`). */
  state(name: string): Promise<Uint8Array>;
  logger: Logger;
  clock?: Clock;
}

/** A document changed and not reindexed yet. */
interface Waiting {
  timer: Timer;
  lastChange: number;
}

/** Every document of an AMI: its text, its boards, and their comments. */
export function documentsOf(amiId: Id, boardIds: readonly Id[]): string[] {
  const refs: DocumentRef[] = [{ kind: 'ami-text', amiId }, ...boardIds.map((boardId): DocumentRef => ({ kind: 'board', amiId, boardId }))];
  return refs.flatMap((ref) => [documentName(ref), documentName(commentsOf(ref))]);
}

export class SearchIndexer implements DocumentObserver {
  private readonly waiting = new Map<string, Waiting>();
  /** Documents in the queue and not started yet: a second request for one adds nothing. */
  private readonly queued = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  /** AMIs being deleted: nothing of theirs is indexed any more (ids are never reused). */
  private readonly forgotten = new Set<Id>();
  private readonly clock: Clock;

  constructor(private readonly deps: SearchIndexerDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  onUpdate(name: string): void {
    const waiting = this.waiting.get(name);
    // Called for every update: the timer is pushed back lazily, when it fires, not on each keystroke.
    if (waiting !== undefined) waiting.lastChange = this.clock.now();
    else if (this.isIndexed(name)) this.waiting.set(name, { timer: this.clock.schedule(() => this.due(name), REINDEX_AFTER_MS), lastChange: this.clock.now() });
  }

  onEmptied(name: string): void {
    if (this.waiting.has(name)) this.reindex(name);
  }

  /** Reindexes the document as soon as the queue allows (a document the server wrote outside a room). */
  reindex(name: string): void {
    this.waiting.get(name)?.timer.cancel();
    this.waiting.delete(name);
    if (!this.isIndexed(name) || this.queued.has(name)) return;
    this.queued.add(name);
    void this.enqueue(`document ${name}`, () => {
      this.queued.delete(name);
      return this.indexDocument(name);
    });
  }

  /** Indexes the AMI's record as it now is (created or edited). */
  indexAmi(amiId: Id): Promise<void> {
    return this.enqueue(`AMI ${amiId}`, async () => {
      const ami = this.forgotten.has(amiId) ? null : await getAmi(this.deps.sql, amiId);
      if (ami !== null) await replaceRecordEntry(this.deps.sql, amiRecordEntry(ami), this.clock.now());
    });
  }

  /** Indexes the board's record as it now is (created or changed). */
  indexBoard(amiId: Id, boardId: Id): Promise<void> {
    return this.enqueue(`board ${boardId}`, () => this.indexBoardRecord(amiId, boardId));
  }

  /** Deletes everything indexed for the AMI, and indexes nothing of it any more. */
  forgetAmi(amiId: Id): Promise<void> {
    this.forgotten.add(amiId);
    for (const [name, waiting] of this.waiting) {
      if (parseDocumentName(name)?.amiId !== amiId) continue;
      waiting.timer.cancel();
      this.waiting.delete(name);
    }
    return this.enqueue(`deleted AMI ${amiId}`, () => deleteAmiEntries(this.deps.sql, amiId));
  }

  /** Indexes the records and documents that have never been: at start. */
  async catchUp(): Promise<void> {
    const { sql, logger } = this.deps;
    const { amis, boards } = await unindexedRecords(sql);
    for (const amiId of amis) void this.indexAmi(amiId);
    for (const { amiId, boardId } of boards) void this.indexBoard(amiId, boardId);
    const indexed = await indexedDocuments(sql);
    const missing = (await listDocumentOwners(sql)).flatMap(({ amiId, boardIds }) => documentsOf(amiId, boardIds)).filter((name) => !indexed.has(name));
    for (const name of missing) this.reindex(name);
    await this.idle();
    if (amis.length + boards.length + missing.length > 0) {
      logger.info('search', 'index caught up', { amis: amis.length, boards: boards.length, documents: missing.length });
    }
  }

  /** At shutdown: reindexes every changed document, then waits for the queue. */
  async stop(): Promise<void> {
    for (const name of [...this.waiting.keys()]) this.reindex(name);
    await this.idle();
  }

  /** Resolves once nothing is queued or being indexed. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  /** Documents of AMIs (not of a deleted one): the only ones searched. */
  private isIndexed(name: string): boolean {
    const ref = parseDocumentName(name);
    return ref !== null && !this.forgotten.has(ref.amiId);
  }

  /** The timer of a changed document ran out: reindex, unless it changed again since. */
  private due(name: string): void {
    const waiting = this.waiting.get(name);
    if (waiting === undefined) return;
    const quiet = this.clock.now() - waiting.lastChange;
    if (quiet >= REINDEX_AFTER_MS) this.reindex(name);
    else waiting.timer = this.clock.schedule(() => this.due(name), REINDEX_AFTER_MS - quiet);
  }

  private async indexBoardRecord(amiId: Id, boardId: Id): Promise<boolean> {
    const board = this.forgotten.has(amiId) ? null : await getBoard(this.deps.sql, amiId, boardId);
    if (board !== null) await replaceRecordEntry(this.deps.sql, boardRecordEntry(board), this.clock.now());
    return board !== null;
  }

  private async indexDocument(name: string): Promise<void> {
    const { sql, state } = this.deps;
    const ref = parseDocumentName(name);
    // A document of an AMI or a board deleted meanwhile leaves nothing behind.
    if (ref === null || this.forgotten.has(ref.amiId) || (await getAmi(sql, ref.amiId)) === null) return;
    if (ref.kind === 'board' && !(await this.indexBoardRecord(ref.amiId, ref.boardId))) return;
    const textName = documentName({ kind: 'ami-text', amiId: ref.amiId });
    const text = ref.kind === 'ami-text' && ref.comments === true ? await state(textName) : null;
    await replaceDocumentEntries(sql, name, ref.amiId, documentEntries(ref, name, await state(name), text), this.clock.now());
    // The comments on the text point at its blocks, which the edit may have moved.
    if (name === textName) this.reindex(documentName(commentsOf(ref)));
  }

  private enqueue(what: string, task: () => Promise<unknown>): Promise<void> {
    const run = this.queue.then(task).then(
      () => undefined,
      (error: unknown) => this.deps.logger.error('search', 'indexing failed', { what, error: String(error) }),
    );
    this.queue = run;
    return run;
  }
}
