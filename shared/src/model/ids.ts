import { z } from 'zod';

/**
 * Ids of AMIs, boards, users and organisations: 16 characters of lowercase base32 (RFC 4648
 * alphabet `a–z2–7`, no padding) encoding 10 random bytes (80 bits).
 *
 * Why random ids rather than auto-increment integers:
 * - They travel in URLs and in Yjs document names (`/sync/ami-<id>.board-<id>`). Sequential
 *   integers would let anyone count the AMIs and boards of the platform and probe ids one by one;
 *   random ids reveal nothing (access is still decided by `can`, never by the id being secret).
 * - The same value works on SQLite and PostgreSQL as a TEXT key. PostgreSQL `bigint` identities come
 *   back from `pg` as strings while SQLite gives numbers — one type everywhere avoids that trap.
 * - A self-hosted instance can export an AMI and another can import it (essaimage) without id clashes.
 * Why lowercase base32 rather than base64url: one case only (ids copied by hand, case-insensitive
 * file systems and collations cannot merge two ids), no `-` or `_`, so the separators of document
 * names can never occur inside an id, and it is the alphabet of `encodeBase32LowerCaseNoPadding`
 * from `@oslojs/encoding`, which the server already uses for session tokens.
 */
export const ID_LENGTH = 16;
/** Random bytes behind one id: 10 bytes = 80 bits = exactly 16 base32 characters, no padding. */
export const ID_BYTES = 10;
export const ID_PATTERN = /^[a-z2-7]{16}$/;

export type Id = string;

export const idSchema = z.string().regex(ID_PATTERN, 'identifiant invalide');

export function isId(value: unknown): value is Id {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * Encodes 10 random bytes as an id. The caller supplies the randomness
 * (`crypto.getRandomValues(new Uint8Array(ID_BYTES))`) so this module stays pure and testable;
 * the result equals `encodeBase32LowerCaseNoPadding(bytes)` from `@oslojs/encoding`.
 */
export function idFromRandomBytes(bytes: Uint8Array): Id {
  if (bytes.length !== ID_BYTES) {
    throw new RangeError(`idFromRandomBytes: expected ${ID_BYTES} bytes, got ${bytes.length}`);
  }
  let id = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      id += BASE32_ALPHABET.charAt((buffer >> bits) & 31);
    }
    // Keep only the bits not yet emitted so the buffer never grows past 12 bits.
    buffer &= (1 << bits) - 1;
  }
  return id;
}
