/**
 * The sync endpoint's state: the registry of open documents, the write batcher, every live
 * connection, and the heartbeat that finds dead sockets. `accept` is called by the HTTP layer
 * with an upgraded socket and the requested document name.
 */
import { CloseCode, isValidDocumentName } from '@eprouvette/shared';
import type { WebSocket } from 'ws';
import type { SyncLimits } from '../config.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { SyncConnection, type ConnectionGrant } from './connection.ts';
import type { DecodeLimits } from './protocol.ts';
import { RoomRegistry } from './registry.ts';
import type { DocumentObserver } from './room.ts';
import { WriteBatcher } from './write-batcher.ts';

const HEARTBEAT_MS = 30_000;
/** Presence states are small JSON objects (name, colour, cursor, selection). */
const AWARENESS_LIMITS = { maxAwarenessEntries: 1000, maxAwarenessStateBytes: 64 * 1024 };

export class SyncService {
  readonly registry: RoomRegistry;
  readonly connections = new Set<SyncConnection>();
  private readonly batcher: WriteBatcher;
  private readonly decodeLimits: DecodeLimits;
  private readonly heartbeat: NodeJS.Timeout;
  private stopping = false;

  constructor(
    store: DocumentStore,
    private readonly limits: SyncLimits,
    private readonly logger: Logger,
    observer?: DocumentObserver,
  ) {
    this.batcher = new WriteBatcher(store);
    this.registry = new RoomRegistry({ store, batcher: this.batcher, limits, logger, observer });
    this.decodeLimits = { maxUpdateBytes: limits.maxUpdateBytes, ...AWARENESS_LIMITS };
    this.heartbeat = setInterval(() => this.checkConnections(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Largest WebSocket frame accepted: the update limit plus the message header. */
  get maxPayload(): number {
    return this.limits.maxUpdateBytes + 64;
  }

  /** Takes an upgraded socket whose access the caller has already decided (see `access/sync-gate.ts`). */
  accept(socket: WebSocket, docName: string, grant: ConnectionGrant): void {
    if (this.stopping) {
      socket.close(CloseCode.GoingAway, 'server shutting down');
      return;
    }
    if (!isValidDocumentName(docName)) {
      this.logger.warn('sync', 'refused connection', { code: CloseCode.NotFound, reason: 'invalid document name' });
      socket.close(CloseCode.NotFound, 'invalid document name');
      return;
    }
    const connection = new SyncConnection(socket, docName, grant, {
      limits: this.limits,
      decodeLimits: this.decodeLimits,
      logger: this.logger,
      onClosed: (closed) => {
        this.connections.delete(closed);
        this.registry.release(docName);
      },
    });
    this.connections.add(connection);
    this.registry.acquire(docName).then(
      (room) => connection.attach(room),
      (error: unknown) => {
        this.logger.error('sync', 'document load failed', { doc: docName, error: String(error) });
        connection.close(CloseCode.InternalError, 'document could not be loaded');
      },
    );
  }

  /**
   * Graceful stop: stop reading sockets, make every pending write durable (which also sends the
   * broadcasts waiting on it), then close every socket with 1001.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.heartbeat);
    for (const connection of this.connections) connection.freeze();
    await this.registry.drain();
    const open = [...this.connections];
    for (const connection of open) connection.close(CloseCode.GoingAway, 'server shutting down');
    await Promise.all(open.map((connection) => connection.closed()));
    this.registry.stopTimers();
  }

  /** The heartbeat: closes sockets whose session expired, pings the others, drops the silent. */
  checkConnections(now = Date.now()): void {
    for (const connection of this.connections) {
      if (connection.sessionExpiresAt <= now) {
        connection.close(CloseCode.Unauthenticated, 'session expired');
        continue;
      }
      if (connection.awaitingPong) {
        this.logger.warn('sync', 'no answer to ping, dropping connection', { doc: connection.docName });
        connection.socket.terminate();
        continue;
      }
      connection.awaitingPong = true;
      connection.socket.ping();
    }
  }
}
