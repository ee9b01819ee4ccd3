/**
 * Pure route parsing and path building. Paths are French, like everything the user sees; ids are
 * checked here so that a page never receives one the server would refuse anyway.
 */
import { isId, type Id } from '@eprouvette/shared';

export type Route =
  | { kind: 'login'; next: string | null }
  | { kind: 'signup'; next: string | null }
  | { kind: 'dashboard' }
  | { kind: 'ami-new' }
  | { kind: 'ami'; amiId: Id }
  | { kind: 'ami-edit'; amiId: Id }
  | { kind: 'ami-text'; amiId: Id }
  /** The AMI's evaluation; with a board, the viewer's scoring of that proposal. */
  | { kind: 'evaluation'; amiId: Id; boardId: Id | null }
  | { kind: 'board-new'; amiId: Id }
  | { kind: 'board'; amiId: Id; boardId: Id }
  | { kind: 'board-edit'; amiId: Id; boardId: Id }
  | { kind: 'invitation'; token: string }
  | { kind: 'account' }
  | { kind: 'search'; query: string }
  | { kind: 'templates' }
  | { kind: 'not-found' };

/** The query parameter carrying where to go back to after signing in. */
export const NEXT_PARAM = 'suite';

export const paths = {
  dashboard: '/',
  login: (next?: string | null) => withNext('/connexion', next),
  signup: (next?: string | null) => withNext('/inscription', next),
  amiNew: '/amis/nouveau',
  ami: (amiId: Id) => `/amis/${amiId}`,
  amiEdit: (amiId: Id) => `/amis/${amiId}/modifier`,
  amiText: (amiId: Id) => `/amis/${amiId}/texte`,
  evaluation: (amiId: Id) => `/amis/${amiId}/evaluation`,
  proposalScoring: (amiId: Id, boardId: Id) => `/amis/${amiId}/evaluation/${boardId}`,
  boardNew: (amiId: Id) => `/amis/${amiId}/tableaux/nouveau`,
  board: (amiId: Id, boardId: Id) => `/amis/${amiId}/tableaux/${boardId}`,
  boardEdit: (amiId: Id, boardId: Id) => `/amis/${amiId}/tableaux/${boardId}/modifier`,
  invitation: (token: string) => `/invitation/${encodeURIComponent(token)}`,
  account: '/compte',
  templates: '/modeles',
  search: (query: string) => (query.trim() === '' ? '/recherche' : `/recherche?q=${encodeURIComponent(query.trim())}`),
} as const;

function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNextPath(next ?? null);
  return safe === null || safe === '/' ? path : `${path}?${NEXT_PARAM}=${encodeURIComponent(safe)}`;
}

/**
 * A path of this site to return to after signing in, or null. Anything that could leave the site
 * (`//host`, `/\host`, a scheme) or loop back to the sign-in pages is dropped: the parameter comes
 * from the address bar, so anyone can craft it.
 */
export function safeNextPath(raw: string | null): string | null {
  if (raw === null || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  // Control characters (a tab or newline inside "//") would be stripped by URL parsing.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  const route = parseRoute(raw.split(/[?#]/)[0] ?? '', '');
  return route.kind === 'login' || route.kind === 'signup' || route.kind === 'not-found' ? null : raw;
}

/** Pages anyone may see; every other page asks to sign in first. */
export function isPublicRoute(route: Route): boolean {
  return route.kind === 'login' || route.kind === 'signup' || route.kind === 'invitation' || route.kind === 'not-found';
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string, search: string): Route {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const [first, second, third, fourth, fifth] = segments;
  const next = () => safeNextPath(new URLSearchParams(search).get(NEXT_PARAM));

  if (segments.length === 0 || (segments.length === 1 && first === 'index.html')) return { kind: 'dashboard' };
  if (segments.length === 1) {
    if (first === 'connexion') return { kind: 'login', next: next() };
    if (first === 'inscription') return { kind: 'signup', next: next() };
    if (first === 'compte') return { kind: 'account' };
    if (first === 'modeles') return { kind: 'templates' };
    if (first === 'recherche') return { kind: 'search', query: new URLSearchParams(search).get('q')?.trim() ?? '' };
  }
  if (first === 'invitation' && segments.length === 2) {
    const token = decodeSegment(second ?? '');
    return token ? { kind: 'invitation', token } : { kind: 'not-found' };
  }
  if (first !== 'amis' || second === undefined) return { kind: 'not-found' };
  if (segments.length === 2 && second === 'nouveau') return { kind: 'ami-new' };
  if (!isId(second)) return { kind: 'not-found' };
  const amiId = second;
  if (segments.length === 2) return { kind: 'ami', amiId };
  if (segments.length === 3 && third === 'modifier') return { kind: 'ami-edit', amiId };
  if (segments.length === 3 && third === 'texte') return { kind: 'ami-text', amiId };
  if (third === 'evaluation') {
    if (segments.length === 3) return { kind: 'evaluation', amiId, boardId: null };
    return segments.length === 4 && isId(fourth) ? { kind: 'evaluation', amiId, boardId: fourth } : { kind: 'not-found' };
  }
  if (third !== 'tableaux' || fourth === undefined) return { kind: 'not-found' };
  if (segments.length === 4 && fourth === 'nouveau') return { kind: 'board-new', amiId };
  if (!isId(fourth)) return { kind: 'not-found' };
  if (segments.length === 4) return { kind: 'board', amiId, boardId: fourth };
  if (segments.length === 5 && fifth === 'modifier') return { kind: 'board-edit', amiId, boardId: fourth };
  return { kind: 'not-found' };
}
