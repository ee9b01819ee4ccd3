/**
 * Two people signed in in two real browsers (two contexts: no BroadcastChannel shortcut between
 * them) edit the notes of the same board of the demo AMI through the real server; the server
 * restarts under them; the text survives.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, WORKSHOP_BOARD, attemptLogin, signIn, signInToBoard, submitLogin } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import {
  SELECTORS,
  presence,
  selfName,
  textValue,
  waitForBadge,
  waitForBadgeNot,
  waitForHeading,
  waitForPeer,
  waitForText,
  waitForTextMatching,
} from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

const TEXT_A = 'Bonjour depuis A : l’équipe de Lille démarre l’essai.';
const TEXT_B = '\nRéponse de B : c’est noté, à jeudi !';
const FULL_TEXT = TEXT_A + TEXT_B;

describe('shared text between two browsers, across a server restart', () => {
  const e2e = useE2eServer({ context: { viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 } });
  let pageA: Page;
  let pageB: Page;
  let nameA: string;
  let nameB: string;
  /** The board's address, once A opened it from the AMI page. */
  let boardPath: string;

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

  it('syncs text both ways between two browser contexts and shows who is here', async () => {
    await waitForBadge(pageA, 'connecté');
    await waitForBadge(pageB, 'connecté');

    await pageA.click(SELECTORS.text);
    await pageA.keyboard.type(TEXT_A);
    await waitForText(pageB, TEXT_A);

    await pageB.click(SELECTORS.text);
    await pageB.keyboard.press('Control+End');
    await pageB.keyboard.type(TEXT_B);
    await waitForText(pageA, FULL_TEXT);
    expect(await textValue(pageB)).toBe(FULL_TEXT);

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
    await pageA.click(SELECTORS.text);
    await pageA.keyboard.press('Control+z');
    // A's typing is undone (at least its last part), B's reply stays, in both browsers.
    for (const page of [pageA, pageB]) {
      await waitForTextMatching(page, 'undo in A should remove A’s text but keep B’s', {
        includes: [TEXT_B],
        excludes: [TEXT_A],
      });
    }
    await pageA.keyboard.press('Control+Shift+z');
    await waitForText(pageA, FULL_TEXT);
    await waitForText(pageB, FULL_TEXT);
  });

  it('shows the loss of the server, reconnects to a restarted server and keeps the text', async () => {
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
    expect(await textValue(pageA)).toBe(FULL_TEXT);
    expect(await textValue(pageB)).toBe(FULL_TEXT);

    // A fresh browser (small screen) opening the board after the restart gets the text.
    const pageC = await e2e.openPage({ viewport: { width: 390, height: 844 } });
    await signIn(pageC, e2e.server.url, DEMO.editorCommune);
    await pageC.goto(`${e2e.server.url}${boardPath}`);
    await waitForBadge(pageC, 'connecté');
    await waitForText(pageC, FULL_TEXT);
    await pageC.screenshot({ path: screenshotPath('document-c-mobile'), fullPage: true });

    // Editing still flows after the restart.
    await pageA.click(SELECTORS.text);
    await pageA.keyboard.press('Control+End');
    await pageA.keyboard.type(' Suite.');
    await waitForText(pageB, `${FULL_TEXT} Suite.`);
    await waitForText(pageC, `${FULL_TEXT} Suite.`);
  });

  it('keeps the text on disk: a new server with no browser left reloads it', async () => {
    // Above, A and B could have re-sent the text on reconnection; here nobody can.
    await e2e.closePages();
    expect(await e2e.server.stop('SIGTERM'), e2e.server.output()).toBe(0);
    await e2e.startServer();
    const pageD = await e2e.openPage();
    await signIn(pageD, e2e.server.url, DEMO.admin);
    await pageD.goto(`${e2e.server.url}${boardPath}`);
    await waitForBadge(pageD, 'connecté');
    await waitForText(pageD, `${FULL_TEXT} Suite.`);
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
