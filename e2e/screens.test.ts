/**
 * Visits every screen of accounts, AMIs and boards on the demo data and saves a full-page
 * screenshot of each into e2e/screenshots/ for a person to look at; checks what each must show.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, DEMO_AMI_TITLE, WORKSHOP_BOARD, openBoard, openDemoAmi, signIn, signInToBoard, signInToDemoAmi } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { addSticky, COLOURS, waitForBoard, waitForPixel } from './support/board.ts';
import { waitForBadge } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

describe('screens', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  const shoot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name), fullPage: true });
  const heading = (page: Page) => page.textContent('h1');

  it('login and sign-up pages, with French errors next to the fields', async () => {
    const page = await e2e.openPage();
    await page.goto(`${e2e.server.url}/`);
    await page.waitForURL(/\/connexion$/);
    expect(await heading(page)).toBe('Connexion');
    expect(await page.title()).toBe('Connexion — Éprouvette');
    await shoot(page, 'login');

    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="login-form"] [aria-invalid="true"]');
    expect(await page.textContent('[data-testid="login-form"] [role="alert"]')).toContain('Certains champs sont invalides');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await shoot(page, 'login-errors');

    await page.click('text=Créer un compte');
    await page.waitForURL(/\/inscription$/);
    await page.fill('input[name="password"]', 'court');
    await page.click('[data-testid="signup-form"] button[type="submit"]');
    await page.waitForSelector('text=Le mot de passe doit compter au moins 12 caractères.');
    await shoot(page, 'signup');
  });

  it('dashboard, AMI page and forms as the owner (platform admin)', async () => {
    const page = await e2e.openPage();
    await signIn(page, e2e.server.url, DEMO.owner);
    expect(await page.textContent('[data-testid="signed-in-as"]')).toContain('Claire Vasseur');
    expect(await page.textContent('h2')).toBe("Gestion de l'eau");
    const card = await page.textContent('[data-testid="ami-card"]');
    expect(card).toContain('Ateliers');
    expect(card?.replace(/[\u00a0\u202f]/g, ' ')).toContain('600 000 €');
    expect(card).toContain('5 tableaux');
    await page.getByRole('link', { name: 'Nouvel AMI' }).waitFor();
    await shoot(page, 'dashboard');

    await openDemoAmi(page);
    await page.waitForSelector('[data-testid="members"] li[data-member]');
    await page.waitForSelector('[data-testid="invitations"]');
    expect(await page.getByRole('button', { name: 'Passer au statut « Sélection / évaluation »' }).count()).toBe(1);
    await shoot(page, 'ami-owner');

    await page.getByRole('link', { name: 'Modifier l’AMI' }).click();
    await page.waitForSelector('[data-testid="ami-form"]');
    expect(await page.inputValue('input[name="title"]')).toBe(DEMO_AMI_TITLE);
    await page.fill('input[name="dates.closesOn"]', '2026-09-01');
    await page.click('[data-testid="ami-form"] button[type="submit"]');
    await page.waitForSelector('text=La date limite de candidature doit suivre la date d’ouverture.');
    await shoot(page, 'ami-edit');

    await page.goto(`${e2e.server.url}/amis/nouveau`);
    await page.waitForSelector('[data-testid="ami-form"]');
    await shoot(page, 'ami-new');

    await page.goto(`${e2e.server.url}/`);
    await page.click('summary:has-text("Ajouter un domaine")');
    await shoot(page, 'dashboard-add-domain');
  });

  it('AMI page, new board form, editable board and AMI text as an editor', async () => {
    const page = await e2e.openPage();
    await signInToDemoAmi(page, e2e.server.url, DEMO.editorSyndicat);
    expect(await page.locator('[data-testid="members"]').count()).toBe(0);
    expect(await page.locator('[data-testid="invitations"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Modifier l’AMI' }).count()).toBe(0);
    await shoot(page, 'ami-editor');

    await page.getByRole('link', { name: 'Nouveau tableau' }).click();
    await page.waitForSelector('[data-testid="board-form"]');
    await shoot(page, 'board-new');

    await page.goBack();
    await openBoard(page, WORKSHOP_BOARD);
    await waitForBadge(page, 'connecté');
    await waitForBoard(page);
    expect(await page.locator('[data-testid="read-only-badge"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Post-it (N)', exact: true }).isDisabled()).toBe(false);
    await addSticky(page, { x: 260, y: 200 }, 'Idée : capteurs acoustiques sur les conduites principales.');
    await waitForPixel(page, { x: 175, y: 115 }, COLOURS.yellow, 'the new sticky should be drawn');
    await waitForBoard(page);
    await shoot(page, 'board-editable');

    await page.getByRole('link', { name: `Retour à l’AMI « ${DEMO_AMI_TITLE} »` }).click();
    await page.getByRole('link', { name: 'Texte de l’AMI' }).click();
    await page.waitForSelector('[data-testid="ami-text"] h3');
    expect(await page.textContent('[data-testid="ami-text"] h2')).toBe(DEMO_AMI_TITLE);
    expect(await page.locator('[data-testid="ami-text"] h3').allTextContents()).toContain('Critères de sélection');
    await shoot(page, 'ami-text');
  });

  it('board read-only for the commenter, board edit form for the owner', async () => {
    const page = await e2e.openPage();
    await signInToBoard(page, e2e.server.url, DEMO.commenter);
    await waitForBadge(page, 'connecté');
    await page.waitForSelector('[data-testid="read-only-badge"]');
    expect(await page.textContent('[data-testid="read-only-badge"]')).toBe('Lecture seule');
    expect(await page.textContent('[data-testid="board-read-only"]')).toContain('commentateur');
    for (const name of ['Post-it (N)', 'Rectangle (R)', 'Supprimer (Suppr)']) {
      expect(await page.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
    }
    await waitForBoard(page);
    await shoot(page, 'board-read-only');

    const owner = await e2e.openPage();
    await signInToBoard(owner, e2e.server.url, DEMO.owner);
    await owner.getByRole('link', { name: 'Modifier le tableau' }).click();
    await owner.waitForSelector('[data-testid="board-form"]');
    await shoot(owner, 'board-edit');
  });

  it('invitation landing and account page', async () => {
    const owner = await e2e.openPage();
    await signInToDemoAmi(owner, e2e.server.url, DEMO.owner);
    await owner.click('[data-testid="invitations"] button[type="submit"]');
    const url = await owner.inputValue('[data-testid="created-link"] [data-testid="copy-value"]');
    await shoot(owner, 'ami-invitation-created');

    const guest = await e2e.openPage();
    await guest.goto(url);
    await guest.waitForSelector('[data-testid="invitation-role"]');
    expect(await guest.textContent('[data-testid="invitation-role"]')).toBe('éditeur');
    await shoot(guest, 'invitation');

    await owner.goto(`${e2e.server.url}/compte`);
    await owner.waitForSelector('text=Télécharger mes données');
    await shoot(owner, 'account');
  });

  it('narrow screens and English', async () => {
    const page = await e2e.openPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, e2e.server.url, DEMO.owner);
    await shoot(page, 'dashboard-mobile');
    await openDemoAmi(page);
    await page.waitForSelector('[data-testid="members"] li[data-member]');
    await shoot(page, 'ami-owner-mobile');
    await openBoard(page, WORKSHOP_BOARD);
    await waitForBoard(page);
    await page.screenshot({ path: screenshotPath('board-mobile') });
    await page.goBack();
    await page.waitForSelector('[data-testid="members"] li[data-member]');
    await page.click('button[lang="en"]');
    await page.waitForSelector('text=Invitation links');
    await shoot(page, 'ami-owner-mobile-en');
    await page.click('button[lang="fr"]');
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
