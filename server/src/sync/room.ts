/**
 * One open document: the authoritative Y.Doc, its awareness states and the peers connected to it.
 *
 * The durability rule lives here: an update is applied to the in-memory doc, its new part (what
 * Yjs reports in the doc's 'update' event, so re-sent content is never stored twice) is handed to
 * the write batcher, and nothing that depends on it leaves the server before the batch holding it
 * is committed. Every outgoing document message is tagged with the newest write it may reveal
 * and held in the outbox until that write is durable.
 */
import * as Y from 'yjs';
import type { SyncLimits } from '../config.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { AwarenessState } from './awareness-state.ts';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type AwarenessEntry, type ClientMessage } from './protocol.ts';
import type { WriteBatcher } from './write-batcher.ts';
import { encodeBinaryFrame } from './ws-frame.ts';

/** What a room needs from a connection; the socket adapter implements it, tests fake it. */
export interface Peer {
  send(message: Uint8Array): void;
  /** Sends a frame prepared once for many peers by `encodeBinaryFrame`. */
  sendFrame(frame: Buffer): void;
  close(code: number, reason: string): void;
  /** Milliseconds since this peer last sent anything. */
  silentForMs(): number;
}

export interface RoomLog {
  lastSeq: number;
  logCount: number;
  logBytes: number;
  snapshotBytes: number;
}

/**
 * Told what happens to a document's content, for the features that follow it (versions): each
 * change new to the server, with its origin — the `Peer` that sent it, or the server's own origin
 * for changes it made — and the moment the last connection leaves.
 */
export interface DocumentObserver {
  onUpdate(name: string, origin: unknown): void;
  onEmptied(name: string): void;
}

export interface RoomDeps {
  store: DocumentStore;
  batcher: WriteBatcher;
  limits: Pick<SyncLimits, 'compactAfterUpdates' | 'compactAfterBytes'>;
  logger: Logger;
  /** Called once when the room can no longer guarantee durability; the registry drops it. */
  onBroken(room: Room): void;
  observer?: DocumentObserver;
}

/** A client whose socket stays silent longer than this (stock clients renew presence every 15 s) may be replaced. */
const SILENT_PEER_MS = 20_000;
/** The encoded empty state vector: what a client with an empty document sends in SyncStep1. */
const isEmptyStateVector = (sv: Uint8Array) => sv.length === 1 && sv[0] === 0;

interface PendingDelta {
  ticket: number;
  update: Uint8Array;
  origin: unknown;
}

export class Room {
  readonly peers = new Set<Peer>();
  private readonly awareness = new AwarenessState();
  private lastEnqueued = 0;
  private lastCommitted = 0;
  private pendingDeltas: PendingDelta[] = [];
  private outbox: Array<{ ticket: number; peer: Peer; message: Uint8Array }> = [];
  private flushScheduled = false;
  private pendingAwareness = new Map<number, AwarenessEntry>();
  private awarenessScheduled = false;
  private fullStateReply: Uint8Array | null = null;
  private compacting: Promise<void> | null = null;
  private idleWaiters: Array<() => void> = [];
  private broken = false;
  /** Deltas of the update being applied, persisted only once it applied completely. */
  private holding: Uint8Array[] | null = null;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly log: RoomLog,
    private readonly deps: RoomDeps,
  ) {
    doc.on('update', this.onDocUpdate);
  }

  get isBroken(): boolean {
    return this.broken;
  }

  /** Writes not yet durable or a compaction in progress: the room must not be unloaded. */
  get isBusy(): boolean {
    return this.lastCommitted < this.lastEnqueued || this.compacting !== null;
  }

  get logStats(): Readonly<RoomLog> {
    return this.log;
  }

  join(peer: Peer): void {
    this.peers.add(peer);
    // The server's own SyncStep1 makes the client send what the server lacks (after a restart,
    // or edits made offline); current presence lets the newcomer see everyone at once.
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.size > 0) peer.send(encodeAwareness(this.awareness.all()));
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.outbox = this.outbox.filter((item) => item.peer !== peer);
    this.queueAwareness(this.awareness.removeOwner(peer));
    if (this.peers.size === 0) this.deps.observer?.onEmptied(this.name);
  }

  /** Handles one decoded message; returns a refusal reason when the peer must be closed. */
  receive(peer: Peer, message: ClientMessage): string | null {
    switch (message.type) {
      case 'sync-step-1':
        this.deliver(peer, this.syncStep2For(message.stateVector));
        return null;
      case 'sync-step-2':
      case 'update':
        return this.applyUpdate(peer, message.update);
      case 'awareness':
        return this.applyAwareness(peer, message.entries);
      case 'query-awareness':
        peer.send(encodeAwareness(this.awareness.all()));
        return null;
    }
  }

  /** Resolves when no write is pending and no compaction runs. */
  whenIdle(): Promise<void> {
    if (!this.isBusy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Folds the log into a snapshot now (used before unloading). */
  async compactNow(): Promise<void> {
    await this.whenIdle();
    if (this.log.logCount > 1) await this.compact();
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
    this.outbox = [];
    this.pendingDeltas = [];
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    // Everyone opening a board starts from an empty document: encode the full state once per
    // document version instead of once per joining client.
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    const reply = this.fullStateReply ?? encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    this.fullStateReply = reply;
    return reply;
  }

  private applyUpdate(peer: Peer, update: Uint8Array): string | null {
    // Yjs emits the transaction's delta even when integration throws halfway, so deltas are
    // held until the update applied completely: a half-applied update is never stored or sent.
    const held: Uint8Array[] = [];
    this.holding = held;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      const reason = `update rejected by Yjs: ${error instanceof Error ? error.message : String(error)}`;
      // The in-memory document may be half-changed: drop it, everyone resyncs from disk.
      this.discard(reason, peer);
      return reason;
    } finally {
      this.holding = null;
    }
    for (const delta of held) this.persist(delta, peer);
    return null;
  }

  private applyAwareness(peer: Peer, entries: readonly AwarenessEntry[]): string | null {
    const result = this.awareness.apply(peer, entries, (previous) => (previous as Peer).silentForMs() > SILENT_PEER_MS);
    if (!result.ok) return result.reason;
    for (const previous of result.takenFrom) (previous as Peer).close(1001, 'replaced by a newer connection of the same client');
    this.queueAwareness(result.changed);
    return null;
  }

  private queueAwareness(entries: readonly AwarenessEntry[]): void {
    if (entries.length === 0) return;
    for (const entry of entries) this.pendingAwareness.set(entry.clientId, entry);
    if (this.awarenessScheduled) return;
    this.awarenessScheduled = true;
    // Presence changes that arrive in the same tick go out as one message: with hundreds of
    // clients this turns N×N sends into N per tick (and stock clients echo each one back).
    setImmediate(() => {
      this.awarenessScheduled = false;
      if (this.pendingAwareness.size === 0) return;
      const frame = encodeBinaryFrame(encodeAwareness([...this.pendingAwareness.values()]));
      this.pendingAwareness.clear();
      for (const peer of this.peers) peer.sendFrame(frame);
    });
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.holding) this.holding.push(update);
    else this.persist(update, origin);
  };

  private persist(update: Uint8Array, origin: unknown): void {
    this.deps.observer?.onUpdate(this.name, origin);
    this.fullStateReply = null;
    const ticket = ++this.lastEnqueued;
    this.pendingDeltas.push({ ticket, update, origin });
    this.deps.batcher.enqueue(this.name, update, {
      committed: (seq) => this.committed(ticket, seq, update.byteLength),
      failed: (error) => this.fail(error),
    });
  }

  /** Sends now if nothing is waiting for the disk, otherwise after the newest pending write. */
  private deliver(peer: Peer, message: Uint8Array): void {
    if (this.lastCommitted >= this.lastEnqueued) peer.send(message);
    else this.outbox.push({ ticket: this.lastEnqueued, peer, message });
  }

  private committed(ticket: number, seq: number, bytes: number): void {
    if (this.broken) return;
    this.lastCommitted = ticket;
    this.log.lastSeq = seq;
    this.log.logCount += 1;
    this.log.logBytes += bytes;
    // A batch commits many entries in one go; broadcast once after the last of them.
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flushCommitted());
  }

  private flushCommitted(): void {
    this.flushScheduled = false;
    if (this.broken) return;
    const ready = this.takeWhile(this.pendingDeltas, (delta) => delta.ticket <= this.lastCommitted);
    if (ready.length > 0) {
      const update = ready.length === 1 ? ready[0]!.update : Y.mergeUpdates(ready.map((delta) => delta.update));
      const frame = encodeBinaryFrame(encodeUpdate(update));
      const origins = new Set(ready.map((delta) => delta.origin));
      // A lone writer already has its own change; everyone else gets it once, merged.
      const skip = origins.size === 1 ? origins.values().next().value : undefined;
      for (const peer of this.peers) if (peer !== skip) peer.sendFrame(frame);
    }
    for (const item of this.takeWhile(this.outbox, (entry) => entry.ticket <= this.lastCommitted)) {
      if (this.peers.has(item.peer)) item.peer.send(item.message);
    }
    this.maybeCompact();
    this.notifyIfIdle();
  }

  private takeWhile<T>(queue: T[], predicate: (item: T) => boolean): T[] {
    let count = 0;
    while (count < queue.length && predicate(queue[count]!)) count += 1;
    return queue.splice(0, count);
  }

  private maybeCompact(): void {
    const { logCount, logBytes, snapshotBytes } = this.log;
    if (this.compacting || logCount < 2) return;
    const { compactAfterUpdates, compactAfterBytes } = this.deps.limits;
    // Each compaction rewrites the whole snapshot: waiting until the log is as large as the
    // snapshot makes snapshot sizes grow geometrically, so the bytes written for snapshots stay
    // a bounded multiple of the document, while what is stored stays within twice it.
    if ((logCount >= compactAfterUpdates || logBytes >= compactAfterBytes) && logBytes >= snapshotBytes) {
      void this.compact();
    }
  }

  private compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    // Only committed entries are folded: the snapshot may also hold newer, still pending
    // updates, which is harmless (Yjs updates are idempotent) and never loses one.
    const throughSeq = this.log.lastSeq;
    const folded = { count: this.log.logCount, bytes: this.log.logBytes };
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    this.compacting = this.deps.store
      .compact(this.name, snapshot, throughSeq)
      .then(() => {
        this.log.logCount -= folded.count;
        this.log.logBytes -= folded.bytes;
        this.log.snapshotBytes = snapshot.byteLength;
      })
      .catch((error: unknown) => {
        // The log is intact, so nothing is lost; the next threshold crossing retries.
        this.deps.logger.error('storage', 'compaction failed', { doc: this.name, error: String(error) });
      })
      .finally(() => {
        this.compacting = null;
        this.notifyIfIdle();
      });
    return this.compacting;
  }

  private fail(error: unknown): void {
    if (this.broken) return;
    this.deps.logger.error('storage', 'write failed; closing the document so clients resync from disk', {
      doc: this.name,
      error: String(error),
    });
    // Nothing of the failed batch was sent anywhere; clients keep their edits and send them
    // again when they reconnect to a fresh copy loaded from disk.
    this.discard('storage failure, reconnect');
  }

  /** Closes every peer (but `except`, which the caller closes) and hands the room to the registry to drop. */
  private discard(reason: string, except?: Peer): void {
    if (this.broken) return;
    this.broken = true;
    for (const peer of [...this.peers]) if (peer !== except) peer.close(1011, reason.slice(0, 120));
    this.pendingDeltas = [];
    this.outbox = [];
    this.lastCommitted = this.lastEnqueued;
    this.notifyIfIdle();
    this.deps.onBroken(this);
  }

  private notifyIfIdle(): void {
    if (this.isBusy || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
