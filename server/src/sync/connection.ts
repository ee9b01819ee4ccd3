/**
 * One WebSocket on `/sync/<name>`: the adapter between the socket and a Room. It enforces the
 * per-connection limits (message rate, send buffer, what may arrive before the document is
 * loaded), decodes every frame defensively, and closes only itself — with a clear code and one
 * log line — when a peer misbehaves.
 */
import { CloseCode } from '@eprouvette/shared';
import type { WebSocket } from 'ws';
import type { SyncLimits } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Grant } from '../access/document-access.ts';
import * as Y from 'yjs';
import { decodeClientMessage, encodePermissionDenied, encodeSyncStep1, encodeWriteGranted, type DecodeLimits } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';
import type { Peer, Room } from './room.ts';

/** Frames accepted while the document loads; a well-behaved client sends 2–3 (sync, awareness). */
const MAX_EARLY_FRAMES = 64;
/** Messages from this size on are tracked until written, see `trackLarge`. */
const LARGE_MESSAGE_BYTES = 256 * 1024;
/** A closing peer that does not read its close frame is cut off after this. */
const CLOSE_GRACE_MS = 2_000;

/** ws attaches the close code it will use to its errors under a private symbol. */
function wsStatusCode(error: Error): number | undefined {
  const symbol = Object.getOwnPropertySymbols(error).find((s) => s.description === 'status-code');
  const code = symbol ? (error as unknown as Record<symbol, unknown>)[symbol] : undefined;
  return typeof code === 'number' ? code : undefined;
}

/** Who opened the socket and what they may do; decided by the access layer before `accept`. */
export interface ConnectionGrant {
  userId: string;
  /** Hash of the session the socket was opened with: logging out closes it. */
  sessionId: string;
  /** When that session expires (ms): the heartbeat closes the socket then, like a logout. */
  sessionExpiresAt: number;
  access: Grant;
}

/** An empty Yjs update (no structs, no deletions): what stock clients answer to a SyncStep1 when they have nothing new. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

export interface ConnectionDeps {
  limits: SyncLimits;
  decodeLimits: DecodeLimits;
  logger: Logger;
  /** Called once, when the socket is gone. */
  onClosed(connection: SyncConnection): void;
}

export class SyncConnection implements Peer {
  private room: Room | null = null;
  private early: Uint8Array[] | null = [];
  private readonly bucket: TokenBucket;
  private lastHeard = performance.now();
  private closing = false;
  /** Bytes of large messages handed to the socket and not yet written out. */
  private largeInFlight = 0;
  /** Set at shutdown: frames still arriving are not applied (they were never acknowledged). */
  private frozen = false;
  /** One log line per connection for refused updates, however many it sends. */
  private refusalLogged = false;
  /** Set by the heartbeat; a socket that did not answer the previous ping is dead. */
  awaitingPong = false;

  constructor(
    readonly socket: WebSocket,
    readonly docName: string,
    private grant: ConnectionGrant,
    private readonly deps: ConnectionDeps,
  ) {
    this.bucket = new TokenBucket(deps.limits.ratePerSecond, deps.limits.rateBurst);
    socket.binaryType = 'nodebuffer';
    socket.on('message', this.onMessage);
    socket.on('pong', () => {
      this.awaitingPong = false;
      this.lastHeard = performance.now();
    });
    socket.on('error', (error: Error) => {
      // ws reports protocol violations (oversized frame, bad opcode, invalid UTF-8…) here and
      // then closes the socket itself with the status code it attached to the error.
      this.closing = true;
      this.deps.logger.warn('sync', 'closing connection', {
        doc: this.docName,
        code: wsStatusCode(error),
        reason: error.message,
      });
    });
    socket.once('close', () => {
      this.closing = true;
      this.room?.leave(this);
      this.deps.onClosed(this);
    });
  }

  get userId(): string {
    return this.grant.userId;
  }

  get sessionId(): string {
    return this.grant.sessionId;
  }

  get sessionExpiresAt(): number {
    return this.grant.sessionExpiresAt;
  }

  get access(): Grant {
    return this.grant.access;
  }

  /**
   * Changes what this open connection may do (a role lowered or raised, a board archived…). The
   * client is told, so its editor turns read-only or writable without reconnecting; presence
   * keeps flowing either way.
   */
  setAccess(access: Grant): void {
    const before = this.grant.access;
    if (access === before) return;
    this.grant = { ...this.grant, access };
    if (this.room === null) return; // told on join
    if (access === 'write') {
      this.send(encodeWriteGranted());
      // Edits the client made while read-only were refused, and its later ones build on them:
      // asking for what it has that the server lacks lets the server take them now.
      this.send(encodeSyncStep1(Y.encodeStateVector(this.room.doc)));
    }
    else if (before === 'write') this.send(encodePermissionDenied('read-only'));
  }

  /** Attaches the loaded room and replays what arrived while it loaded. */
  attach(room: Room): void {
    if (this.closing) return;
    this.room = room;
    room.join(this);
    if (this.grant.access !== 'write') this.send(encodePermissionDenied('read-only'));
    const early = this.early ?? [];
    this.early = null;
    for (const frame of early) {
      if (this.closing) return;
      this.handle(frame);
    }
  }

  send(message: Uint8Array): void {
    if (!this.canSend()) return;
    if (message.byteLength < LARGE_MESSAGE_BYTES) this.socket.send(message, { binary: true });
    else this.socket.send(message, { binary: true }, this.trackLarge(message.byteLength));
  }

  sendFrame(frame: Buffer): void {
    if (!this.canSend()) return;
    // ws writes its own frames synchronously (no compression is negotiated), so a prepared
    // frame written straight to the TCP socket cannot interleave with one of them.
    const tcp = (this.socket as unknown as { _socket: { write(data: Buffer, done?: () => void): void } })._socket;
    if (frame.byteLength < LARGE_MESSAGE_BYTES) tcp.write(frame);
    else tcp.write(frame, this.trackLarge(frame.byteLength));
  }

  /**
   * A document's full state can be larger than any fixed buffer limit: the bytes of large
   * messages still being written do not count against the limit, so a client downloading a
   * 20 MB board is not mistaken for one that stopped reading.
   */
  private trackLarge(bytes: number): () => void {
    this.largeInFlight += bytes;
    return () => {
      this.largeInFlight -= bytes;
    };
  }

  private canSend(): boolean {
    if (this.closing || this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount - this.largeInFlight > this.deps.limits.maxSendBufferBytes) {
      this.close(CloseCode.TryAgainLater, 'send buffer full: the client is not reading');
      return false;
    }
    return true;
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    if (code !== CloseCode.GoingAway) {
      this.deps.logger.warn('sync', 'closing connection', { doc: this.docName, code, reason });
    }
    const cutOff = setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS);
    cutOff.unref();
    this.socket.once('close', () => clearTimeout(cutOff));
    this.socket.close(code, reason);
  }

  freeze(): void {
    this.frozen = true;
  }

  /** Resolves when the socket is closed (after `close`, within the grace period at most). */
  closed(): Promise<void> {
    if (this.socket.readyState === this.socket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('close', () => resolve()));
  }

  silentForMs(): number {
    return performance.now() - this.lastHeard;
  }

  private readonly onMessage = (data: Buffer, isBinary: boolean): void => {
    if (this.closing || this.frozen) return;
    this.lastHeard = performance.now();
    if (!isBinary) return this.close(CloseCode.BadMessage, 'text frames are not part of the protocol');
    if (!this.bucket.take()) return this.close(CloseCode.RateLimited, 'too many messages');
    if (this.early) {
      if (this.early.length >= MAX_EARLY_FRAMES) return this.close(CloseCode.RateLimited, 'too many messages before the document loaded');
      this.early.push(data);
      return;
    }
    this.handle(data);
  };

  private handle(frame: Uint8Array): void {
    const decoded = decodeClientMessage(frame, this.deps.decodeLimits);
    if (!decoded.ok) return this.close(decoded.code, decoded.reason);
    const { message } = decoded;
    if ((message.type === 'update' || message.type === 'sync-step-2') && this.grant.access !== 'write') {
      // Refused by the server whatever the client's UI allowed; the client is told, and keeps
      // its connection (and its presence) since reading is still allowed.
      if (!isEmptyUpdate(message.update)) {
        if (!this.refusalLogged) this.deps.logger.warn('sync', 'update refused: read-only connection', { doc: this.docName, user: this.grant.userId });
        this.refusalLogged = true;
        this.send(encodePermissionDenied('read-only'));
      }
      return;
    }
    const refusal = this.room!.receive(this, message);
    if (refusal) this.close(CloseCode.BadMessage, refusal.slice(0, 120));
  }
}
