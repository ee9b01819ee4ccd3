/**
 * Codec of the y-websocket protocol as the stock client speaks it (y-websocket 3, y-protocols 1).
 *
 * Decoding is the server's first contact with client bytes, so it is strict and total: every frame
 * yields a `DecodeResult`, never an exception, and nothing malformed reaches Yjs — a Yjs update is
 * stored as-is in the document log and replayed at every load, so one bad update would break the
 * document for good. Payloads are returned as views into the frame (no copy).
 *
 * Bounds (see varint-reader.ts): message types, lengths, counts and client IDs are uint32 (at most
 * 5 varint bytes); clocks and clock-space lengths are at most 2^53-1 (at most 8 bytes). Yjs creates
 * client IDs with `random.uint32()`, so a larger one can only come from a hand-made client.
 */
import { CloseCode } from '@eprouvette/shared';
import { DecodeError, VarintReader } from './varint-reader.ts';
import { checkYjsUpdate, jsonNestingExceeds, MAX_NESTING_DEPTH } from './yjs-update-check.ts';

export { isValidYjsUpdate } from './yjs-update-check.ts';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as raw JSON text; exactly 'null' when the client left. */
  state: string;
}

export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' };

export interface DecodeLimits {
  maxUpdateBytes: number;
  maxAwarenessEntries: number;
  maxAwarenessStateBytes: number;
}

export type DecodeResult = { ok: true; message: ClientMessage } | { ok: false; code: number; reason: string };

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const AUTH_PERMISSION_DENIED = 0;
const AUTH_WRITE_GRANTED = 1;


// The settings of lib0's decoder on every stock client: what we relay must decode there too.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

export function decodeClientMessage(frame: Uint8Array, limits: DecodeLimits): DecodeResult {
  try {
    return { ok: true, message: readClientMessage(new VarintReader(frame), limits) };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, code: error.code, reason: error.message };
    // Not expected to happen; if the codec has a bug, close one connection rather than crash.
    return { ok: false, code: CloseCode.BadMessage, reason: 'malformed message' };
  }
}

function readClientMessage(r: VarintReader, limits: DecodeLimits): ClientMessage {
  const type = r.uint32('message type');
  switch (type) {
    case MESSAGE_SYNC:
      return readSyncMessage(r, limits);
    case MESSAGE_AWARENESS: {
      const payload = r.varBytes('awareness payload');
      r.end('awareness message');
      return { type: 'awareness', entries: readAwareness(new VarintReader(payload), limits) };
    }
    case MESSAGE_AUTH:
      throw new DecodeError('auth messages only go from server to client');
    case MESSAGE_QUERY_AWARENESS:
      r.end('query-awareness message');
      return { type: 'query-awareness' };
    default:
      throw new DecodeError(`unknown message type ${type}`);
  }
}

function readSyncMessage(r: VarintReader, limits: DecodeLimits): ClientMessage {
  const subtype = r.uint32('sync message type');
  if (subtype === SYNC_STEP_1) {
    const stateVector = r.varBytes('state vector');
    r.end('sync step 1');
    checkStateVector(new VarintReader(stateVector));
    return { type: 'sync-step-1', stateVector };
  }
  if (subtype !== SYNC_STEP_2 && subtype !== SYNC_UPDATE) throw new DecodeError(`unknown sync message type ${subtype}`);
  const update = r.varBytes('update');
  r.end('update message');
  if (update.length > limits.maxUpdateBytes) {
    throw new DecodeError(`update of ${update.length} bytes over the ${limits.maxUpdateBytes}-byte limit`, CloseCode.UpdateTooLarge);
  }
  const problem = checkYjsUpdate(update);
  if (problem !== null) throw new DecodeError(problem);
  return subtype === SYNC_STEP_2 ? { type: 'sync-step-2', update } : { type: 'update', update };
}

/** The server hands it to `Y.encodeStateAsUpdate`, which trusts it. The empty vector is [0]. */
function checkStateVector(r: VarintReader): void {
  const count = r.count('state vector size', 2);
  for (let i = 0; i < count; i++) {
    r.uint32('state vector client ID');
    r.clock('state vector clock');
  }
  r.end('state vector');
}

function readAwareness(r: VarintReader, limits: DecodeLimits): AwarenessEntry[] {
  const count = r.count('awareness entry count', 3);
  if (count > limits.maxAwarenessEntries) throw new DecodeError(`more than ${limits.maxAwarenessEntries} awareness entries`);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = r.uint32('awareness client ID');
    const clock = r.clock('awareness clock');
    const length = r.uint32('awareness state length');
    if (length > limits.maxAwarenessStateBytes) {
      throw new DecodeError(`awareness state over ${limits.maxAwarenessStateBytes} bytes`);
    }
    entries.push({ clientId, clock, state: readAwarenessState(r.take(length, 'awareness state')) });
  }
  r.end('awareness entries');
  return entries;
}

/** Every client `JSON.parse`s what we relay, unguarded: anything but an object or null breaks them. */
function readAwarenessState(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8Decoder.decode(bytes);
  } catch {
    throw new DecodeError('awareness state is not valid UTF-8');
  }
  if (jsonNestingExceeds(bytes, MAX_NESTING_DEPTH)) throw new DecodeError('awareness state is nested too deeply');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DecodeError('awareness state is not valid JSON');
  }
  // Normalised so that consumers can recognise a removal by comparing with 'null'.
  if (value === null) return 'null';
  if (typeof value !== 'object' || Array.isArray(value)) throw new DecodeError('awareness state is not a JSON object or null');
  return text;
}

// --- Encoding: one exactly-sized allocation per message. ---

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP_1, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP_2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_UPDATE, update);
}

function encodeSync(subtype: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(2 + varuintSize(payload.length) + payload.length);
  out[0] = MESSAGE_SYNC;
  out[1] = subtype;
  out.set(payload, writeVaruint(out, 2, payload.length));
  return out;
}

export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const stateLengths = new Uint32Array(entries.length);
  let payloadLength = varuintSize(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const length = utf8Length(entry.state);
    stateLengths[i] = length;
    payloadLength += varuintSize(entry.clientId) + varuintSize(entry.clock) + varuintSize(length) + length;
  }
  const out = new Uint8Array(1 + varuintSize(payloadLength) + payloadLength);
  out[0] = MESSAGE_AWARENESS;
  let pos = writeVaruint(out, 1, payloadLength);
  pos = writeVaruint(out, pos, entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    pos = writeVaruint(out, pos, entry.clientId);
    pos = writeVaruint(out, pos, entry.clock);
    pos = writeVaruint(out, pos, stateLengths[i]!);
    pos += utf8Encoder.encodeInto(entry.state, out.subarray(pos)).written;
  }
  return out;
}

/**
 * The auth message of the y-websocket protocol: `permission denied` with a reason. Éprouvette
 * sends it with the reason `read-only` to a connection that may not write (on join, when its
 * access is lowered, and when it sends an update anyway).
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  return encodeAuthMessage(AUTH_PERMISSION_DENIED, reason);
}

/**
 * Our one extension of the auth message: type 1 `write granted`, sent when a connection's access is
 * raised while it is open. Stock clients read the type and ignore types they do not know.
 */
export function encodeWriteGranted(): Uint8Array {
  return encodeAuthMessage(AUTH_WRITE_GRANTED, 'write');
}

function encodeAuthMessage(type: number, reason: string): Uint8Array {
  const length = utf8Length(reason);
  const out = new Uint8Array(2 + varuintSize(length) + length);
  out[0] = MESSAGE_AUTH;
  out[1] = type;
  utf8Encoder.encodeInto(reason, out.subarray(writeVaruint(out, 2, length)));
  return out;
}

/** Values up to 2^53-1; division rather than shifts, which would wrap above 2^31. */
function varuintSize(value: number): number {
  let size = 1;
  while (value > 0x7f) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

function writeVaruint(out: Uint8Array, pos: number, value: number): number {
  while (value > 0x7f) {
    out[pos++] = 0x80 | value % 128;
    value = Math.floor(value / 128);
  }
  out[pos++] = value;
  return pos;
}

/** What TextEncoder will write, lone surrogates (encoded as U+FFFD) included. */
function utf8Length(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      length += 1;
    } else if ((unit & 0xfc00) === 0xd800 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 2; // a pair: 2 units, 4 bytes
      i++;
    } else {
      length += 2;
    }
  }
  return length;
}
