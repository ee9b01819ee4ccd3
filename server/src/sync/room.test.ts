import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { AppendEntry, DocumentStore } from '../storage/document-store.ts';
import { Room, type Peer } from './room.ts';
import { WriteBatcher } from './write-batcher.ts';

/** A store kept in memory whose appends wait until the test opens the gate. */
function gatedStore() {
  const appended: AppendEntry[] = [];
  let open = true;
  let waiting: Array<() => void> = [];
  let seq = 0;
  const store: DocumentStore = {
    kind: 'sqlite',
    load: async () => ({ snapshot: null, updates: [], lastSeq: 0, logBytes: 0 }),
    append: async (entries) => {
      if (!open) await new Promise<void>((resolve) => waiting.push(resolve));
      appended.push(...entries);
      return entries.map(() => ++seq);
    },
    compact: async () => {},
    deleteWithPrefix: async () => {},
    stats: async () => ({ snapshotBytes: 0, logCount: appended.length, logBytes: 0 }),
    close: async () => {},
  };
  return {
    store,
    appended,
    hold: () => (open = false),
    release: () => {
      open = true;
      const resolvers = waiting;
      waiting = [];
      resolvers.forEach((resolve) => resolve());
    },
  };
}

function fakePeer() {
  const received: Uint8Array[] = [];
  const closed: number[] = [];
  const peer: Peer = {
    send: (message) => received.push(message),
    sendFrame: (frame) => received.push(frame),
    close: (code) => closed.push(code),
    silentForMs: () => 0,
  };
  return { peer, received, closed };
}

function makeRoom(store: DocumentStore) {
  const broken: Room[] = [];
  const room = new Room('doc', new Y.Doc(), { lastSeq: 0, logCount: 0, logBytes: 0, snapshotBytes: 0 }, {
    store,
    batcher: new WriteBatcher(store),
    limits: { compactAfterUpdates: 1000, compactAfterBytes: 1 << 22 },
    logger: { info() {}, warn() {}, error() {} },
    onBroken: (r) => broken.push(r),
  });
  return { room, broken };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function editUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('Room', () => {
  it('sends nothing that depends on an update before that update is stored', async () => {
    const { store, appended, hold, release } = gatedStore();
    const { room } = makeRoom(store);
    const writer = fakePeer();
    const reader = fakePeer();
    room.join(writer.peer);
    room.join(reader.peer);
    const afterJoin = reader.received.length;
    hold();
    expect(room.receive(writer.peer, { type: 'update', update: editUpdate('capteurs') })).toBeNull();
    // A newcomer's SyncStep2 would reveal the pending update: it waits too.
    const late = fakePeer();
    room.join(late.peer);
    const lateAfterJoin = late.received.length;
    room.receive(late.peer, { type: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    await settle();
    expect(appended).toHaveLength(0);
    expect(reader.received).toHaveLength(afterJoin);
    expect(late.received).toHaveLength(lateAfterJoin);
    expect(room.isBusy).toBe(true);

    release();
    await settle();
    expect(appended).toHaveLength(1);
    expect(reader.received.length).toBeGreaterThan(afterJoin);
    expect(late.received.length).toBeGreaterThan(lateAfterJoin);
    expect(room.isBusy).toBe(false);
  });

  it('stores only what is new: a re-sent state appends nothing', async () => {
    const { store, appended } = gatedStore();
    const { room } = makeRoom(store);
    const peer = fakePeer();
    room.join(peer.peer);
    const update = editUpdate('débit de nuit');
    room.receive(peer.peer, { type: 'update', update });
    await settle();
    room.receive(peer.peer, { type: 'sync-step-2', update });
    await settle();
    expect(appended).toHaveLength(1);
  });

  it('an update Yjs fails to apply halfway is neither stored nor sent, and the room is dropped', async () => {
    const { store, appended } = gatedStore();
    const { room, broken } = makeRoom(store);
    const offender = fakePeer();
    const bystander = fakePeer();
    room.join(offender.peer);
    room.join(bystander.peer);
    const before = bystander.received.length;
    // Client 5 inserts "ab" then refers to its own clock 2, which does not exist yet: Yjs
    // integrates "ab" and then throws inside the same transaction.
    const e = encoding.createEncoder();
    const W = (n: number) => encoding.writeVarUint(e, n);
    W(1); W(2); W(5); W(0);
    encoding.writeUint8(e, 4); W(1); encoding.writeVarString(e, 't'); encoding.writeVarString(e, 'ab');
    encoding.writeUint8(e, 4 | 0x80); W(5); W(2); encoding.writeVarString(e, 'c');
    W(0);
    const refusal = room.receive(offender.peer, { type: 'update', update: encoding.toUint8Array(e) });
    expect(refusal).toMatch(/rejected by Yjs/);
    await settle();
    expect(appended).toHaveLength(0);
    expect(bystander.received).toHaveLength(before);
    expect(bystander.closed).toEqual([1011]);
    expect(broken).toEqual([room]);
  });
});
