import { describe, expect, it } from 'vitest';
import { isPublicRoute, parseRoute, paths, safeNextPath } from './routes.ts';

const AMI = 'mzxw6ytbojtg633c';
const BOARD = 'aaaqeayeaudaocaj';
const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567';

describe('parseRoute', () => {
  it('recognises every page and round-trips the paths it builds', () => {
    const cases: [string, ReturnType<typeof parseRoute>][] = [
      [paths.dashboard, { kind: 'dashboard' }],
      [paths.login(), { kind: 'login', next: null }],
      [paths.signup(), { kind: 'signup', next: null }],
      [paths.amiNew, { kind: 'ami-new' }],
      [paths.ami(AMI), { kind: 'ami', amiId: AMI }],
      [paths.amiEdit(AMI), { kind: 'ami-edit', amiId: AMI }],
      [paths.amiText(AMI), { kind: 'ami-text', amiId: AMI }],
      [paths.evaluation(AMI), { kind: 'evaluation', amiId: AMI, boardId: null }],
      [paths.proposalScoring(AMI, BOARD), { kind: 'evaluation', amiId: AMI, boardId: BOARD }],
      [paths.boardNew(AMI), { kind: 'board-new', amiId: AMI }],
      [paths.board(AMI, BOARD), { kind: 'board', amiId: AMI, boardId: BOARD }],
      [paths.boardEdit(AMI, BOARD), { kind: 'board-edit', amiId: AMI, boardId: BOARD }],
      [paths.invitation(TOKEN), { kind: 'invitation', token: TOKEN }],
      [paths.account, { kind: 'account' }],
      [paths.search(''), { kind: 'search', query: '' }],
      [paths.templates, { kind: 'templates' }],
    ];
    for (const [path, route] of cases) expect(parseRoute(path, '')).toEqual(route);
  });

  it('matches the French paths of the issue', () => {
    expect(parseRoute('/connexion', '')).toEqual({ kind: 'login', next: null });
    expect(parseRoute('/inscription', '')).toEqual({ kind: 'signup', next: null });
    expect(parseRoute('/compte', '')).toEqual({ kind: 'account' });
    expect(parseRoute('/modeles', '')).toEqual({ kind: 'templates' });
    expect(parseRoute(`/amis/${AMI}/tableaux/${BOARD}/modifier`, '')).toEqual({ kind: 'board-edit', amiId: AMI, boardId: BOARD });
    expect(parseRoute('/index.html', '')).toEqual({ kind: 'dashboard' });
    expect(parseRoute(`/amis/${AMI}/evaluation/${BOARD}`, '')).toEqual({ kind: 'evaluation', amiId: AMI, boardId: BOARD });
    expect(parseRoute('/recherche', '?q=capteurs')).toEqual({ kind: 'search', query: 'capteurs' });
  });

  it('carries the search query, trimmed and encoded', () => {
    const path = paths.search('  capteurs & réseau ?  ');
    expect(path).toBe('/recherche?q=capteurs%20%26%20r%C3%A9seau%20%3F');
    const url = new URL(path, 'http://localhost');
    expect(parseRoute(url.pathname, url.search)).toEqual({ kind: 'search', query: 'capteurs & réseau ?' });
  });

  it('accepts a trailing slash', () => {
    expect(parseRoute(`/amis/${AMI}/`, '')).toEqual({ kind: 'ami', amiId: AMI });
    expect(parseRoute('/compte/', '')).toEqual({ kind: 'account' });
  });

  it('refuses malformed ids and unknown pages', () => {
    for (const path of [
      '/amis',
      '/amis/42',
      `/amis/${AMI.toUpperCase()}`,
      `/amis/${AMI}/tableaux`,
      `/amis/${AMI}/tableaux/x`,
      `/amis/${AMI}/tableaux/${BOARD}/supprimer`,
      `/amis/${AMI}/autre`,
      `/amis/${AMI}/evaluation/x`,
      `/amis/${AMI}/evaluation/${BOARD}/modifier`,
      '/d/atelier-lille',
      '/invitation',
      '/invitation/a/b',
      '/invitation/%E0%A4%A',
      '/admin',
    ]) {
      expect(parseRoute(path, ''), path).toEqual({ kind: 'not-found' });
    }
  });

  it('reads where to go back to after signing in', () => {
    const next = paths.board(AMI, BOARD);
    expect(paths.login(next)).toBe(`/connexion?suite=${encodeURIComponent(next)}`);
    expect(parseRoute('/connexion', `?suite=${encodeURIComponent(next)}`)).toEqual({ kind: 'login', next });
    expect(parseRoute('/inscription', '?suite=%2Fcompte')).toEqual({ kind: 'signup', next: '/compte' });
    expect(paths.login('/')).toBe('/connexion');
  });
});

describe('safeNextPath', () => {
  it('keeps paths of this site', () => {
    expect(safeNextPath('/compte')).toBe('/compte');
    expect(safeNextPath(`/invitation/${TOKEN}`)).toBe(`/invitation/${TOKEN}`);
    expect(safeNextPath(`/amis/${AMI}?onglet=1#membres`)).toBe(`/amis/${AMI}?onglet=1#membres`);
  });

  it('drops anything that leaves the site or loops back to signing in', () => {
    for (const raw of [null, '', 'compte', '//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example', 'javascript:alert(1)', '/connexion', '/inscription?suite=/compte', '/nimporte-quoi']) {
      expect(safeNextPath(raw), String(raw)).toBeNull();
    }
  });
});

describe('isPublicRoute', () => {
  it('lets anyone see sign-in, sign-up and invitation pages, and nothing else', () => {
    expect(isPublicRoute({ kind: 'login', next: null })).toBe(true);
    expect(isPublicRoute({ kind: 'signup', next: null })).toBe(true);
    expect(isPublicRoute({ kind: 'invitation', token: TOKEN })).toBe(true);
    expect(isPublicRoute({ kind: 'dashboard' })).toBe(false);
    expect(isPublicRoute({ kind: 'ami', amiId: AMI })).toBe(false);
    expect(isPublicRoute({ kind: 'account' })).toBe(false);
  });
});
