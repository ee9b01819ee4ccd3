/** Pure route parsing: `/` home, `/d/<name>` a document. */
import { isValidDocumentName } from '@eprouvette/shared';

export type Route =
  | { kind: 'home' }
  | { kind: 'document'; name: string }
  | { kind: 'invalid-document'; raw: string }
  | { kind: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { kind: 'home' };
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return pathname === '/d' || pathname === '/d/' ? { kind: 'home' } : { kind: 'not-found' };
  let name: string;
  try {
    name = decodeURIComponent(match[1]);
  } catch {
    return { kind: 'invalid-document', raw: match[1] };
  }
  return isValidDocumentName(name) ? { kind: 'document', name } : { kind: 'invalid-document', raw: name };
}

export function documentPath(name: string): string {
  return `/d/${encodeURIComponent(name)}`;
}
