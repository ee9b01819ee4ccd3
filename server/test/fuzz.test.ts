/**
 * 100,000 random and mutated frames through the real connection → room → storage path (sockets
 * replaced by in-memory fakes so the run takes seconds). No frame may crash or hang the server,
 * a rejected frame never changes the document, and memory stays bounded.
 */
import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { loadConfig } from '../src/config.ts';
import type { DocumentStore } from '../src/storage/document-store.ts';
import { openSqliteStore } from '../src/storage/sqlite.ts';
import type { ConnectionGrant } from '../src/sync/connection.ts';
import { SyncService } from '../src/sync/sync-service.ts';
import { makeTempDir } from '../src/testing/test-server.ts';

const FRAMES = 100_000;
setFlagsFromString('--expose-gc');
/** A real collection before each heap reading, so garbage is not mistaken for a leak. */
const gc = runInNewContext('gc') as () => void;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Seeded PRNG so a failure can be replayed with FUZZ_SEED. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The part of a `ws` socket the sync layer uses. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly CLOSED = 3;
  readyState = 1;
  binaryType = 'nodebuffer';
  bufferedAmount = 0;
  closeCode: number | null = null;
  sent = 0;
  /** The TCP socket under ws, which prepared broadcast frames are written to. */
  readonly _socket = { write: () => this.send() };
  send() {
    this.sent += 1;
  }
  close(code: number) {
    if (this.readyState !== 1) return;
    this.closeCode = code;
    this.readyState = 3;
    this.emit('close', code, Buffer.from(''));
  }
  terminate() {
    this.close(1006);
  }
  ping() {}
}

/** Access is decided before `accept`; a writer's grant lets every frame reach the room. */
const WRITER: ConnectionGrant = { userId: 'fuzz-user', sessionId: 'fuzz-session', sessionExpiresAt: Number.MAX_SAFE_INTEGER, access: 'write' };

let dataDir: string;
let store: DocumentStore;
let sync: SyncService;

beforeAll(async () => {
  dataDir = await makeTempDir();
  store = await openSqliteStore(dataDir);
  const config = loadConfig({ EPROUVETTE_DATA_DIR: dataDir, EPROUVETTE_RATE_LIMIT_BURST: '1000000' });
  // Half the frames log a line; keep none of them in memory so the heap reading means something.
  sync = new SyncService(store, config.sync, { info() {}, warn() {}, error() {} });
});
afterAll(async () => {
  await sync.stop();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function corpus(): Uint8Array[] {
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  const push = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    write(e);
    frames.push(encoding.toUint8Array(e));
  };
  doc.on('update', (update: Uint8Array) =>
    push((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
    }),
  );
  doc.getText('content').insert(0, 'Compteurs communicants, alerte après 48 h de débit continu');
  doc.getMap('board').set('note', { x: 10, y: 20, text: 'Sectorisation' });
  doc.getArray('list').push([1, 'deux', { trois: 3 }]);
  doc.getText('content').delete(3, 5);
  push((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
  });
  push((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep2(e, doc);
  });
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Expert eau', color: '#1f6feb' }, cursor: { x: 1, y: 2 } });
  push((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  });
  push((e) => encoding.writeVarUint(e, 3));
  return frames;
}

function mutate(frame: Uint8Array, random: () => number, others: Uint8Array[]): Uint8Array {
  const bytes = [...frame];
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (bytes.length + 1));
    switch (Math.floor(random() * 6)) {
      case 0: bytes[at % bytes.length] = (bytes[at % bytes.length]! ^ (1 << Math.floor(random() * 8))) & 0xff; break;
      case 1: bytes.splice(at, 0, Math.floor(random() * 256)); break;
      case 2: bytes.splice(at, 1); break;
      case 3: bytes.length = at; break;
      case 4: bytes.splice(at, 0, ...others[Math.floor(random() * others.length)]!.slice(0, 1 + Math.floor(random() * 16))); break;
      default: bytes.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f); break; // a huge length prefix
    }
  }
  return Uint8Array.from(bytes);
}

describe('fuzzing the sync server', () => {
  it(`survives ${FRAMES.toLocaleString('en')} random and mutated frames (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const valid = corpus();
    // An honest client fills the document first.
    const honest = new FakeSocket();
    sync.accept(honest as unknown as WebSocket, 'fuzz', WRITER);
    for (const f of valid) honest.emit('message', Buffer.from(f), true);
    await sync.registry.drain();
    const room = sync.registry.loadedRooms()[0]!;
    // Which fuzzed socket's frame changed the document (the origin of a Yjs update is the peer).
    const changedBy = new Set<unknown>();
    room.doc.on('update', (_update: Uint8Array, origin: { socket?: unknown }) => changedBy.add(origin?.socket));

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let rejected = 0;
    let changedByRejected = 0;
    const BATCH = 500;
    for (let start = 0; start < FRAMES; start += BATCH) {
      const sockets: FakeSocket[] = [];
      for (let i = 0; i < BATCH; i++) {
        const bytes = random() < 0.5
          ? Uint8Array.from({ length: Math.floor(random() * 257) }, () => Math.floor(random() * 256))
          : mutate(valid[Math.floor(random() * valid.length)]!, random, valid);
        const socket = new FakeSocket();
        sync.accept(socket as unknown as WebSocket, 'fuzz', WRITER);
        socket.emit('message', Buffer.from(bytes), true);
        sockets.push(socket);
      }
      await sync.registry.drain();
      for (const socket of sockets) {
        if (socket.closeCode === null) {
          socket.close(1000);
          continue;
        }
        rejected += 1;
        // Accepted mutations may be valid updates; a rejected frame must not have changed anything.
        if (changedBy.has(socket)) changedByRejected += 1;
      }
      changedBy.clear();
    }
    gc();
    const growth = process.memoryUsage().heapUsed - heapBefore;
    // Accepted mutations are valid updates and legitimately grow the document: allow what a copy
    // of the document costs on the heap, and bound everything else.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
    gc();
    const documentCost = Math.max(0, process.memoryUsage().heapUsed - heapBefore - growth);
    copy.destroy();
    expect(growth - documentCost, `seed ${SEED}: heap grew by ${growth} bytes, document ${documentCost}`).toBeLessThan(64 * 1024 * 1024);
    expect(rejected).toBeGreaterThan(FRAMES / 2);
    expect(changedByRejected, `seed ${SEED}: rejected frames that changed the document`).toBe(0);

    // The document still encodes, and what is on disk is what is in memory.
    await sync.registry.drain();
    const stored = await store.load('fuzz');
    const fromDisk = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(fromDisk, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(fromDisk, update);
    expect(fromDisk.toJSON()).toEqual(room.doc.toJSON());
    expect(honest.readyState).toBe(1);
  });
});
