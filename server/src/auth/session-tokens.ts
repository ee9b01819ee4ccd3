import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Session tokens the way the Lucia guide (lucia-auth.com) describes them: 20 random bytes in
 * lowercase base32 go in the cookie; the database keeps only their SHA-256, so a leaked database
 * (or backup) holds no usable session.
 */
export const SESSION_TOKEN_BYTES = 20;
export const SESSION_DURATION_MS = 30 * 24 * 3600 * 1000;
/** A session used with less than this left is extended to a full 30 days (sliding expiry). */
export const SESSION_RENEW_BELOW_MS = 15 * 24 * 3600 * 1000;

export function generateToken(): string {
  const bytes = new Uint8Array(SESSION_TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What is stored for a token (sessions and invitation links alike). */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** 32 characters of lowercase base32: anything else is not one of our tokens, however it was sent. */
export function isTokenShaped(token: string): boolean {
  return /^[a-z2-7]{32}$/.test(token);
}

export type SessionCheck = { valid: false } | { valid: true; renewTo: number | null };

/** Whether a session expiring at `expiresAt` is still valid at `now`, and the new expiry if it must slide. */
export function checkSessionExpiry(expiresAt: number, now: number): SessionCheck {
  if (now >= expiresAt) return { valid: false };
  return { valid: true, renewTo: expiresAt - now < SESSION_RENEW_BELOW_MS ? now + SESSION_DURATION_MS : null };
}
