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
import { decodeUpdate } from 'yjs';
import { DecodeError, MAX_CLOCK, VarintReader } from './varint-reader.ts';

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

/**
 * Deepest nesting of arrays/objects accepted in Yjs values and awareness states. Yjs decodes and
 * encodes "any" values recursively and y-protocols compares states recursively: around 8,000
 * levels an update still applies but `encodeStateAsUpdate` overflows the stack, which would make
 * the document impossible to compact or to send to a newcomer. Real data is a handful deep.
 */
const MAX_NESTING_DEPTH = 128;

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

/** Counts brackets outside strings; enough for a bound, and JSON.parse judges validity. */
function jsonNestingExceeds(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c) i++; // backslash: the escaped character cannot end the string
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) {
      inString = true;
    } else if (b === 0x5b || b === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (b === 0x5d || b === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Whether `update` is a Yjs v1 update the server may apply, store and relay.
 *
 * `Y.decodeUpdate` parses it without touching a document, but alone it is not enough: it ignores
 * trailing bytes; it builds a whole `Y.Doc` for each subdocument (a 1.4 MB update of them took
 * 1.2 s and 480 MB); it recurses without limit into nested values; and it accepts updates that
 * `Y.applyUpdate` throws on half-way through a transaction, or that corrupt the state Yjs keeps
 * pending (see `walkId`, `walkDeleteSet`). So an allocation-free walk that also enforces what Yjs
 * itself always writes runs first, then `Y.decodeUpdate` checks what the walk leaves to it: UTF-8
 * of strings, JSON of embeds, formats and legacy JSON content.
 *
 * Stateless by nature: an update can still conflict with what a document already holds (a
 * re-sent struct with a different length, say); the caller must survive `Y.applyUpdate` throwing.
 */
export function isValidYjsUpdate(update: Uint8Array): boolean {
  return checkYjsUpdate(update) === null;
}

/** Why the update is refused, or null when it is valid. */
function checkYjsUpdate(update: Uint8Array): string | null {
  // Checked first and by name: it must never reach Yjs. lib0 0.2.120 throws on it, but a lib0
  // whose readVarUint does not check for the end of the data can spin on it.
  if (update.length === 0) return 'empty update (the smallest Yjs update is 2 bytes)';
  try {
    walkUpdate(new VarintReader(update));
  } catch (error) {
    return error instanceof DecodeError ? error.message : 'invalid Yjs update';
  }
  try {
    decodeUpdate(update);
  } catch {
    return 'invalid Yjs update';
  }
  return null;
}

// Struct info byte (Yjs `Item.write`): low 5 bits = content ref; flags in the top 3.
const INFO_CONTENT_REF = 0x1f;
const INFO_HAS_ORIGIN = 0x80;
const INFO_HAS_RIGHT_ORIGIN = 0x40;
const INFO_HAS_PARENT_SUB = 0x20;
const INFO_SKIP = 10;

/**
 * Mirrors Yjs's own reader (`lazyStructReaderGenerator`, `readDeleteSet`) field by field. Every
 * loop consumes at least one byte per turn, so the walk is linear in the update's length.
 */
function walkUpdate(r: VarintReader): void {
  const clientCount = r.count('update client count', 3);
  const seen = clientCount > 1 ? new Set<number>() : null;
  for (let c = 0; c < clientCount; c++) {
    const structCount = r.uint32('update struct count');
    const client = r.uint32('update client ID');
    let clock = r.clock('update clock');
    if (structCount * 2 > r.remaining) throw new DecodeError('update struct count exceeds the data');
    // Y.applyUpdate keeps only the last run of a client listed twice; Yjs never writes that.
    if (seen !== null) {
      if (seen.has(client)) throw new DecodeError('update lists a client twice');
      seen.add(client);
    }
    for (let s = 0; s < structCount; s++) {
      const length = walkStruct(r, client, clock);
      // Yjs never writes an empty struct; one would share its ID with the next struct.
      if (length === 0) throw new DecodeError('update has an empty struct');
      clock += length;
      if (clock > MAX_CLOCK) throw new DecodeError('update clock out of range');
    }
  }
  walkDeleteSet(r);
  r.end('update');
}

/**
 * Yjs writes delete sets sorted and merged, one entry per client, and the deletions it cannot
 * apply yet are kept pending in its v2 encoding, which stores each range as a difference from the
 * previous one. An empty, overlapping or backwards range there corrupts the pending state: the
 * update applies, and a later one, or the next load of the document, throws.
 */
function walkDeleteSet(r: VarintReader): void {
  const clientCount = r.count('update delete set size', 2);
  const seen = clientCount > 1 ? new Set<number>() : null;
  for (let c = 0; c < clientCount; c++) {
    const client = r.uint32('update delete set client ID');
    if (seen !== null) {
      if (seen.has(client)) throw new DecodeError('update delete set lists a client twice');
      seen.add(client);
    }
    const rangeCount = r.count('update delete range count', 2);
    let end = 0;
    for (let i = 0; i < rangeCount; i++) {
      const start = r.clock('update delete range clock');
      const length = r.clock('update delete range length');
      if (length === 0) throw new DecodeError('update has an empty delete range');
      if (start < end) throw new DecodeError('update delete ranges overlap or are out of order');
      end = start + length;
      if (end > MAX_CLOCK) throw new DecodeError('update delete range out of range');
    }
  }
}

/** Returns the struct's length in clock units. */
function walkStruct(r: VarintReader, client: number, clock: number): number {
  const info = r.byte('update struct info');
  const ref = info & INFO_CONTENT_REF;
  if (ref === 0 || info === INFO_SKIP) return r.clock('update struct length'); // GC or skip
  if ((info & INFO_HAS_ORIGIN) !== 0) walkId(r, client, clock);
  if ((info & INFO_HAS_RIGHT_ORIGIN) !== 0) walkId(r, client, clock);
  if ((info & (INFO_HAS_ORIGIN | INFO_HAS_RIGHT_ORIGIN)) === 0) {
    const parentIsRoot = r.uint32('update parent kind');
    if (parentIsRoot === 1) r.varBytes('update root type name');
    else if (parentIsRoot === 0) walkId(r, client, clock);
    else throw new DecodeError('update parent kind out of range');
    if ((info & INFO_HAS_PARENT_SUB) !== 0) r.varBytes('update parent key');
  }
  return walkContent(r, ref);
}

/**
 * A struct can only refer to what existed when it was created, so a reference into its own
 * client's history must be to an earlier clock. Yjs relies on it without checking: integrating
 * such a struct throws in the middle of a transaction.
 */
function walkId(r: VarintReader, client: number, clock: number): void {
  const refClient = r.uint32('update reference client ID');
  const refClock = r.clock('update reference clock');
  if (refClient === client && refClock >= clock) throw new DecodeError('update refers forward in its own history');
}

function walkContent(r: VarintReader, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return r.clock('update deleted length');
    case 2: {
      // legacy JSON: JSON texts or the word undefined
      const count = r.count('update JSON count', 1);
      for (let i = 0; i < count; i++) checkJsonNesting(r.varBytes('update JSON'));
      return count;
    }
    case 3: // binary
      r.varBytes('update binary');
      return 1;
    case 4: // string; Yjs counts UTF-16 code units
      return utf16Length(r.varBytes('update string'));
    case 5: // embed
      checkJsonNesting(r.varBytes('update embed'));
      return 1;
    case 6: // format: key, JSON value
      r.varBytes('update format key');
      checkJsonNesting(r.varBytes('update format value'));
      return 1;
    case 7: {
      // type: YArray, YMap, YText, YXmlElement (+ node name), YXmlFragment, YXmlHook (+ name), YXmlText
      const typeRef = r.uint32('update type ref');
      if (typeRef > 6) throw new DecodeError('update has an unknown shared type');
      if (typeRef === 3 || typeRef === 5) r.varBytes('update type name');
      return 1;
    }
    case 8: {
      const count = r.count('update value count', 1);
      for (let i = 0; i < count; i++) walkAny(r, 0);
      return count;
    }
    case 9:
      // Each costs a Y.Doc at decode time, and their options reach other clients' Y.Doc constructor
      // unchecked. The y-websocket protocol syncs one document per connection anyway.
      throw new DecodeError('update contains a subdocument (not supported)');
    default:
      throw new DecodeError('update has an unknown content type');
  }
}

/** lib0 `writeAny` values (tags 116–127). */
function walkAny(r: VarintReader, depth: number): void {
  const tag = r.byte('update value');
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      return r.skipVarInt('update integer');
    case 124: // float32
      return r.skip(4, 'update float');
    case 123: // float64
    case 122: // bigint64
      return r.skip(8, 'update number');
    case 119: // string
    case 116: // Uint8Array
      return r.skip(r.uint32('update value length'), 'update value');
    case 118: // object
    case 117: {
      // array
      if (depth >= MAX_NESTING_DEPTH) throw new DecodeError('update value is nested too deeply');
      const isObject = tag === 118;
      const count = r.count('update value size', isObject ? 2 : 1);
      for (let i = 0; i < count; i++) {
        if (isObject) r.skip(r.uint32('update key length'), 'update key');
        walkAny(r, depth + 1);
      }
      return;
    }
    default:
      throw new DecodeError('update value has an unknown type');
  }
}

function checkJsonNesting(json: Uint8Array): void {
  if (jsonNestingExceeds(json, MAX_NESTING_DEPTH)) throw new DecodeError('update JSON is nested too deeply');
}

/** Exact for valid UTF-8; invalid UTF-8 is refused afterwards by Yjs's fatal decoder anyway. */
function utf16Length(utf8: Uint8Array): number {
  let units = 0;
  for (let i = 0; i < utf8.length; i++) {
    const b = utf8[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1; // a 4-byte sequence is a surrogate pair
  }
  return units;
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

export function encodePermissionDenied(reason: string): Uint8Array {
  const length = utf8Length(reason);
  const out = new Uint8Array(2 + varuintSize(length) + length);
  out[0] = MESSAGE_AUTH;
  out[1] = AUTH_PERMISSION_DENIED;
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
