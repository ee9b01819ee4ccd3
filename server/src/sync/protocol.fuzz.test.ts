/**
 * Fuzzing of `decodeClientMessage`: random frames and mutations of real ones. The seed changes at
 * every run (more ground covered over time) and is printed on failure; replay one with
 * `PROTOCOL_FUZZ_SEED=<seed> npx vitest run server/src/sync/protocol.fuzz.test.ts`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode } from '@eprouvette/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
  type DecodeLimits,
  type DecodeResult,
} from './protocol.ts';

const SEED = process.env.PROTOCOL_FUZZ_SEED === undefined ? (Math.random() * 2 ** 32) >>> 0 : Number(process.env.PROTOCOL_FUZZ_SEED) >>> 0;
const RANDOM_FRAMES = 30_000;
const MUTATED_FRAMES = 70_000;
const LIMITS: DecodeLimits = { maxUpdateBytes: 64 * 1024, maxAwarenessEntries: 32, maxAwarenessStateBytes: 2048 };
const MiB = 1024 * 1024;

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: tiny, fast, and good enough to drive a fuzzer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.int(256);
    return out;
  }
}

// --- A corpus of valid frames, written by real Yjs documents and y-protocols. ---

interface Corpus {
  frames: Uint8Array[];
  updates: Uint8Array[];
  stateVectors: Uint8Array[];
  awarenessPayloads: Uint8Array[];
  /** Full state of a populated document, to apply accepted updates on top of. */
  baseState: Uint8Array;
}

const WORDS = ['', 'a', 'Zoé', '🦊', 'tube à essai', '中文', '"quoted"', '[{', 'x'.repeat(40)];

function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 3 ? 7 : 9)) {
    case 0:
      return rng.int(1000) - 500;
    case 1:
      return rng.next() * 1e6;
    case 2:
      return rng.pick(WORDS);
    case 3:
      return rng.chance(0.5);
    case 4:
      return null;
    case 5:
      return rng.bytes(rng.int(6));
    case 6:
      return BigInt(rng.int(1e9)) * 2n ** 20n;
    case 7:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: rng.int(4) }, (_, i) => [`k${i}`, randomValue(rng, depth + 1)]));
  }
}

function randomEdit(doc: Y.Doc, rng: Rng): void {
  const map = doc.getMap<unknown>('m');
  const array = doc.getArray<unknown>('a');
  const text = doc.getText('t');
  const xml = doc.getXmlFragment('x');
  switch (rng.int(10)) {
    case 0:
    case 1:
      map.set(`k${rng.int(8)}`, randomValue(rng));
      return;
    case 2:
      map.delete(`k${rng.int(8)}`);
      return;
    case 3:
      // Y.Array takes bigints only nested (Y.Map takes them anywhere).
      return array.insert(rng.int(array.length + 1), [randomValue(rng), randomValue(rng)].map((v) => (typeof v === 'bigint' ? [v] : v)));
    case 4:
      if (array.length > 0) array.delete(rng.int(array.length), 1);
      return;
    case 5: {
      const child = new Y.Map<unknown>();
      array.insert(0, [child]);
      child.set('v', randomValue(rng));
      return;
    }
    case 6:
      return text.insert(rng.int(text.length + 1), rng.pick(WORDS) + 'é', rng.chance(0.3) ? { bold: true } : undefined);
    case 7:
      if (text.length > 1) text.format(rng.int(text.length - 1), 1, { italic: rng.chance(0.5) ? true : null });
      else text.insertEmbed(0, { image: rng.pick(WORDS) });
      return;
    case 8:
      if (text.length > 0) text.delete(rng.int(text.length), 1);
      return;
    default: {
      const element = new Y.XmlElement(rng.pick(['p', 'h1', 'li']));
      element.setAttribute('class', rng.pick(WORDS));
      element.insert(0, [new Y.XmlText(rng.pick(WORDS) + '!')]);
      // Yjs's typings leave hooks out of what a fragment takes; Yjs itself takes them.
      xml.insert(0, [rng.chance(0.2) ? (new Y.XmlHook('mention') as unknown as Y.XmlElement) : element]);
    }
  }
}

function frameWith(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

function buildCorpus(rng: Rng): Corpus {
  const updates: Uint8Array[] = [];
  const docs = [0, 1, 2].map(() => {
    const doc = new Y.Doc();
    doc.clientID = rng.int(2 ** 32);
    doc.on('update', (update: Uint8Array) => updates.push(update));
    return doc;
  });
  for (let step = 0; step < 200; step++) {
    const doc = rng.pick(docs);
    randomEdit(doc, rng);
    if (rng.chance(0.15)) {
      const other = rng.pick(docs);
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    }
  }
  const edits = updates.slice();
  updates.push(
    ...docs.map((doc) => Y.encodeStateAsUpdate(doc)),
    Y.encodeStateAsUpdate(docs[0]!, Y.encodeStateVector(docs[1]!)),
    Y.mergeUpdates(edits.filter((_, i) => i % 3 === 0)), // gaps: skip structs
    Y.encodeStateAsUpdate(new Y.Doc()),
  );
  const stateVectors = [...docs.map((doc) => Y.encodeStateVector(doc)), new Uint8Array([0])];

  const awarenessPayloads: Uint8Array[] = [];
  const awarenesses = docs.map((doc) => new awarenessProtocol.Awareness(doc));
  try {
    for (let step = 0; step < 30; step++) {
      const awareness = rng.pick(awarenesses);
      awareness.setLocalState(rng.chance(0.15) ? null : { user: { name: rng.pick(WORDS), color: '#a0c' }, cursor: { x: rng.int(2000), y: rng.next(), selection: [rng.pick(WORDS)] } });
      awarenessPayloads.push(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
    }
    const everyone = awarenesses[0]!;
    for (const other of awarenesses.slice(1)) {
      awarenessProtocol.applyAwarenessUpdate(everyone, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]), null);
    }
    awarenessPayloads.push(awarenessProtocol.encodeAwarenessUpdate(everyone, [...everyone.getStates().keys()]));
  } finally {
    for (const awareness of awarenesses) awareness.destroy();
  }

  const frames: Uint8Array[] = [new Uint8Array([3])];
  for (const doc of docs) {
    frames.push(frameWith((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc))));
    frames.push(frameWith((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, doc, Y.encodeStateVector(docs[0]!)))));
  }
  for (const update of updates) frames.push(frameWith((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, update))));
  for (const payload of awarenessPayloads) frames.push(frameWith((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, payload))));
  return { frames, updates, stateVectors, awarenessPayloads, baseState: Y.encodeStateAsUpdate(docs[0]!) };
}

// --- Mutations. ---

const INTERESTING_BYTES = [0, 1, 2, 3, 9, 10, 0x1f, 0x40, 0x7f, 0x80, 0x81, 0xc0, 0xff, 116, 117, 118, 119, 125, 126, 127];
const INTERESTING_VALUES = [0, 1, 2, 127, 128, 255, 16_384, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1];

function varuint(value: number): Uint8Array {
  return frameWith((e) => encoding.writeVarUint(e, value));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const part of parts) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}

type Mutation = (rng: Rng, input: Uint8Array, donors: readonly Uint8Array[]) => Uint8Array;

const MUTATIONS: Record<string, Mutation> = {
  bitFlip(rng, input) {
    const out = input.slice();
    for (let n = 1 + rng.int(3); n > 0 && out.length > 0; n--) out[rng.int(out.length)]! ^= 1 << rng.int(8);
    return out;
  },
  interestingByte(rng, input) {
    const out = input.slice();
    if (out.length > 0) out[rng.int(out.length)] = rng.pick(INTERESTING_BYTES);
    return out;
  },
  insertBytes(rng, input) {
    const at = rng.int(input.length + 1);
    return concat(input.subarray(0, at), rng.bytes(1 + rng.int(4)), input.subarray(at));
  },
  deleteBytes(rng, input) {
    const at = rng.int(input.length + 1);
    return concat(input.subarray(0, at), input.subarray(at + 1 + rng.int(4)));
  },
  truncate(rng, input) {
    return input.slice(0, rng.int(input.length + 1));
  },
  splice(rng, input, donors) {
    const donor = rng.pick(donors);
    return concat(input.subarray(0, rng.int(input.length + 1)), donor.subarray(rng.int(donor.length + 1)));
  },
  duplicateChunk(rng, input) {
    const from = rng.int(input.length + 1);
    const chunk = input.subarray(from, from + 1 + rng.int(8));
    const at = rng.int(input.length + 1);
    return concat(input.subarray(0, at), chunk, input.subarray(at));
  },
  /** Rewrites a varint-sized span with another (often boundary) value: corrupts lengths and counts. */
  corruptVarint(rng, input) {
    const at = rng.int(input.length + 1);
    const value = rng.chance(0.7) ? rng.pick(INTERESTING_VALUES) : rng.int(input.length * 2 + 2);
    const replacement = rng.chance(0.1) ? new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]) : varuint(value);
    return concat(input.subarray(0, at), replacement, input.subarray(at + 1 + rng.int(3)));
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

function mutate(rng: Rng, input: Uint8Array, donors: readonly Uint8Array[]): { bytes: Uint8Array; how: string } {
  let bytes = input;
  const how: string[] = [];
  for (let n = 1 + (rng.chance(0.3) ? rng.int(3) : 0); n > 0; n--) {
    const name = rng.pick(MUTATION_NAMES);
    bytes = MUTATIONS[name]!(rng, bytes, donors);
    how.push(name);
  }
  return { bytes, how: how.join('+') };
}

/** Envelope mutations mostly die at the envelope; re-framing the mutated payload reaches Yjs-level checks. */
function mutatedFrame(rng: Rng, corpus: Corpus): { frame: Uint8Array; how: string } {
  const kind = rng.int(10);
  if (kind < 3) {
    const { bytes, how } = mutate(rng, rng.pick(corpus.frames), corpus.frames);
    return { frame: bytes, how: `frame:${how}` };
  }
  if (kind < 7) {
    const { bytes, how } = mutate(rng, rng.pick(corpus.updates), corpus.updates);
    return { frame: rng.chance(0.5) ? encodeUpdate(bytes) : encodeSyncStep2(bytes), how: `update:${how}` };
  }
  if (kind < 8) {
    const { bytes, how } = mutate(rng, rng.pick(corpus.stateVectors), corpus.stateVectors);
    return { frame: encodeSyncStep1(bytes), how: `state-vector:${how}` };
  }
  if (kind < 9) {
    const { bytes, how } = mutate(rng, rng.pick(corpus.awarenessPayloads), corpus.awarenessPayloads);
    return { frame: frameWith((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, bytes))), how: `awareness:${how}` };
  }
  // A well-framed update whose payload is pure noise.
  return { frame: encodeUpdate(rng.bytes(rng.int(64))), how: 'update:random' };
}

// --- Checks. ---

const hex = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 256)).toString('hex') + (bytes.length > 256 ? '…' : '');

/**
 * Decodes frames and checks what comes out. Accepted updates are applied to a scratch document:
 * that is what a stateless codec can vouch for. (Applied in sequence to one shared document, a
 * mutated re-send of known structs can still break Yjs; that is for the room to survive.)
 */
class Fuzzer {
  readonly accepted: Record<ClientMessage['type'], number> = { 'sync-step-1': 0, 'sync-step-2': 0, update: 0, awareness: 0, 'query-awareness': 0 };
  rejected = 0;
  readonly reasons = new Set<string>();
  /** A populated document, only read from: what the server answers a SyncStep1 with. */
  private readonly base = new Y.Doc();

  constructor(corpus: Corpus) {
    Y.applyUpdate(this.base, corpus.baseState);
  }

  check(frame: Uint8Array, i: number, how: string): void {
    let result: DecodeResult;
    try {
      result = decodeClientMessage(frame, LIMITS);
    } catch (error) {
      throw failure(i, how, frame, `decodeClientMessage threw ${String(error)}`, error);
    }
    if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') throw failure(i, how, frame, 'not a DecodeResult');
    if (!result.ok) {
      if (result.code !== CloseCode.BadMessage && result.code !== CloseCode.UpdateTooLarge) throw failure(i, how, frame, `code ${result.code}`);
      const reasonBytes = Buffer.byteLength(result.reason, 'utf8');
      if (typeof result.reason !== 'string' || reasonBytes === 0 || reasonBytes > 120) throw failure(i, how, frame, `reason "${result.reason}"`);
      this.rejected++;
      this.reasons.add(result.reason.replace(/\d+/g, 'N'));
      return;
    }
    const message = result.message;
    this.accepted[message.type]++;
    try {
      this.checkAccepted(message);
    } catch (error) {
      throw failure(i, how, frame, `accepted ${message.type} is not usable: ${String(error)}`, error);
    }
  }

  private checkAccepted(message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        // What the server does with it: answer with what the client lacks.
        Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(this.base, message.stateVector));
        assertRoundTrip(encodeSyncStep1(message.stateVector), message);
        return;
      case 'sync-step-2':
      case 'update': {
        if (message.update.length < 2 || message.update.length > LIMITS.maxUpdateBytes) throw new Error('size');
        const scratch = new Y.Doc();
        Y.applyUpdate(scratch, message.update);
        // What compaction and a newcomer's SyncStep2 do next; corrupt pending state shows up here.
        Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(scratch));
        assertRoundTrip(message.type === 'update' ? encodeUpdate(message.update) : encodeSyncStep2(message.update), message);
        return;
      }
      case 'awareness':
        if (message.entries.length > LIMITS.maxAwarenessEntries) throw new Error('too many entries');
        for (const entry of message.entries) {
          if (Buffer.byteLength(entry.state, 'utf8') > LIMITS.maxAwarenessStateBytes) throw new Error('state too large');
          const state: unknown = JSON.parse(entry.state);
          if (state === null ? entry.state !== 'null' : typeof state !== 'object' || Array.isArray(state)) throw new Error(`state ${entry.state}`);
        }
        assertRoundTrip(encodeAwareness(message.entries), message);
        return;
      case 'query-awareness':
        return;
    }
  }
}

function failure(i: number, how: string, frame: Uint8Array, problem: string, cause?: unknown): Error {
  const file = join(tmpdir(), `protocol-fuzz-${SEED}-${i}.bin`);
  writeFileSync(file, frame);
  const message = `PROTOCOL_FUZZ_SEED=${SEED} frame #${i} (${how}): ${problem}\nframe (whole in ${file}): ${hex(frame)}`;
  console.error(message);
  return new Error(message, { cause });
}

function assertRoundTrip(encoded: Uint8Array, message: ClientMessage): void {
  const again = decodeClientMessage(encoded, LIMITS);
  expect(again).toEqual({ ok: true, message });
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** Decoding keeps nothing: whatever the frames, the heap must come back to where it was. */
const HEAP_GROWTH_BOUND = (globalThis as { gc?: unknown }).gc ? 64 * MiB : 256 * MiB;

describe(`decodeClientMessage under fuzzing (PROTOCOL_FUZZ_SEED=${SEED})`, () => {
  // One generator per test, so that replaying a seed with a test filter gives the same frames.
  const corpus = buildCorpus(new Rng(SEED));

  it('the corpus is valid to begin with', () => {
    for (const frame of corpus.frames) expect(decodeClientMessage(frame, LIMITS)).toMatchObject({ ok: true });
    expect(corpus.frames.length).toBeGreaterThan(100);
  });

  it(`survives ${RANDOM_FRAMES} random frames`, () => {
    const rng = new Rng(SEED + 1);
    const fuzzer = new Fuzzer(corpus);
    const before = heapUsed();
    for (let i = 0; i < RANDOM_FRAMES; i++) {
      const frame = rng.bytes(rng.int(513));
      // Biased towards known message types so that more random bytes get past the first byte.
      if (frame.length > 0 && rng.chance(0.5)) frame[0] = rng.int(4);
      if (frame.length > 1 && frame[0] === 0 && rng.chance(0.7)) frame[1] = rng.int(3);
      fuzzer.check(frame, i, 'random');
    }
    expect(heapUsed() - before).toBeLessThan(HEAP_GROWTH_BOUND);
    expect(fuzzer.rejected).toBeGreaterThan(RANDOM_FRAMES / 2);
  });

  it(`survives ${MUTATED_FRAMES} mutations of valid frames`, () => {
    const rng = new Rng(SEED + 2);
    const fuzzer = new Fuzzer(corpus);
    const before = heapUsed();
    for (let i = 0; i < MUTATED_FRAMES; i++) {
      const { frame, how } = mutatedFrame(rng, corpus);
      fuzzer.check(frame, i, how);
    }
    expect(heapUsed() - before).toBeLessThan(HEAP_GROWTH_BOUND);
    // Guards against a decoder that passes by refusing everything: mutations keep many frames valid.
    expect(fuzzer.accepted.update + fuzzer.accepted['sync-step-2']).toBeGreaterThan(MUTATED_FRAMES / 100);
    expect(fuzzer.accepted.awareness).toBeGreaterThan(MUTATED_FRAMES / 200);
    expect(fuzzer.accepted['sync-step-1']).toBeGreaterThan(MUTATED_FRAMES / 200);
    expect(fuzzer.reasons.size).toBeGreaterThan(20);
    console.info(`protocol fuzz seed ${SEED}: accepted ${JSON.stringify(fuzzer.accepted)}, rejected ${fuzzer.rejected}, ${fuzzer.reasons.size} distinct reasons`);
  });
});
