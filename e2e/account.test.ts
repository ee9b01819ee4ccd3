/**
 * « Mon compte »: change the password, download my data (RGPD), log out everywhere, delete the
 * account — each with its French messages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, DEMO_AMI_TITLE, attemptLogin, signIn, signInToBoard, submitLogin } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForBadge, waitForHeading } from './support/pages.ts';

const NEW_PASSWORD = 'un nouveau mot de passe bien long';

describe('my account', () => {
  const e2e = useE2eServer({ context: { acceptDownloads: true } });
  let page: Page;

  it('shows who I am and changes my password', async () => {
    page = await e2e.openPage();
    await signIn(page, e2e.server.url, DEMO.editorCommune);
    await page.getByRole('link', { name: 'Mon compte' }).click();
    await waitForHeading(page, 'Mon compte');
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
    const other = await e2e.openPage();
    await signInToBoard(other, e2e.server.url, DEMO.editorCommune, { password: NEW_PASSWORD });
    await waitForBadge(other, 'connecté');
    const boardPath = new URL(other.url()).pathname;

    await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
    await page.locator('.confirm').getByRole('button', { name: 'Se déconnecter partout' }).click();
    await waitForHeading(page, 'Connexion');
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
    await page.goto(`${e2e.server.url}/compte`);
    const danger = page.locator('section[aria-labelledby="delete-account-title"]');
    await danger.getByLabel('Mot de passe').fill(NEW_PASSWORD);
    await danger.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await page.waitForSelector('text=Cochez cette case pour confirmer la suppression.');
    await danger.getByLabel('Je comprends que la suppression de mon compte est définitive.').check();
    await danger.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await waitForHeading(page, 'Connexion');
    expect(await page.textContent('[role="status"]')).toContain('Votre compte a été supprimé.');

    await attemptLogin(page, DEMO.editorCommune, NEW_PASSWORD);
    await page.waitForSelector('text=Adresse e-mail ou mot de passe incorrect.');
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
