/**
 * A lightweight sync client for the load generator: a raw `ws` socket that speaks the stock
 * y-websocket protocol (ours, the reference server, the bare loop) or Hocuspocus's framing of the
 * same messages (document name first, an authentication message before anything else).
 *
 * Why not the stock providers: 1,000 observers in one process each applying every update to a Y.Doc
 * (and, for the Hocuspocus provider, rebuilding the awareness state array on every awareness
 * message) would make the load generator the bottleneck. Observers here only decode what latency
 * needs: the clock range in an update (`Y.parseUpdateMeta`) or the client ids and clocks in an
 * awareness message. Every server gets the same client code, so the load-generator cost is the same
 * for all of them.
 */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Dialect, Endpoint } from '../types.ts';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Hocuspocus: Auth sub-types (from @hocuspocus/common). */
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;

/** The Yjs encoding of an empty document: what a fresh stock client answers to SyncStep1. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** The state vector of an empty document. */
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/** What the server calls the document a workload names `name` (see `Endpoint.documents`). */
export function documentOn(endpoint: Endpoint, name: string): string {
  if (endpoint.documents === undefined) return name;
  const real = endpoint.documents[name];
  // Ours would refuse an unknown name with 4404: say which name the workload forgot to declare.
  if (real === undefined) throw new Error(`no board was created for "${name}": list it in the workload's documents()`);
  return real;
}

export interface ClientOptions {
  endpoint: Endpoint;
  docName: string;
  /** A writer's document: used to answer the server's SyncStep1 with what the server is missing. */
  doc?: Y.Doc;
  onUpdate?: (update: Uint8Array, receivedAt: number) => void;
  onAwareness?: (update: Uint8Array, receivedAt: number) => void;
  onSyncStep2?: (update: Uint8Array, receivedAt: number) => void;
  /** Give up on the connection and the first sync after this long. */
  timeoutMs?: number;
}

export class SyncClient {
  readonly socket: WebSocket;
  /** performance.now() when the socket was created. */
  readonly startedAt: number;
  /** Resolves with performance.now() at the first SyncStep2 received. */
  readonly synced: Promise<number>;
  syncedAt: number | null = null;
  closedWith: { code: number; reason: string } | null = null;
  private readonly closed: Promise<void>;
  private readonly dialect: Dialect;
  private readonly docName: string;

  constructor(private readonly options: ClientOptions) {
    this.dialect = options.endpoint.dialect;
    this.docName = documentOn(options.endpoint, options.docName);
    const url =
      this.dialect === 'hocuspocus' ? options.endpoint.url : `${options.endpoint.url}/${encodeURIComponent(this.docName)}`;
    this.startedAt = performance.now();
    const { cookie } = options.endpoint;
    // Default client options, like a browser: permessage-deflate is offered, the server decides.
    this.socket = new WebSocket(url, { handshakeTimeout: options.timeoutMs ?? 30_000, ...(cookie !== undefined && { headers: { cookie } }) });
    this.socket.binaryType = 'nodebuffer';
    let resolveSynced!: (at: number) => void;
    let rejectSynced!: (error: Error) => void;
    this.synced = new Promise<number>((resolve, reject) => {
      resolveSynced = resolve;
      rejectSynced = reject;
    });
    // A rejected `synced` that nobody awaits (a client we only close) must not crash the process.
    this.synced.catch(() => undefined);
    const timer = setTimeout(
      () => rejectSynced(new Error(`not synced after ${options.timeoutMs ?? 30_000} ms`)),
      options.timeoutMs ?? 30_000,
    );
    timer.unref();
    this.closed = new Promise<void>((resolve) => {
      this.socket.once('close', (code, reason) => {
        this.closedWith = { code, reason: reason.toString('utf8') };
        clearTimeout(timer);
        rejectSynced(new Error(`closed before synced: ${code} ${reason.toString('utf8')}`));
        resolve();
      });
    });
    this.socket.on('error', (error) => rejectSynced(error));
    this.socket.on('open', () => this.onOpen());
    this.socket.on('message', (data: Buffer) => {
      const at = performance.now();
      this.onMessage(data, at, () => {
        if (this.syncedAt === null) {
          this.syncedAt = at;
          clearTimeout(timer);
          resolveSynced(at);
        }
      });
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  sendUpdate(update: Uint8Array): void {
    this.send(MESSAGE_SYNC, (encoder) => {
      encoding.writeVarUint(encoder, SYNC_UPDATE);
      encoding.writeVarUint8Array(encoder, update);
    });
  }

  /** `update` is an awareness update as `encodeAwarenessUpdate` makes it. */
  sendAwareness(update: Uint8Array): void {
    this.send(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update));
  }

  /** Bytes queued in the socket, for back-pressure when sending megabytes. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  /** Closes and resolves once the close handshake is over (or the socket is terminated). */
  async close(timeoutMs = 5_000): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    if (this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.terminate();
    } else {
      this.socket.close(1000);
    }
    const timer = setTimeout(() => this.socket.terminate(), timeoutMs);
    await this.closed;
    clearTimeout(timer);
  }

  private onOpen(): void {
    if (this.dialect === 'hocuspocus') {
      // The Hocuspocus server queues everything until it has the authentication message; the
      // provider sends it first, then SyncStep1, without waiting for the answer. So do we.
      this.send(MESSAGE_AUTH, (encoder) => {
        encoding.writeVarUint(encoder, AUTH_TOKEN);
        encoding.writeVarString(encoder, '');
      });
    }
    const stateVector = this.options.doc ? Y.encodeStateVector(this.options.doc) : EMPTY_STATE_VECTOR;
    this.send(MESSAGE_SYNC, (encoder) => {
      encoding.writeVarUint(encoder, SYNC_STEP1);
      encoding.writeVarUint8Array(encoder, stateVector);
    });
  }

  private onMessage(data: Buffer, at: number, markSynced: () => void): void {
    const decoder = decoding.createDecoder(data);
    if (this.dialect === 'hocuspocus') decoding.readVarString(decoder); // document name
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
      case 4: {
        // 4 is Hocuspocus's SyncReply: a sync message that asks for no SyncStep1 in return.
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SYNC_STEP1) {
          const { doc } = this.options;
          const answer = doc ? Y.encodeStateAsUpdate(doc, payload) : EMPTY_UPDATE;
          this.send(MESSAGE_SYNC, (encoder) => {
            encoding.writeVarUint(encoder, SYNC_STEP2);
            encoding.writeVarUint8Array(encoder, answer);
          });
        } else if (step === SYNC_STEP2) {
          this.options.onSyncStep2?.(payload, at);
          markSynced();
        } else if (step === SYNC_UPDATE) {
          this.options.onUpdate?.(payload, at);
        }
        break;
      }
      case MESSAGE_AWARENESS:
        this.options.onAwareness?.(decoding.readVarUint8Array(decoder), at);
        break;
      case MESSAGE_AUTH:
        if (this.dialect === 'hocuspocus' && decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED) {
          this.socket.close(1000);
        }
        break;
      case MESSAGE_QUERY_AWARENESS:
        // Only asked by peers that never appear in this benchmark; nothing to answer for observers.
        break;
      default:
        // Hocuspocus SyncStatus (8), stateless (5), close (7): nothing the benchmark needs.
        break;
    }
  }

  private send(type: number, write: (encoder: encoding.Encoder) => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (this.dialect === 'hocuspocus') encoding.writeVarString(encoder, this.docName);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }
}

/**
 * Encodes one awareness entry the way y-protocols' `encodeAwarenessUpdate` does (count, then per
 * client: id, clock, JSON state), without keeping an Awareness instance (and its timer) per client.
 */
export function encodeAwarenessEntry(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

/** Calls `visit(clientId, clock)` for each entry of an awareness update, skipping the JSON states. */
export function readAwarenessClocks(update: Uint8Array, visit: (clientId: number, clock: number) => void): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // Skip the state's UTF-8 bytes without decoding them or making a view (250,000 entries a second).
    const length = decoding.readVarUint(decoder);
    decoder.pos += length;
    visit(clientId, clock);
  }
}

/** What connectMany and closeAll need of a client: the raw one here or a Hocuspocus provider. */
export interface Connectable {
  synced: Promise<number>;
  syncedAt: number | null;
  close(): Promise<void>;
}

export interface ConnectManyOptions<T extends Connectable> {
  count: number;
  /** How many handshakes in flight at once (a burst of thousands overflows accept queues). */
  concurrency: number;
  make: (index: number) => T;
  /** Overall bound for connecting and syncing everyone. */
  timeoutMs: number;
}

/** Connects `count` clients, `concurrency` at a time, each awaited until synced. */
export async function connectMany<T extends Connectable>(options: ConnectManyOptions<T>): Promise<T[]> {
  const clients: T[] = new Array<T>(options.count);
  const deadline = performance.now() + options.timeoutMs;
  let next = 0;
  const failures: string[] = [];
  async function lane(): Promise<void> {
    while (next < options.count) {
      if (performance.now() > deadline) throw new Error(`connecting ${options.count} clients took over ${options.timeoutMs} ms`);
      const index = next++;
      const client = options.make(index);
      clients[index] = client;
      try {
        await client.synced;
      } catch (error) {
        failures.push(String(error));
        if (failures.length > Math.max(5, options.count / 100)) {
          throw new Error(`too many clients failed to connect: ${failures.slice(0, 3).join('; ')}`);
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, () => lane()));
  return clients;
}

/** Closes everyone, a batch at a time, bounded in time. */
export async function closeAll(clients: ReadonlyArray<Connectable | undefined>, concurrency = 200): Promise<void> {
  for (let i = 0; i < clients.length; i += concurrency) {
    await Promise.all(clients.slice(i, i + concurrency).map((client) => client?.close()));
  }
}
