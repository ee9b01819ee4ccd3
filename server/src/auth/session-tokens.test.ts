import { describe, expect, it } from 'vitest';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { checkSessionExpiry, generateToken, hashToken, isTokenShaped, SESSION_DURATION_MS, SESSION_RENEW_BELOW_MS } from './session-tokens.ts';

const DAY = 24 * 3600 * 1000;

describe('session tokens', () => {
  it('are 20 random bytes in lowercase base32: 32 characters, all different', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('are stored as the hex SHA-256 of their text', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = generateToken();
    expect(hashToken(token)).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
    expect(hashToken(token)).not.toContain(token);
  });

  it.each([
    ['a'.repeat(32), true],
    ['a'.repeat(31), false],
    ['A'.repeat(32), false],
    ['1'.repeat(32), false],
    [`${'a'.repeat(31)};`, false],
  ])('shape of %j is %s', (token, valid) => {
    expect(isTokenShaped(token)).toBe(valid);
  });
});

describe('checkSessionExpiry', () => {
  const now = 1_800_000_000_000;
  it('refuses an expired session, including at the exact expiry', () => {
    expect(checkSessionExpiry(now - 1, now)).toEqual({ valid: false });
    expect(checkSessionExpiry(now, now)).toEqual({ valid: false });
  });

  it('keeps a session with 15 days or more left as it is', () => {
    expect(checkSessionExpiry(now + 29 * DAY, now)).toEqual({ valid: true, renewTo: null });
    expect(checkSessionExpiry(now + SESSION_RENEW_BELOW_MS, now)).toEqual({ valid: true, renewTo: null });
  });

  it('slides a session with less than 15 days left to a full 30 days', () => {
    expect(checkSessionExpiry(now + SESSION_RENEW_BELOW_MS - 1, now)).toEqual({ valid: true, renewTo: now + SESSION_DURATION_MS });
    expect(checkSessionExpiry(now + 1, now)).toEqual({ valid: true, renewTo: now + 30 * DAY });
  });
});
