/**
 * Two people signed in in two real browsers (two contexts: no BroadcastChannel shortcut between
 * them) edit the notes of the same board of the demo AMI through the real server; the server
 * restarts under them; the text survives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startChildServer, type ChildServer } from '../server/src/testing/child-server.ts';
import { launchBrowser } from './support/browser.ts';
import { DEMO, WORKSHOP_BOARD, openBoard, openDemoAmi, signIn, submitLogin } from './support/demo.ts';
import {
  SELECTORS,
  presence,
  selfName,
  textValue,
  waitForBadge,
  waitForBadgeNot,
  waitForPeer,
  waitForText,
  waitForTextMatching,
} from './support/pages.ts';
import { assertClientBuilt, screenshotPath } from './support/paths.ts';

const TEXT_A = 'Bonjour depuis A : l’équipe de Lille démarre l’essai.';
const TEXT_B = '\nRéponse de B : c’est noté, à jeudi !';
const FULL_TEXT = TEXT_A + TEXT_B;

describe('shared text between two browsers, across a server restart', () => {
  let dataDir: string;
  let browser: Browser | undefined;
  const servers: ChildServer[] = [];
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let server: ChildServer;
  let port: number;
  let pageA: Page;
  let pageB: Page;
  let nameA: string;
  let nameB: string;
  /** The board's address, once A opened it from the AMI page. */
  let boardPath: string;

  const startServer = async (options: { port?: number } = {}) => {
    const started = await startChildServer({ EPROUVETTE_DATA_DIR: dataDir }, options);
    servers.push(started);
    return started;
  };

  const openPage = async (viewport = { width: 1280, height: 820 }): Promise<Page> => {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext({ viewport, locale: 'fr-FR', deviceScaleFactor: 1 });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };

  beforeAll(async () => {
    assertClientBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'eprouvette-e2e-'));
    server = await startServer();
    port = Number(new URL(server.url).port);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    for (const started of servers) await started.stop('SIGTERM');
    // EPROUVETTE_E2E_LOG=1 shows what the servers printed, to investigate a failure.
    if (process.env.EPROUVETTE_E2E_LOG) {
      servers.forEach((started, index) => console.log(`--- server ${index + 1} (${started.url}) ---\n${started.output()}`));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the French login page, refuses wrong credentials, and opens a board once signed in', async () => {
    pageA = await openPage();
    await pageA.goto(`${server.url}/`);
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
    await pageA.fill('[data-testid="login-form"] input[name="email"]', DEMO.owner);
    await pageA.fill('[data-testid="login-form"] input[name="password"]', 'pas le bon mot de passe');
    await pageA.click('[data-testid="login-form"] button[type="submit"]');
    await pageA.waitForSelector('[data-testid="login-form"] [role="alert"] p');
    expect(await pageA.textContent('[data-testid="login-form"] [role="alert"]')).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(new URL(pageA.url()).pathname).toBe('/connexion');

    await signIn(pageA, server.url, DEMO.owner);
    await openDemoAmi(pageA);
    await openBoard(pageA, WORKSHOP_BOARD);
    boardPath = new URL(pageA.url()).pathname;
    expect(boardPath).toMatch(/^\/amis\/[a-z2-7]{16}\/tableaux\/[a-z2-7]{16}$/);
    expect(await pageA.title()).toBe(`${WORKSHOP_BOARD} — Éprouvette`);
  });

  it('sends a signed-out visitor of the board to the login page, and back to the board afterwards', async () => {
    pageB = await openPage();
    await pageB.goto(`${server.url}${boardPath}`);
    await pageB.waitForURL((url) => url.pathname === '/connexion' && url.searchParams.get('suite') === boardPath);
    await submitLogin(pageB, DEMO.editorSyndicat);
    await pageB.waitForURL((url) => url.pathname === boardPath);
    await pageB.waitForFunction((title) => document.querySelector('h1')?.textContent === title, WORKSHOP_BOARD);
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
    const exit = await server.stop('SIGTERM');
    expect(exit, server.output()).toBe(0);
    await waitForBadgeNot(pageA, 'connecté');
    await waitForBadgeNot(pageB, 'connecté');
    expect(await pageA.textContent(SELECTORS.badge)).toBe('reconnexion');
    await pageA.screenshot({ path: screenshotPath('document-a-reconnexion'), fullPage: true });

    server = await startServer({ port });
    expect(Number(new URL(server.url).port)).toBe(port);
    await waitForBadge(pageA, 'connecté', 30_000);
    await waitForBadge(pageB, 'connecté', 30_000);
    expect(await textValue(pageA)).toBe(FULL_TEXT);
    expect(await textValue(pageB)).toBe(FULL_TEXT);

    // A fresh browser (small screen) opening the board after the restart gets the text.
    const pageC = await openPage({ width: 390, height: 844 });
    await signIn(pageC, server.url, DEMO.editorCommune);
    await pageC.goto(`${server.url}${boardPath}`);
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
    for (const context of contexts.splice(0)) await context.close();
    expect(await server.stop('SIGTERM'), server.output()).toBe(0);
    server = await startServer();
    const pageD = await openPage();
    await signIn(pageD, server.url, DEMO.admin);
    await pageD.goto(`${server.url}${boardPath}`);
    await waitForBadge(pageD, 'connecté');
    await waitForText(pageD, `${FULL_TEXT} Suite.`);
  });

  it('raised no uncaught error in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
