/**
 * « Mon compte »: change the password, download my data (RGPD), log out everywhere, delete the
 * account — each with its French messages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startChildServer, type ChildServer } from '../server/src/testing/child-server.ts';
import { launchBrowser } from './support/browser.ts';
import { DEMO, DEMO_AMI_TITLE, WORKSHOP_BOARD, openBoard, openDemoAmi, signIn, submitLogin } from './support/demo.ts';
import { waitForBadge } from './support/pages.ts';
import { assertClientBuilt } from './support/paths.ts';

const NEW_PASSWORD = 'un nouveau mot de passe bien long';

describe('my account', () => {
  let dataDir: string;
  let server: ChildServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let page: Page;

  const openPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR', acceptDownloads: true });
    contexts.push(context);
    const opened = await context.newPage();
    opened.on('pageerror', (error) => pageErrors.push(`${opened.url()}: ${error.message}`));
    return opened;
  };
  const h1 = (text: string) => page.waitForFunction((expected) => document.querySelector('h1')?.textContent === expected, text);

  beforeAll(async () => {
    assertClientBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'eprouvette-e2e-'));
    server = await startChildServer({ EPROUVETTE_DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop('SIGTERM');
    if (process.env.EPROUVETTE_E2E_LOG) console.log(server?.output());
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows who I am and changes my password', async () => {
    page = await openPage();
    await signIn(page, server.url, DEMO.editorCommune);
    await page.getByRole('link', { name: 'Mon compte' }).click();
    await h1('Mon compte');
    const identity = await page.textContent('section[aria-labelledby="identity-title"]');
    expect(identity).toContain('Thomas Caron');
    expect(identity).toContain(DEMO.editorCommune);
    expect(identity).toContain('Commune de Fontaine-lès-Boulans (Commune)');

    const form = page.locator('section[aria-labelledby="password-title"]');
    await form.getByLabel('Mot de passe actuel').fill('pas le bon');
    await form.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await form.locator('.field__error').waitFor();
    expect(await form.locator('.field__error').textContent()).toContain('Mot de passe incorrect.');
    await form.getByLabel('Mot de passe actuel').fill('eprouvette-demo');
    await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.waitForSelector('text=Mot de passe changé.');
  });

  it('downloads my data as a JSON file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger mes données' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^eprouvette-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.account.email).toBe(DEMO.editorCommune);
    expect(data.memberships.map((membership: { amiTitle: string }) => membership.amiTitle)).toEqual([DEMO_AMI_TITLE]);
  });

  it('logs out everywhere: another browser open on a board is sent to the login page, then back', async () => {
    const other = await openPage();
    await signIn(other, server.url, DEMO.editorCommune, NEW_PASSWORD);
    await openDemoAmi(other);
    await openBoard(other, WORKSHOP_BOARD);
    await waitForBadge(other, 'connecté');
    const boardPath = new URL(other.url()).pathname;

    await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
    await page.locator('.confirm').getByRole('button', { name: 'Se déconnecter partout' }).click();
    await h1('Connexion');
    expect(await page.textContent('[role="status"]')).toContain('Vous avez été déconnecté de tous vos appareils.');

    // The server closes the other browser's board socket (4401): it asks who it is, learns it is
    // signed out, and shows the login page, which leads back to the board.
    await other.waitForURL((url) => url.pathname === '/connexion' && url.searchParams.get('suite') === boardPath);
    await submitLogin(other, DEMO.editorCommune, NEW_PASSWORD);
    await other.waitForURL((url) => url.pathname === boardPath);
    await waitForBadge(other, 'connecté');
  });

  it('deletes my account after asking for the password and a confirmation', async () => {
    await submitLogin(page, DEMO.editorCommune, NEW_PASSWORD);
    await page.goto(`${server.url}/compte`);
    const danger = page.locator('section[aria-labelledby="delete-account-title"]');
    await danger.getByLabel('Mot de passe').fill(NEW_PASSWORD);
    await danger.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await page.waitForSelector('text=Cochez cette case pour confirmer la suppression.');
    await danger.getByLabel('Je comprends que la suppression de mon compte est définitive.').check();
    await danger.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await h1('Connexion');
    expect(await page.textContent('[role="status"]')).toContain('Votre compte a été supprimé.');

    await page.fill('[data-testid="login-form"] input[name="email"]', DEMO.editorCommune);
    await page.fill('[data-testid="login-form"] input[name="password"]', NEW_PASSWORD);
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.waitForSelector('text=Adresse e-mail ou mot de passe incorrect.');
  });

  it('raised no uncaught error in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
