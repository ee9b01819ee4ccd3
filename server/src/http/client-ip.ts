import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The address the login limit counts per IP: the TCP peer. Behind a reverse proxy every request
 * would share the proxy's address, so X-Forwarded-For is read only when EPROUVETTE_PUBLIC_URL says
 * a proxy is in front (its value cannot be trusted otherwise: anyone can send the header).
 */
export function clientIp(c: Context, behindProxy: boolean): string {
  if (behindProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
