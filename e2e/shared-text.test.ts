/**
 * Two people signed in in two real browsers (two contexts: no BroadcastChannel shortcut between
 * them) write stickies on the same board of the demo AMI through the real server; the server
 * restarts under them; the stickies survive. What a page holds is read from its canvas (pixels)
 * and its list view; what the server holds, by a sync client of our own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProviderClient } from '../server/src/testing/clients.ts';
import { BOARD, addSticky, fittedOnOpen, clickBoard, COLOURS, connectAs, stickyTexts, waitForBoard, waitForListed, waitForPixel, waitForShapes } from './support/board.ts';
import { DEMO, WORKSHOP_BOARD, attemptLogin, signIn, signInToBoard, submitLogin } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { SELECTORS, presence, selfName, waitForBadge, waitForBadgeNot, waitForHeading, waitForPeer } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

const TEXT_A = 'Bonjour depuis A : l’équipe de Lille démarre l’essai.';
const TEXT_B = 'Réponse de B : c’est noté, à jeudi !';
const SUITE = ' Suite.';
/** Where each sticky is drawn (its centre, where the sticky tool was clicked) and a point inside it. */
const AT_A = { x: 260, y: 200 };
const INSIDE_A = { x: 175, y: 115 };
const AT_B = { x: 660, y: 200 };
const INSIDE_B = { x: 575, y: 115 };

describe('stickies between two browsers, across a server restart', () => {
  const e2e = useE2eServer({ context: { viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 } });
  let pageA: Page;
  let pageB: Page;
  let nameA: string;
  let nameB: string;
  /** The board's address, once A opened it from the AMI page. */
  let boardPath: string;
  /** The board as the server holds it, read by a client of our own signed in as A. */
  let server: ProviderClient;
  const clients: ProviderClient[] = [];

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  const connectServer = async () => {
    server = await connectAs(pageA, e2e.server.url);
    clients.push(server);
  };

  it('serves the French login page, refuses wrong credentials, and opens a board once signed in', async () => {
    pageA = await e2e.openPage();
    await pageA.goto(`${e2e.server.url}/`);
    await pageA.waitForURL(/\/connexion$/);
    expect(await pageA.title()).toBe('Connexion — Éprouvette');
    expect(await pageA.getAttribute('html', 'lang')).toBe('fr');
    expect(await pageA.textContent('h1')).toBe('Connexion');

    // The English switch works, then back to French.
    await pageA.click('button[lang="en"]');
    await pageA.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('h1')?.textContent === 'Log in');
    await pageA.screenshot({ path: screenshotPath('login-en'), fullPage: true });
    await pageA.click('button[lang="fr"]');
    await pageA.waitForFunction(() => document.documentElement.lang === 'fr' && document.querySelector('h1')?.textContent === 'Connexion');

    // A wrong password is refused with the server's French message and no navigation.
    await attemptLogin(pageA, DEMO.owner, 'pas le bon mot de passe');
    await pageA.waitForSelector('[data-testid="login-form"] [role="alert"] p');
    expect(await pageA.textContent('[data-testid="login-form"] [role="alert"]')).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(new URL(pageA.url()).pathname).toBe('/connexion');

    await signInToBoard(pageA, e2e.server.url, DEMO.owner);
    boardPath = new URL(pageA.url()).pathname;
    expect(boardPath).toMatch(/^\/amis\/[a-z2-7]{16}\/tableaux\/[a-z2-7]{16}$/);
    expect(await pageA.title()).toBe(`${WORKSHOP_BOARD} — Éprouvette`);
  });

  it('sends a signed-out visitor of the board to the login page, and back to the board afterwards', async () => {
    pageB = await e2e.openPage();
    await pageB.goto(`${e2e.server.url}${boardPath}`);
    await pageB.waitForURL((url) => url.pathname === '/connexion' && url.searchParams.get('suite') === boardPath);
    await submitLogin(pageB, DEMO.editorSyndicat);
    await pageB.waitForURL((url) => url.pathname === boardPath);
    await waitForHeading(pageB, WORKSHOP_BOARD);
  });

  it('syncs stickies both ways between two browser contexts and shows who is here', async () => {
    for (const page of [pageA, pageB]) {
      await waitForBadge(page, 'connecté');
      await waitForBoard(page);
    }
    await connectServer();
    expect(stickyTexts(server)).toEqual([]);

    await addSticky(pageA, AT_A, TEXT_A);
    await waitForPixel(pageB, INSIDE_A, COLOURS.yellow, 'B should draw A’s sticky');
    await waitForListed(pageB, 'B should hold A’s text', { includes: [TEXT_A] });

    await addSticky(pageB, AT_B, TEXT_B);
    await waitForPixel(pageA, INSIDE_B, COLOURS.yellow, 'A should draw B’s sticky');
    await waitForListed(pageA, 'A should hold both texts', { includes: [TEXT_A, TEXT_B] });
    await waitForShapes(server, 'the server should hold both stickies', () => [TEXT_A, TEXT_B].every((text) => stickyTexts(server).includes(text)));
    expect(stickyTexts(server).sort()).toEqual([TEXT_A, TEXT_B].sort());

    nameA = await selfName(pageA);
    nameB = await selfName(pageB);
    await waitForPeer(pageA, nameB);
    await waitForPeer(pageB, nameA);
    expect([nameA, nameB]).toEqual(['Claire Vasseur', 'Nadia Benali']);
    expect((await presence(pageA)).map((chip) => chip.name).sort()).toEqual([nameA, nameB].sort());

    expect(await pageA.textContent(SELECTORS.badge)).toBe('connecté');
    expect(await pageB.textContent(SELECTORS.badge)).toBe('connecté');
    expect(await pageA.getAttribute('[data-testid="connection"]', 'role')).toBe('status');
    await pageA.screenshot({ path: screenshotPath('document-a'), fullPage: true });
    await pageB.screenshot({ path: screenshotPath('document-b'), fullPage: true });
  });

  it('undoes only its own edits (Ctrl+Z) and redoes them (Ctrl+Shift+Z)', async () => {
    await pageA.focus(BOARD.input);
    await pageA.keyboard.press('Control+z');
    // A's sticky is undone (at least its text), B's, created later, stays: in both browsers and on the server.
    for (const page of [pageA, pageB]) {
      await waitForListed(page, 'undo in A should remove A’s text but keep B’s', { includes: [TEXT_B], excludes: [TEXT_A] });
    }
    await waitForShapes(server, 'the server should lose A’s text only', () => !stickyTexts(server).includes(TEXT_A) && stickyTexts(server).includes(TEXT_B));
    await waitForPixel(pageA, INSIDE_B, COLOURS.yellow, 'A should still draw B’s sticky');

    await pageA.keyboard.press('Control+Shift+z');
    for (const page of [pageA, pageB]) {
      await waitForListed(page, 'redo in A should bring A’s text back', { includes: [TEXT_A, TEXT_B] });
    }
    await waitForShapes(server, 'the server should hold both texts again', () => [TEXT_A, TEXT_B].every((text) => stickyTexts(server).includes(text)));
    await waitForPixel(pageB, INSIDE_A, COLOURS.yellow, 'B should draw A’s sticky again');
  });

  it('shows the loss of the server, reconnects to a restarted server and keeps the stickies', async () => {
    // Our own client would re-send the board on reconnection: only the pages may here.
    server.destroy();
    // The restarted server takes the same address, for the open pages to reconnect to it.
    const port = Number(new URL(e2e.server.url).port);
    const exit = await e2e.server.stop('SIGTERM');
    expect(exit, e2e.server.output()).toBe(0);
    await waitForBadgeNot(pageA, 'connecté');
    await waitForBadgeNot(pageB, 'connecté');
    expect(await pageA.textContent(SELECTORS.badge)).toBe('reconnexion');
    await pageA.screenshot({ path: screenshotPath('document-a-reconnexion'), fullPage: true });

    await e2e.startServer({ port });
    expect(Number(new URL(e2e.server.url).port)).toBe(port);
    await waitForBadge(pageA, 'connecté', 30_000);
    await waitForBadge(pageB, 'connecté', 30_000);
    for (const page of [pageA, pageB]) {
      await waitForListed(page, 'each page should still hold both texts', { includes: [TEXT_A, TEXT_B] });
      await waitForPixel(page, INSIDE_A, COLOURS.yellow, 'each page should still draw A’s sticky');
      await waitForPixel(page, INSIDE_B, COLOURS.yellow, 'each page should still draw B’s sticky');
    }
    await connectServer();
    await waitForShapes(server, 'the restarted server should hold both stickies', () => [TEXT_A, TEXT_B].every((text) => stickyTexts(server).includes(text)));

    // A fresh browser (small screen) opening the board after the restart gets the stickies.
    const pageC = await e2e.openPage({ viewport: { width: 390, height: 844 } });
    await signIn(pageC, e2e.server.url, DEMO.editorCommune);
    await pageC.goto(`${e2e.server.url}${boardPath}`);
    await waitForBadge(pageC, 'connecté');
    await waitForBoard(pageC);
    await waitForListed(pageC, 'C should get both texts', { includes: [TEXT_A, TEXT_B] });
    const stickies = [AT_A, AT_B].map(({ x, y }) => ({ x: x - 100, y: y - 100, w: 200, h: 200 }));
    await waitForPixel(pageC, await fittedOnOpen(pageC, stickies, INSIDE_A), COLOURS.yellow, 'C should draw A’s sticky');
    await waitForPixel(pageC, await fittedOnOpen(pageC, stickies, INSIDE_B), COLOURS.yellow, 'C should draw B’s sticky');
    await pageC.screenshot({ path: screenshotPath('document-c-mobile'), fullPage: true });

    // Editing still flows after the restart: A adds to its sticky's text.
    await clickBoard(pageA, AT_A, { clickCount: 2 });
    await pageA.waitForSelector(BOARD.textEditor);
    expect(await pageA.inputValue(BOARD.textEditor)).toBe(TEXT_A);
    await pageA.keyboard.press('Control+End');
    await pageA.keyboard.type(SUITE);
    await pageA.keyboard.press('Escape');
    await pageA.waitForSelector(BOARD.textEditor, { state: 'detached' });
    for (const page of [pageB, pageC]) {
      await waitForListed(page, 'B and C should get A’s addition', { includes: [TEXT_A + SUITE, TEXT_B] });
    }
    await waitForShapes(server, 'the server should hold A’s addition', () => stickyTexts(server).includes(TEXT_A + SUITE));
  });

  it('keeps the stickies on disk: a new server with no browser left reloads them', async () => {
    // Above, A and B could have re-sent the board on reconnection; here nobody can.
    for (const client of clients) client.destroy();
    await e2e.closePages();
    expect(await e2e.server.stop('SIGTERM'), e2e.server.output()).toBe(0);
    await e2e.startServer();
    const pageD = await e2e.openPage();
    await signIn(pageD, e2e.server.url, DEMO.admin);
    await pageD.goto(`${e2e.server.url}${boardPath}`);
    await waitForBadge(pageD, 'connecté');
    await waitForBoard(pageD);
    await waitForListed(pageD, 'D should get both texts from disk', { includes: [TEXT_A + SUITE, TEXT_B] });
    // D opened on a board holding both stickies: it fits them in view.
    const stickies = [AT_A, AT_B].map(({ x, y }) => ({ x: x - 100, y: y - 100, w: 200, h: 200 }));
    await waitForPixel(pageD, await fittedOnOpen(pageD, stickies, INSIDE_A), COLOURS.yellow, 'D should draw A’s sticky');
    await waitForPixel(pageD, await fittedOnOpen(pageD, stickies, INSIDE_B), COLOURS.yellow, 'D should draw B’s sticky');
    const reader = await connectAs(pageD, e2e.server.url);
    clients.push(reader);
    expect(stickyTexts(reader).sort()).toEqual([TEXT_A + SUITE, TEXT_B].sort());
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
