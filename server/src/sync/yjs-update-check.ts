/**
 * The structural check of a Yjs v1 update, run before any update reaches Yjs (see
 * `checkYjsUpdate`). Pure and allocation-free; it throws nothing (errors become reasons).
 */
import { decodeUpdate } from 'yjs';
import { DecodeError, MAX_CLOCK, VarintReader } from './varint-reader.ts';

/**
 * Deepest nesting of arrays/objects accepted in Yjs values and awareness states. Yjs decodes and
 * encodes "any" values recursively and y-protocols compares states recursively: around 8,000
 * levels an update still applies but `encodeStateAsUpdate` overflows the stack, which would make
 * the document impossible to compact or to send to a newcomer. Real data is a handful deep.
 */
export const MAX_NESTING_DEPTH = 128;

/** Counts brackets outside strings; enough for a bound, and JSON.parse judges validity. */
export function jsonNestingExceeds(bytes: Uint8Array, maxDepth: number): boolean {
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
export function checkYjsUpdate(update: Uint8Array): string | null {
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
