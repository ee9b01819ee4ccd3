import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_DURATION_MS } from '../auth/session-tokens.ts';

export const SESSION_COOKIE = 'eprouvette_session';

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site subrequests), Path=/, and
 * Secure whenever the page is served over HTTPS — judged from EPROUVETTE_PUBLIC_URL behind a proxy,
 * else from the request itself.
 */
function isHttps(c: Context, publicUrl: string | undefined): boolean {
  return new URL(publicUrl ?? c.req.url).protocol === 'https:';
}

export function setSessionCookie(c: Context, token: string, expiresAt: number, publicUrl: string | undefined): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, publicUrl),
    path: '/',
    expires: new Date(expiresAt),
    maxAge: Math.floor(Math.min(expiresAt - Date.now(), SESSION_DURATION_MS) / 1000),
  });
}

export function clearSessionCookie(c: Context, publicUrl: string | undefined): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, publicUrl), httpOnly: true, sameSite: 'Lax' });
}

/** The token of the request's cookie header, if any (also used by the sync gate on upgrades). */
export function sessionTokenFromCookieHeader(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export function sessionTokenOf(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
