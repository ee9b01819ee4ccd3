import { describe, expect, it } from 'vitest';
import { ID_BYTES, idFromRandomBytes, idSchema, isId } from './ids.ts';

describe('idFromRandomBytes', () => {
  // Expected values from Python's base64.b32encode (RFC 4648), lowercased.
  it.each([
    ['foobarfoob', Uint8Array.from('foobarfoob', (char) => char.charCodeAt(0)), 'mzxw6ytbojtg633c'],
    ['zeros', new Uint8Array(10), 'aaaaaaaaaaaaaaaa'],
    ['all ones', new Uint8Array(10).fill(255), '7777777777777777'],
    ['0..9', Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'aaaqeayeaudaocaj'],
  ])('encodes %s as RFC 4648 base32', (_label, bytes, expected) => {
    expect(idFromRandomBytes(bytes)).toBe(expected);
    expect(isId(expected)).toBe(true);
  });

  it('refuses any other number of bytes', () => {
    expect(() => idFromRandomBytes(new Uint8Array(ID_BYTES - 1))).toThrow(RangeError);
    expect(() => idFromRandomBytes(new Uint8Array(ID_BYTES + 1))).toThrow(RangeError);
  });
});

describe('isId / idSchema', () => {
  it.each([
    ['', false],
    ['aaaaaaaaaaaaaaa', false], // 15 characters
    ['aaaaaaaaaaaaaaaaa', false], // 17 characters
    ['AAAAAAAAAAAAAAAA', false], // upper case: one case only
    ['aaaaaaaaaaaaaaa1', false], // 1 is not in the base32 alphabet
    ['aaaaaaaaaaaaaaa8', false],
    ['aaaaaaa-aaaaaaaa', false],
    ['aaaaaaaaaaaaaaaa ', false],
    ['1234567890123456', false],
    ['mzxw6ytbojtg633c', true],
    ['2345672345672345', true],
  ])('%j → %s', (value, valid) => {
    expect(isId(value)).toBe(valid);
    expect(idSchema.safeParse(value).success).toBe(valid);
  });

  it('rejects non-strings', () => {
    expect(isId(42)).toBe(false);
    expect(isId(null)).toBe(false);
    expect(idSchema.safeParse(42).success).toBe(false);
  });
});
