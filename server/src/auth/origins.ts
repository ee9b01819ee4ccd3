/**
 * Which browser origins may make state-changing requests and open sync sockets: the server's own
 * (as the request reached it, or EPROUVETTE_PUBLIC_URL behind a proxy) plus configured ones.
 * Guards against cross-site request forgery and cross-site WebSocket hijacking, which both ride
 * on the victim's cookie.
 */
export interface OriginPolicy {
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
}

export function isAllowedOrigin(origin: string | undefined, requestUrl: string, policy: OriginPolicy): boolean {
  if (origin === undefined || origin === 'null') return false;
  const own = new URL(policy.publicUrl ?? requestUrl).origin;
  return origin === own || policy.allowedOrigins.includes(origin);
}
