/**
 * Takes the versions of documents (the AMI texts and the boards; comment documents have none).
 *
 * Automatic versions follow the activity, never the calendar: the first change after a version
 * starts a 10-minute clock, and when it runs out a version is taken — even if people are still
 * typing, so a long session leaves a version every 10 minutes or so. When the last connection
 * leaves a document that changed, a version is taken at once. Nothing changed, no version.
 *
 * Named versions and the version kept before a restore go through here too: a version of any
 * kind holds every change made before it, so the next automatic one starts from there.
 *
 * Authors are the users whose connections sent the changes since the previous version; the
 * server's own changes (a restore) count as changes, credited to the user on whose behalf they
 * were made (`asAuthor`).
 */
import type { Id, VersionKind } from '@eprouvette/shared';
import { parseDocumentName } from '@eprouvette/shared';
import type { Logger } from '../log.ts';
import { newId } from '../records/new-id.ts';
import type { DocumentObserver } from '../sync/room.ts';
import { systemClock, type Clock, type Timer } from './clock.ts';
import type { NewVersion, VersionRecord } from './version-records.ts';

export const AUTO_VERSION_AFTER_MS = 10 * 60_000;

export interface VersionRecorderDeps {
  /** The document's current state as a Yjs update (the live one, loaded if needed). */
  state(name: string): Promise<Uint8Array>;
  save(version: NewVersion, createdAt: number): Promise<VersionRecord>;
  logger: Logger;
  clock?: Clock;
  newId?: () => Id;
}

/** Changes not yet in a version. */
interface Pending {
  authors: Set<Id>;
  timer: Timer;
}

/** The user behind a sync connection (the room's update origin); anything else is not a user. */
function userOf(origin: unknown): Id | null {
  if (typeof origin !== 'object' || origin === null || !('userId' in origin)) return null;
  return typeof origin.userId === 'string' ? origin.userId : null;
}

/** Texts and boards have versions; comment documents, written by the server, do not. */
function isVersioned(name: string): boolean {
  const ref = parseDocumentName(name);
  return ref !== null && ref.comments !== true;
}

export class VersionRecorder implements DocumentObserver {
  private readonly pending = new Map<string, Pending>();
  /** Who the server's own changes to a document are made for, while `asAuthor` runs. */
  private readonly credited = new Map<string, Id>();
  private readonly running = new Set<Promise<unknown>>();
  /** AMIs being deleted: their documents get no version any more (ids are never reused). */
  private readonly forgotten = new Set<Id>();
  private readonly clock: Clock;
  private readonly newId: () => Id;

  constructor(private readonly deps: VersionRecorderDeps) {
    this.clock = deps.clock ?? systemClock;
    this.newId = deps.newId ?? newId;
  }

  onUpdate(name: string, origin: unknown): void {
    if (!isVersioned(name) || this.isForgotten(name)) return;
    const pending = this.pendingFor(name);
    const author = userOf(origin) ?? this.credited.get(name);
    if (author !== undefined) pending.authors.add(author);
  }

  onEmptied(name: string): void {
    if (this.pending.has(name)) this.takeAutomatic(name);
  }

  /** A version named by `by`, of the document as it is now. */
  named(name: string, label: string, by: Id): Promise<VersionRecord> {
    return this.track(this.take(name, 'named', label, [by]));
  }

  /** The version kept just before a restore: the content about to be replaced. */
  beforeRestore(name: string): Promise<VersionRecord> {
    return this.track(this.take(name, 'before-restore', null));
  }

  /** Runs `change` (a server-side change to the document) with its updates credited to `userId`. */
  async asAuthor<T>(name: string, userId: Id, change: () => Promise<T>): Promise<T> {
    this.credited.set(name, userId);
    try {
      return await change();
    } finally {
      this.credited.delete(name);
    }
  }

  /**
   * Stops versioning the AMI's documents, before they are deleted: pending changes are dropped and
   * the versions being taken finish first, so none is written after the caller deletes them.
   */
  async forgetAmi(amiId: Id): Promise<void> {
    this.forgotten.add(amiId);
    for (const [name, pending] of this.pending) {
      if (!this.isForgotten(name)) continue;
      pending.timer.cancel();
      this.pending.delete(name);
    }
    await this.settled();
  }

  /** At shutdown: versions every pending change, then waits for every version being taken. */
  async stop(): Promise<void> {
    for (const name of [...this.pending.keys()]) this.takeAutomatic(name);
    await this.settled();
  }

  private isForgotten(name: string): boolean {
    const ref = parseDocumentName(name);
    return ref !== null && this.forgotten.has(ref.amiId);
  }

  /** The document's pending changes; the first change after a version starts the clock. */
  private pendingFor(name: string): Pending {
    let pending = this.pending.get(name);
    if (pending === undefined) {
      pending = { authors: new Set(), timer: this.clock.schedule(() => this.takeAutomatic(name), AUTO_VERSION_AFTER_MS) };
      this.pending.set(name, pending);
    }
    return pending;
  }

  private takeAutomatic(name: string): void {
    if (!this.pending.has(name)) return;
    this.track(this.take(name, 'auto', null)).catch((error: unknown) => {
      this.deps.logger.error('versions', 'automatic version failed', { doc: name, error: String(error) });
    });
  }

  /**
   * Takes a version now. The pending changes are claimed before the state is read, so a change
   * arriving meanwhile starts the next version's clock rather than being lost; if the version
   * cannot be saved, the claimed changes become pending again.
   */
  private async take(name: string, kind: VersionKind, label: string | null, authors?: Id[]): Promise<VersionRecord> {
    const claimed = this.pending.get(name);
    claimed?.timer.cancel();
    this.pending.delete(name);
    try {
      if (this.isForgotten(name)) throw new Error(`document ${name} is being deleted`);
      const state = await this.deps.state(name);
      const version = { id: this.newId(), document: name, kind, label, authors: authors ?? [...(claimed?.authors ?? [])], state };
      return await this.deps.save(version, this.clock.now());
    } catch (error) {
      if (claimed !== undefined && !this.isForgotten(name)) {
        const pending = this.pendingFor(name);
        for (const author of claimed.authors) pending.authors.add(author);
      }
      throw error;
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  private async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
