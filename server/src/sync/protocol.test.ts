import { CloseCode } from '@eprouvette/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isValidYjsUpdate,
  type AwarenessEntry,
  type ClientMessage,
  type DecodeLimits,
} from './protocol.ts';

const LIMITS: DecodeLimits = { maxUpdateBytes: 1 << 20, maxAwarenessEntries: 16, maxAwarenessStateBytes: 4096 };
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

function bytes(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** A frame as the stock client writes it: message type, then whatever `write` adds. */
const frame = (type: number, write: (e: encoding.Encoder) => void = () => {}): Uint8Array =>
  bytes((e) => {
    encoding.writeVarUint(e, type);
    write(e);
  });
const updateFrame = (update: Uint8Array, subtype: number = syncProtocol.messageYjsUpdate): Uint8Array =>
  frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, subtype);
    encoding.writeVarUint8Array(e, update);
  });
const awarenessFrame = (payload: Uint8Array): Uint8Array => frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, payload));

function accept(input: Uint8Array, limits = LIMITS): ClientMessage {
  const result = decodeClientMessage(input, limits);
  if (!result.ok) throw new Error(`expected acceptance, got ${result.code}: ${result.reason}`);
  return result.message;
}

function reject(input: Uint8Array, code: number = CloseCode.BadMessage, limits = LIMITS): string {
  const result = decodeClientMessage(input, limits);
  if (result.ok) throw new Error(`expected rejection, got ${JSON.stringify(result.message)}`);
  expect(result.code).toBe(code);
  expect(result.reason.length).toBeGreaterThan(0);
  expect(new TextEncoder().encode(result.reason).length).toBeLessThanOrEqual(120);
  return result.reason;
}

function docWithEverything(clientID = 7): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const map = doc.getMap('shapes');
  map.set('n', 42);
  map.set('f', 1.5);
  map.set('big', 2n ** 60n);
  map.set('s', 'Zoé 🦊');
  map.set('obj', { a: [1, { b: null }], t: true, u: undefined });
  map.set('bin', new Uint8Array([1, 2, 3]));
  const nested = new Y.Map<unknown>();
  map.set('nested', nested);
  nested.set('x', 1);
  const array = doc.getArray<unknown>('order');
  array.insert(0, ['a', 'b', 'c', new Y.Array()]);
  array.delete(1, 1);
  const text = doc.getText('title');
  text.insert(0, '🦊é');
  text.insertEmbed(3, { image: 'fox.png' }); // refers to clock 2 of its own client: exact UTF-16 counting
  text.insert(4, 'Éprouvette', { bold: true });
  text.format(0, 2, { italic: true });
  text.delete(5, 3);
  const xml = doc.getXmlFragment('prose');
  const paragraph = new Y.XmlElement('p');
  paragraph.setAttribute('class', 'lead');
  paragraph.insert(0, [new Y.XmlText('hello')]);
  xml.insert(0, [paragraph, new Y.XmlHook('mention') as unknown as Y.XmlElement]); // Yjs's typings omit hooks
  return doc;
}

/** Root types created by a remote update are untyped until asked for by type, so ask. */
const contents = (doc: Y.Doc) => ({
  shapes: doc.getMap('shapes').toJSON(),
  order: doc.getArray('order').toJSON(),
  title: doc.getText('title').toDelta(),
  prose: doc.getXmlFragment('prose').toString(),
});

/** A tiny writer for hand-made updates: structs of one client, then a delete set. */
const W = encoding.writeVarUint;
const S = encoding.writeVarString;
const B = encoding.writeUint8;

describe('round trips with the stock client (y-protocols / lib0)', () => {
  it('decodes SyncStep1 as the stock client writes it', () => {
    for (const doc of [new Y.Doc(), docWithEverything()]) {
      const message = accept(
        frame(MESSAGE_SYNC, (e) => {
          syncProtocol.writeSyncStep1(e, doc);
        }),
      );
      expect(message).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
    }
  });

  it('answers a server SyncStep1 and decodes the client SyncStep2, including the empty one', () => {
    for (const clientDoc of [new Y.Doc(), docWithEverything()]) {
      const serverDoc = new Y.Doc();
      const decoder = decoding.createDecoder(encodeSyncStep1(Y.encodeStateVector(serverDoc)));
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC); // what y-websocket's message handler prefixes
      expect(syncProtocol.readSyncMessage(decoder, reply, clientDoc, null)).toBe(syncProtocol.messageYjsSyncStep1);
      const message = accept(encoding.toUint8Array(reply));
      if (message.type !== 'sync-step-2') throw new Error(message.type);
      Y.applyUpdate(serverDoc, message.update);
      expect(contents(serverDoc)).toEqual(contents(clientDoc));
    }
    expect(accept(updateFrame(Y.encodeStateAsUpdate(new Y.Doc()), syncProtocol.messageYjsSyncStep2))).toEqual({
      type: 'sync-step-2',
      update: new Uint8Array([0, 0]),
    });
  });

  it('decodes every update a real editing session produces', () => {
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) =>
      frames.push(
        frame(MESSAGE_SYNC, (e) => {
          syncProtocol.writeUpdate(e, update);
        }),
      ),
    );
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(docWithEverything()));
    doc.getText('title').insert(0, 'x');
    doc.getMap('shapes').delete('obj');
    doc.getArray('order').delete(0, 1);
    expect(frames.length).toBeGreaterThan(3);
    const replica = new Y.Doc();
    for (const input of frames) {
      const message = accept(input);
      if (message.type !== 'update') throw new Error(message.type);
      Y.applyUpdate(replica, message.update);
    }
    expect(contents(replica)).toEqual(contents(doc));
  });

  it('returns payloads as views into the frame, not copies', () => {
    const input = updateFrame(Y.encodeStateAsUpdate(docWithEverything()));
    const message = accept(input);
    if (message.type !== 'update') throw new Error(message.type);
    expect(message.update.buffer).toBe(input.buffer);
  });

  it('encodes sync messages the stock client reads', () => {
    const source = docWithEverything();
    for (const [encoded, expectedType] of [
      [encodeSyncStep2(Y.encodeStateAsUpdate(source)), syncProtocol.messageYjsSyncStep2],
      [encodeUpdate(Y.encodeStateAsUpdate(source)), syncProtocol.messageYjsUpdate],
    ] as const) {
      const target = new Y.Doc();
      const decoder = decoding.createDecoder(encoded);
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
      expect(syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), target, null)).toBe(expectedType);
      expect(contents(target)).toEqual(contents(source));
    }
    const reply = encoding.createEncoder();
    const stateVector = Y.encodeStateVector(new Y.Doc());
    const decoder = decoding.createDecoder(encodeSyncStep1(stateVector));
    decoding.readVarUint(decoder);
    syncProtocol.readSyncMessage(decoder, reply, source, null);
    expect(encoding.toUint8Array(reply)).toEqual(
      bytes((e) => {
        syncProtocol.writeSyncStep2(e, source, stateVector);
      }),
    );
    // Byte for byte what lib0 writes, across varint length boundaries of the payload.
    for (const size of [0, 2, 127, 128, 16_383, 16_384, 70_000]) {
      const payload = new Uint8Array(size).fill(9);
      expect(encodeUpdate(payload)).toEqual(updateFrame(payload));
    }
  });

  it('decodes awareness as the stock client writes it, removals included', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    try {
      const state = { user: { name: 'Zoé 🦊', color: '#ff0000' }, cursor: null };
      awareness.setLocalState(state);
      const clock = awareness.meta.get(doc.clientID)!.clock;
      expect(accept(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])))).toEqual({
        type: 'awareness',
        entries: [{ clientId: doc.clientID, clock, state: JSON.stringify(state) }],
      });
      awareness.setLocalState(null);
      expect(accept(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])))).toEqual({
        type: 'awareness',
        entries: [{ clientId: doc.clientID, clock: clock + 1, state: 'null' }],
      });
      expect(accept(awarenessFrame(new Uint8Array([0])))).toEqual({ type: 'awareness', entries: [] });
      expect(accept(frame(3))).toEqual({ type: 'query-awareness' });
    } finally {
      awareness.destroy();
    }
  });

  it('encodes awareness byte for byte like y-protocols, and the stock client applies it', () => {
    const entries: AwarenessEntry[] = [
      { clientId: 0, clock: 0, state: '{}' },
      { clientId: 127, clock: 128, state: JSON.stringify({ user: { name: 'Zoé 🦊 中文' } }) },
      { clientId: 16_384, clock: 2 ** 32, state: 'null' },
      { clientId: 0xffff_ffff, clock: Number.MAX_SAFE_INTEGER, state: JSON.stringify({ lone: '\ud800' }) },
    ];
    const expected = awarenessFrame(
      bytes((e) => {
        encoding.writeVarUint(e, entries.length);
        for (const entry of entries) {
          encoding.writeVarUint(e, entry.clientId);
          encoding.writeVarUint(e, entry.clock);
          encoding.writeVarString(e, entry.state);
        }
      }),
    );
    const encoded = encodeAwareness(entries);
    expect(encoded).toEqual(expected);
    expect(accept(encoded)).toEqual({ type: 'awareness', entries });

    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    try {
      const decoder = decoding.createDecoder(encoded);
      expect(decoding.readVarUint(decoder)).toBe(MESSAGE_AWARENESS);
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'test');
      expect(awareness.getStates().get(127)).toEqual({ user: { name: 'Zoé 🦊 中文' } });
      expect(awareness.getStates().has(16_384)).toBe(false);
      expect(awareness.meta.get(0xffff_ffff)?.clock).toBe(Number.MAX_SAFE_INTEGER);
    } finally {
      awareness.destroy();
    }
  });

  it('encodes permission-denied the way the stock client reads it', () => {
    for (const reason of ['', 'not allowed', 'refusé 🦊', 'lone \ud800 surrogate']) {
      const encoded = encodePermissionDenied(reason);
      expect(encoded).toEqual(frame(2, (e) => authProtocol.writePermissionDenied(e, reason)));
      const decoder = decoding.createDecoder(encoded);
      expect(decoding.readVarUint(decoder)).toBe(2);
      let received: string | null = null;
      authProtocol.readAuthMessage(decoder, new Y.Doc(), (_doc, r) => (received = r));
      expect(received).toBe(new TextDecoder().decode(new TextEncoder().encode(reason)));
    }
  });
});

describe('envelope rejections', () => {
  it('rejects empty and truncated frames', () => {
    expect(reject(new Uint8Array([]))).toMatch(/message type: truncated/);
    expect(reject(new Uint8Array([0x80]))).toMatch(/message type: truncated/);
    expect(reject(new Uint8Array([0]))).toMatch(/sync message type: truncated/);
    expect(reject(new Uint8Array([0, 2]))).toMatch(/update: truncated/);
    expect(reject(new Uint8Array([0, 2, 0x85]))).toMatch(/update: truncated/);
    expect(reject(new Uint8Array([0, 2, 10, 0, 0, 0]))).toMatch(/length exceeds the data/);
    expect(reject(new Uint8Array([1]))).toMatch(/awareness payload: truncated/);
  });

  it('rejects overlong and out-of-range varints', () => {
    expect(reject(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x00]))).toMatch(/varint too long/); // 0 in 6 bytes
    expect(reject(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x10]))).toMatch(/out of range/); // 2^32
    expect(reject(new Uint8Array([0, 2, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]))).toMatch(/varint too long/);
    const entry = (write: (e: encoding.Encoder) => void) => awarenessFrame(bytes((e) => (W(e, 1), write(e), S(e, '{}'))));
    expect(reject(entry((e) => (W(e, 2 ** 32), W(e, 0))))).toMatch(/awareness client ID: out of range/);
    expect(reject(entry((e) => (W(e, 1), W(e, 2 ** 53))))).toMatch(/awareness clock: (out of range|varint too long)/);
    expect(reject(entry((e) => (W(e, 1), encoding.writeUint8Array(e, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])))))).toMatch(
      /awareness clock: out of range/,
    ); // 2^56 - 1 in 8 bytes
    expect(reject(entry((e) => (W(e, 1), encoding.writeUint8Array(e, new Uint8Array([0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])))))).toMatch(
      /awareness clock: varint too long/,
    );
    expect(accept(entry((e) => (W(e, 0xffff_ffff), W(e, Number.MAX_SAFE_INTEGER))))).toMatchObject({ type: 'awareness' });
  });

  it('rejects trailing bytes after every kind of message', () => {
    const sv = Y.encodeStateVector(docWithEverything());
    const withExtra = (input: Uint8Array) => new Uint8Array([...input, 0]);
    expect(reject(withExtra(encodeSyncStep1(sv)))).toMatch(/trailing bytes after sync step 1/);
    expect(reject(withExtra(encodeUpdate(new Uint8Array([0, 0]))))).toMatch(/trailing bytes after update message/);
    expect(reject(withExtra(encodeAwareness([])))).toMatch(/trailing bytes after awareness message/);
    expect(reject(new Uint8Array([3, 0]))).toMatch(/trailing bytes after query-awareness/);
    expect(reject(awarenessFrame(new Uint8Array([0, 0])))).toMatch(/trailing bytes after awareness entries/);
    expect(reject(encodeSyncStep1(new Uint8Array([0, 0])))).toMatch(/trailing bytes after state vector/);
  });

  it('rejects unknown message types, unknown sync types and auth messages from clients', () => {
    expect(reject(new Uint8Array([4]))).toMatch(/unknown message type 4/);
    expect(reject(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]))).toMatch(/unknown message type 4294967295/);
    expect(reject(frame(MESSAGE_SYNC, (e) => (W(e, 3), encoding.writeVarUint8Array(e, new Uint8Array([0, 0])))))).toMatch(
      /unknown sync message type 3/,
    );
    expect(reject(frame(2, (e) => authProtocol.writePermissionDenied(e, 'no')))).toMatch(/auth messages/);
  });
});

describe('update rejections', () => {
  const update = Y.encodeStateAsUpdate(docWithEverything());

  it('rejects zero-length updates in both sync step 2 and update messages', () => {
    for (const subtype of [syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsUpdate]) {
      expect(reject(updateFrame(new Uint8Array(0), subtype))).toMatch(/empty update/);
    }
    expect(isValidYjsUpdate(new Uint8Array(0))).toBe(false);
    expect(isValidYjsUpdate(new Uint8Array([0, 0]))).toBe(true);
  });

  it('rejects oversize updates with UpdateTooLarge, and accepts one exactly at the limit', () => {
    expect(reject(updateFrame(update), CloseCode.UpdateTooLarge, { ...LIMITS, maxUpdateBytes: update.length - 1 })).toMatch(/over the/);
    expect(accept(updateFrame(update), { ...LIMITS, maxUpdateBytes: update.length })).toMatchObject({ type: 'update' });
  });

  it('rejects garbage, truncated updates and trailing bytes inside the update', () => {
    reject(updateFrame(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])));
    reject(updateFrame(update.subarray(0, update.length - 1)));
    const padded = new Uint8Array([...update, 0]);
    expect(() => Y.decodeUpdate(padded)).not.toThrow(); // Yjs alone would take it
    expect(reject(updateFrame(padded))).toMatch(/trailing bytes after update/);
  });

  it('rejects a version 2 update', () => {
    expect(isValidYjsUpdate(Y.encodeStateAsUpdateV2(docWithEverything()))).toBe(false);
  });

  it('rejects bad state vectors', () => {
    expect(reject(encodeSyncStep1(new Uint8Array(0)))).toMatch(/state vector size: truncated/);
    expect(reject(encodeSyncStep1(new Uint8Array([1, 5])))).toMatch(/state vector (size exceeds|clock: truncated)/);
    expect(reject(encodeSyncStep1(new Uint8Array([2, 5, 1])))).toMatch(/state vector size exceeds the data/);
    expect(reject(encodeSyncStep1(bytes((e) => (W(e, 1), W(e, 2 ** 32), W(e, 1)))))).toMatch(/state vector client ID: out of range/);
    expect(reject(encodeSyncStep1(bytes((e) => (W(e, 1), W(e, 1), W(e, 2 ** 53)))))).toMatch(/state vector clock/);
    expect(accept(encodeSyncStep1(new Uint8Array([0])))).toEqual({ type: 'sync-step-1', stateVector: new Uint8Array([0]) });
  });
});

describe('awareness rejections', () => {
  const entries = (...states: Array<string | Uint8Array>) =>
    awarenessFrame(
      bytes((e) => {
        W(e, states.length);
        states.forEach((state, i) => {
          W(e, i + 1);
          W(e, 1);
          if (typeof state === 'string') S(e, state);
          else encoding.writeVarUint8Array(e, state);
        });
      }),
    );

  it('limits the number of entries and the size of each state', () => {
    const many = Array.from({ length: LIMITS.maxAwarenessEntries }, () => '{}');
    expect(accept(entries(...many))).toMatchObject({ type: 'awareness' });
    expect(reject(entries(...many, '{}'))).toMatch(/more than 16 awareness entries/);
    const big = JSON.stringify({ s: 'x'.repeat(LIMITS.maxAwarenessStateBytes - 8) });
    expect(big.length).toBe(LIMITS.maxAwarenessStateBytes);
    accept(entries(big));
    expect(reject(entries(JSON.stringify({ s: 'x'.repeat(LIMITS.maxAwarenessStateBytes - 7) })))).toMatch(/awareness state over 4096 bytes/);
  });

  it('accepts only JSON objects and null', () => {
    for (const bad of ['', 'nul', '{', '{"a":1}x', "{'a':1}"]) expect(reject(entries(bad))).toMatch(/not valid JSON/);
    for (const bad of ['1', '"str"', 'true', 'false', '[]', '[{}]']) expect(reject(entries(bad))).toMatch(/not a JSON object or null/);
    expect(accept(entries(' null '))).toEqual({ type: 'awareness', entries: [{ clientId: 1, clock: 1, state: 'null' }] });
    expect(accept(entries(' {"a":[1,"]"]} '))).toEqual({ type: 'awareness', entries: [{ clientId: 1, clock: 1, state: ' {"a":[1,"]"]} ' }] });
  });

  it('rejects invalid UTF-8 and a byte-order mark, as the stock client would', () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    for (const bad of [
      new Uint8Array([0x7b, 0xff, 0x7d]),
      new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x7d]), // overlong '/'
      new Uint8Array([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // encoded surrogate
      new Uint8Array([0x7b, 0x22, 0xe2, 0x82, 0x22, 0x7d]), // truncated sequence
    ]) {
      expect(reject(entries(bad))).toMatch(/not valid UTF-8/);
    }
    expect(reject(entries(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{}')])))).toMatch(/not valid JSON/);
  });

  it('bounds the nesting of states', () => {
    const nested = (depth: number) => '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
    accept(entries(nested(128)));
    expect(reject(entries(nested(129)))).toMatch(/nested too deeply/);
    accept(entries(`{"s":"${'['.repeat(500)}"}`)); // brackets inside strings do not count
  });
});

describe('Yjs update hazards (isValidYjsUpdate)', () => {
  /** One client's run of structs, then an empty delete set. */
  const run = (client: number, clock: number, structs: Array<(e: encoding.Encoder) => void>) =>
    bytes((e) => {
      W(e, 1);
      W(e, structs.length);
      W(e, client);
      W(e, clock);
      for (const struct of structs) struct(e);
      W(e, 0);
    });
  const rootString = (text: string) => (e: encoding.Encoder) => (B(e, 4), W(e, 1), S(e, 't'), S(e, text));
  const stringAfter = (client: number, clock: number, text: string) => (e: encoding.Encoder) => (B(e, 4 | 0x80), W(e, client), W(e, clock), S(e, text));

  it('accepts what Yjs produces: every type, deletions, merged updates with gaps, diffs', () => {
    const doc = docWithEverything();
    const updates: Uint8Array[] = [];
    const other = new Y.Doc();
    other.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) other.getArray('a').insert(0, [i, `s${i}`]);
    other.getArray('a').delete(1, 3);
    const gapped = Y.mergeUpdates([updates[0]!, updates[2]!, updates[4]!]); // has skip structs
    expect(Y.decodeUpdate(gapped).structs.some((s) => s.constructor === Y.Skip)).toBe(true);
    for (const update of [
      Y.encodeStateAsUpdate(doc),
      Y.encodeStateAsUpdate(doc, Y.encodeStateVector(new Y.Doc())),
      Y.diffUpdate(Y.encodeStateAsUpdate(doc), new Uint8Array([1, 7, 3])),
      ...updates,
      gapped,
      Y.mergeUpdates(updates),
    ]) {
      expect(isValidYjsUpdate(update)).toBe(true);
    }
  });

  it('counts string lengths in UTF-16 units, as Yjs does', () => {
    // '🦊' is 4 bytes and 2 clock units: the next struct is at clock 2, which may refer to clock 1.
    expect(isValidYjsUpdate(run(5, 0, [rootString('🦊'), stringAfter(5, 1, 'x')]))).toBe(true);
    expect(isValidYjsUpdate(run(5, 0, [rootString('é'), stringAfter(5, 0, 'x')]))).toBe(true);
    expect(isValidYjsUpdate(run(5, 0, [rootString('é'), stringAfter(5, 1, 'x')]))).toBe(false);
  });

  it('rejects a reference forward in the same client, which makes Y.applyUpdate throw mid-transaction', () => {
    const forward = run(5, 0, [rootString('ab'), stringAfter(5, 2, 'c')]);
    expect(() => Y.decodeUpdate(forward)).not.toThrow();
    expect(() => Y.applyUpdate(new Y.Doc(), forward)).toThrow();
    expect(reject(updateFrame(forward))).toMatch(/refers forward/);
    const rightOrigin = run(5, 0, [rootString('ab'), (e) => (B(e, 4 | 0x40), W(e, 5), W(e, 9), S(e, 'c'))]);
    expect(isValidYjsUpdate(rightOrigin)).toBe(false);
    const parent = run(5, 0, [rootString('ab'), (e) => (B(e, 4), W(e, 0), W(e, 5), W(e, 2), S(e, 'c'))]);
    expect(isValidYjsUpdate(parent)).toBe(false);
    expect(isValidYjsUpdate(run(5, 0, [rootString('ab'), stringAfter(6, 9, 'c')]))).toBe(true); // other client: pending, fine
  });

  it('rejects subdocuments: decoding builds a Y.Doc for each, and their options reach other clients', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('sub', new Y.Doc());
    expect(reject(updateFrame(Y.encodeStateAsUpdate(doc)))).toMatch(/subdocument/);
  });

  it('bounds the nesting of values, which Yjs encodes recursively', () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
    const withValue = (value: unknown) => {
      const doc = new Y.Doc();
      doc.getMap('m').set('v', value);
      return Y.encodeStateAsUpdate(doc);
    };
    expect(isValidYjsUpdate(withValue(nested(128)))).toBe(true);
    expect(reject(updateFrame(withValue(nested(129))))).toMatch(/nested too deeply/);
    const deepObject = (depth: number): object => (depth === 0 ? {} : { k: deepObject(depth - 1) });
    const withText = (edit: (text: Y.Text) => void) => {
      const doc = new Y.Doc();
      const text = doc.getText('t');
      text.insert(0, 'ab');
      edit(text);
      return Y.encodeStateAsUpdate(doc);
    };
    // deepObject(n) is n + 1 levels of braces; embeds and format values are JSON texts in Yjs.
    expect(isValidYjsUpdate(withText((t) => t.insertEmbed(1, deepObject(127))))).toBe(true);
    expect(isValidYjsUpdate(withText((t) => t.insertEmbed(1, deepObject(128))))).toBe(false);
    expect(isValidYjsUpdate(withText((t) => t.format(0, 1, { k: deepObject(127) })))).toBe(true);
    expect(isValidYjsUpdate(withText((t) => t.format(0, 1, { k: deepObject(128) })))).toBe(false);
  });

  it('rejects structs Yjs never writes: empty ones, a client listed twice, unknown refs', () => {
    expect(reject(updateFrame(run(5, 0, [rootString('ab'), stringAfter(5, 1, '')])))).toMatch(/empty struct/);
    expect(isValidYjsUpdate(run(5, 0, [(e) => (B(e, 0), W(e, 0))]))).toBe(false); // empty GC
    expect(isValidYjsUpdate(run(5, 0, [(e) => (B(e, 0), W(e, 3)), (e) => (B(e, 10), W(e, 2))]))).toBe(true); // GC + skip
    const twice = bytes((e) => {
      W(e, 2);
      for (let i = 0; i < 2; i++) (W(e, 1), W(e, 5), W(e, 0), B(e, 0), W(e, 1));
      W(e, 0);
    });
    expect(reject(updateFrame(twice))).toMatch(/client twice/);
    expect(isValidYjsUpdate(run(5, 0, [(e) => (B(e, 11), W(e, 1))]))).toBe(false); // content ref 11
    expect(isValidYjsUpdate(run(5, 0, [(e) => (B(e, 10 | 0x80), W(e, 2))]))).toBe(false); // skip ref with flags
    expect(isValidYjsUpdate(run(5, 0, [(e) => (B(e, 7), W(e, 1), S(e, 't'), W(e, 7))]))).toBe(false); // type ref 7
    expect(isValidYjsUpdate(run(5, 0, [(e) => (B(e, 7), W(e, 1), S(e, 't'), W(e, 1))]))).toBe(true); // a YMap
    expect(isValidYjsUpdate(run(5, 0, [(e) => (B(e, 4), W(e, 2), S(e, 't'), S(e, 'x'))]))).toBe(false); // parent kind 2
    expect(isValidYjsUpdate(run(5, 0, [(e) => (B(e, 8), W(e, 1), S(e, 't'), W(e, 1), B(e, 115))]))).toBe(false); // value tag 115
  });

  it('rejects clocks past 2^53, client IDs past 2^32 and empty delete ranges', () => {
    expect(isValidYjsUpdate(run(5, Number.MAX_SAFE_INTEGER - 1, [(e) => (B(e, 0), W(e, 1))]))).toBe(true);
    expect(isValidYjsUpdate(run(5, Number.MAX_SAFE_INTEGER - 1, [(e) => (B(e, 0), W(e, 2))]))).toBe(false);
    expect(isValidYjsUpdate(run(2 ** 32, 0, [(e) => (B(e, 0), W(e, 1))]))).toBe(false);
    expect(isValidYjsUpdate(bytes((e) => (W(e, 0), W(e, 1), W(e, 5), W(e, 1), W(e, Number.MAX_SAFE_INTEGER), W(e, 1))))).toBe(false);
    const emptyRange = bytes((e) => (W(e, 0), W(e, 1), W(e, 5), W(e, 1), W(e, 3), W(e, 0)));
    expect(() => Y.applyUpdate(new Y.Doc(), emptyRange)).toThrow(); // kept pending, then asserted against
    expect(reject(updateFrame(emptyRange))).toMatch(/empty delete range/);
  });

  it('rejects delete sets Yjs never writes, which corrupt the deletions it keeps pending', () => {
    const deleteSet = (...clients: Array<[number, ...Array<[number, number]>]>) =>
      bytes((e) => {
        W(e, 0);
        W(e, clients.length);
        for (const [client, ...ranges] of clients) {
          W(e, client);
          W(e, ranges.length);
          for (const [clock, length] of ranges) (W(e, clock), W(e, length));
        }
      });
    const backwards = deleteSet([9, [5, 3], [2, 1]]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, backwards); // client 9 is unknown: both ranges are kept pending, in Yjs's v2 format…
    const pending = Y.decodeUpdateV2(doc.store.pendingDs!).ds.clients.get(9)!.map((d) => [d.clock, d.len]);
    expect(pending).toEqual([[5, 3], [130, 1]]); // …where [2, 1] silently became [130, 1]
    expect(reject(updateFrame(backwards))).toMatch(/overlap or are out of order/);
    expect(isValidYjsUpdate(deleteSet([9, [0, 5], [3, 1]]))).toBe(false);
    expect(isValidYjsUpdate(deleteSet([9, [0, 2], [2, 1]]))).toBe(true); // adjacent: Yjs would merge them, harmless
    expect(reject(updateFrame(deleteSet([9, [0, 1]], [9, [5, 1]])))).toMatch(/lists a client twice/);
    expect(isValidYjsUpdate(deleteSet([9, [0, 1]], [8, [5, 1]]))).toBe(true);
  });

  it('refuses claimed counts the data cannot hold before looping over them', () => {
    for (const update of [
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0]),
      new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0, 0]),
      new Uint8Array([0, 0xff, 0xff, 0xff, 0xff, 0x0f]),
      run(5, 0, [(e) => (B(e, 8), W(e, 1), S(e, 't'), W(e, 0xffff_ffff))]),
    ]) {
      expect(reject(updateFrame(update))).toMatch(/exceeds the data/);
    }
  });

  it('leaves UTF-8 and JSON validity of strings to Y.decodeUpdate', () => {
    const legacyJson = (...texts: string[]) => run(5, 0, [(e) => (B(e, 2), W(e, 1), S(e, 't'), W(e, texts.length), texts.forEach((t) => S(e, t)))]);
    const valid = legacyJson('1', 'undefined', '{"a":[null]}');
    expect(isValidYjsUpdate(valid)).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, valid);
    expect(doc.getArray('t').toJSON()).toEqual([1, undefined, { a: [null] }]);
    expect(isValidYjsUpdate(legacyJson('{'))).toBe(false);
    const badName = run(5, 0, [(e) => (B(e, 4), W(e, 1), encoding.writeVarUint8Array(e, new Uint8Array([0xff])), S(e, 'x'))]);
    expect(isValidYjsUpdate(badName)).toBe(false);
  });
});
