/**
 * The open documents: one Room per document name, loaded on first use (concurrent openers share
 * one load) and unloaded `unloadDelayMs` after the last connection leaves — but only once no
 * write or compaction for it is pending. A failed load removes the entry, so the next connection
 * tries again from scratch and nothing stays behind.
 */
import * as Y from 'yjs';
import type { SyncLimits } from '../config.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { Room, type DocumentObserver } from './room.ts';
import type { WriteBatcher } from './write-batcher.ts';

interface Entry {
  /** Connections holding the room (counted from the start of the load). */
  refs: number;
  room: Promise<Room>;
  /** Set once loaded, so unloading and stats need no await. */
  loaded: Room | null;
  unloadTimer: NodeJS.Timeout | null;
}

export interface RegistryDeps {
  store: DocumentStore;
  batcher: WriteBatcher;
  limits: SyncLimits;
  logger: Logger;
  /** Told of every room's changes and of its last connection leaving. */
  observer?: DocumentObserver;
}

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly deps: RegistryDeps) {}

  /** Number of documents in memory (loaded or loading). */
  get size(): number {
    return this.entries.size;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  loadedRooms(): Room[] {
    return [...this.entries.values()].flatMap((entry) => (entry.loaded ? [entry.loaded] : []));
  }

  /** Takes a reference on the document, loading it if needed. Pair every call with `release`. */
  acquire(name: string): Promise<Room> {
    let entry = this.entries.get(name);
    if (!entry) {
      const created: Entry = { refs: 0, room: this.load(name), loaded: null, unloadTimer: null };
      created.room.then(
        (room) => {
          created.loaded = room;
          // Every opener may have left while the document was loading.
          this.scheduleUnloadIfUnused(name, created);
        },
        () => {
          if (this.entries.get(name) === created) this.entries.delete(name);
        },
      );
      this.entries.set(name, created);
      entry = created;
    }
    entry.refs += 1;
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = null;
    }
    return entry.room;
  }

  release(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    entry.refs -= 1;
    this.scheduleUnloadIfUnused(name, entry);
  }

  /**
   * Drops every document whose name matches, without compacting it (it is about to be deleted):
   * waits for its pending writes so none lands after the caller deletes the stored bytes.
   * The caller has closed the connections first.
   */
  async discard(matches: (name: string) => boolean): Promise<void> {
    const dropped = [...this.entries].filter(([name]) => matches(name));
    for (const [name, entry] of dropped) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      this.entries.delete(name);
    }
    await Promise.all(
      dropped.map(async ([, entry]) => {
        const room = await entry.room.catch(() => null);
        if (room === null) return;
        await room.whenIdle();
        room.destroy();
      }),
    );
  }

  /** Waits for every room's pending work; used at shutdown after sockets stopped being read. */
  async drain(): Promise<void> {
    await this.deps.batcher.drain();
    await Promise.all(this.loadedRooms().map((room) => room.whenIdle()));
  }

  /** Clears unload timers so a stopping process does not wait on them. */
  stopTimers(): void {
    for (const entry of this.entries.values()) if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
  }

  private scheduleUnloadIfUnused(name: string, entry: Entry): void {
    if (entry.refs > 0 || !entry.loaded || entry.unloadTimer) return;
    entry.unloadTimer = setTimeout(() => void this.unload(name, entry), this.deps.limits.unloadDelayMs);
    entry.unloadTimer.unref();
  }

  private async load(name: string): Promise<Room> {
    const stored = await this.deps.store.load(name);
    const doc = new Y.Doc();
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    const log = {
      lastSeq: stored.lastSeq,
      logCount: stored.updates.length,
      logBytes: stored.logBytes,
      snapshotBytes: stored.snapshot?.byteLength ?? 0,
    };
    return new Room(name, doc, log, {
      store: this.deps.store,
      batcher: this.deps.batcher,
      limits: this.deps.limits,
      logger: this.deps.logger,
      onBroken: (room) => this.evict(name, room),
      observer: this.deps.observer,
    });
  }

  private async unload(name: string, entry: Entry): Promise<void> {
    entry.unloadTimer = null;
    const room = entry.loaded;
    if (!room || entry.refs > 0 || this.entries.get(name) !== entry) return;
    try {
      await room.compactNow();
    } catch (error) {
      this.deps.logger.warn('sync', 'compaction before unload failed', { doc: name, error: String(error) });
    }
    await room.whenIdle();
    // Someone may have opened the document while we waited: then it stays.
    if (entry.refs > 0 || this.entries.get(name) !== entry) return;
    this.entries.delete(name);
    room.destroy();
  }

  private evict(name: string, room: Room): void {
    const entry = this.entries.get(name);
    if (entry?.loaded !== room) return;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    this.entries.delete(name);
    // Connections still holding it were closed by the room; their release finds no entry.
    void room.whenIdle().then(() => room.destroy());
  }
}
