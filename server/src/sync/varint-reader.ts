/**
 * Strict reader of lib0's variable-length encoding, for bytes that come from untrusted clients.
 * lib0's own decoder is lenient (it reads `undefined` past the end, accepts integers up to 2^53 in
 * every field), so everything the server decodes goes through this instead. Failures throw a
 * `DecodeError`, caught once at the codec's entry point: callers never see a throw.
 */
import { CloseCode } from '@eprouvette/shared';

/** Largest value of a uint32 field: message types, lengths, counts, Yjs client IDs. */
export const MAX_UINT32 = 0xffff_ffff;
/** Largest clock (or clock-space length): beyond 2^53 clock arithmetic in Yjs stops being exact. */
export const MAX_CLOCK = Number.MAX_SAFE_INTEGER;

/**
 * 7 payload bits per byte: 5 bytes carry 35 bits (enough for a uint32), 8 bytes carry 56 (enough
 * for 2^53). A longer encoding can only be padding or an out-of-range value, so it is rejected
 * without reading further.
 */
const MAX_UINT32_BYTES = 5;
const MAX_CLOCK_BYTES = 8;

export class DecodeError extends Error {
  constructor(
    reason: string,
    readonly code: number = CloseCode.BadMessage,
  ) {
    super(reason);
  }
}

export class VarintReader {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** A message type, length, count or client ID. `what` names the field in the error reason. */
  uint32(what: string): number {
    return this.varuint(what, MAX_UINT32_BYTES, MAX_UINT32);
  }

  /** A clock, or a length in clock space (GC/skip/deleted runs, delete-set ranges). */
  clock(what: string): number {
    return this.varuint(what, MAX_CLOCK_BYTES, MAX_CLOCK);
  }

  /**
   * A count of items that each take at least `minBytesEach` bytes: a larger count is impossible,
   * and refusing it up front keeps the loops that follow from even starting.
   */
  count(what: string, minBytesEach: number): number {
    const n = this.uint32(what);
    if (n * minBytesEach > this.remaining) throw new DecodeError(`${what} exceeds the data`);
    return n;
  }

  byte(what: string): number {
    const b = this.bytes[this.pos];
    if (b === undefined) throw new DecodeError(`${what}: truncated`);
    this.pos++;
    return b;
  }

  /** A view of the next `length` bytes (no copy). */
  take(length: number, what: string): Uint8Array {
    if (length > this.remaining) throw new DecodeError(`${what}: length exceeds the data`);
    const start = this.pos;
    this.pos += length;
    return this.bytes.subarray(start, this.pos);
  }

  skip(length: number, what: string): void {
    if (length > this.remaining) throw new DecodeError(`${what}: length exceeds the data`);
    this.pos += length;
  }

  /** A length-prefixed byte array (lib0 `varUint8Array`, also the framing of `varString`). */
  varBytes(what: string): Uint8Array {
    return this.take(this.uint32(what), what);
  }

  /**
   * lib0's signed varint (`writeVarInt`): sign and 6 bits in the first byte, then 7 bits per
   * byte. Only skipped (it appears inside Yjs "any" values), but with the same bounds as clocks.
   */
  skipVarInt(what: string): void {
    let magnitude = 0;
    let mult = 1;
    for (let i = 0; i < MAX_CLOCK_BYTES; i++) {
      const b = this.byte(what);
      const bits = i === 0 ? b & 0x3f : b & 0x7f;
      magnitude += bits * mult;
      if (magnitude > MAX_CLOCK) break;
      if (b < 0x80) return;
      mult *= i === 0 ? 64 : 128;
    }
    throw new DecodeError(`${what}: integer out of range`);
  }

  end(what: string): void {
    if (this.pos !== this.bytes.length) throw new DecodeError(`trailing bytes after ${what}`);
  }

  private varuint(what: string, maxBytes: number, max: number): number {
    const bytes = this.bytes;
    let pos = this.pos;
    let value = 0;
    let mult = 1;
    for (let i = 0; i < maxBytes; i++) {
      const b = bytes[pos++];
      if (b === undefined) throw new DecodeError(`${what}: truncated`);
      // Multiplication rather than shifts: bitwise operators would wrap above 2^31.
      value += (b & 0x7f) * mult;
      if (b < 0x80) {
        if (value > max) throw new DecodeError(`${what}: out of range`);
        this.pos = pos;
        return value;
      }
      mult *= 128;
    }
    throw new DecodeError(`${what}: varint too long`);
  }
}
