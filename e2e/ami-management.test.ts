/**
 * The owner's side of an AMI through the UI: create one, move its status, create and archive a
 * board, meet the server's refusal to lose the last owner, and delete the AMI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, signIn } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { addShapes, type Shape } from '@eprouvette/shared';
import { waitFor, type ProviderClient } from '../server/src/testing/clients.ts';
import { BOARD as CANVAS, addSticky, clickBoard, connectAs, shapesOf, stickyTexts, waitForBoard, waitForShapes } from './support/board.ts';
import { waitForBadge, waitForHeading } from './support/pages.ts';

const TITLE = 'Pilotage énergétique des écoles 2027';
const BOARD = 'Capteurs de CO₂ dans les écoles';

describe('managing an AMI', () => {
  const e2e = useE2eServer();
  let page: Page;
  let amiPath: string;

  // One person goes through the whole story, each test picking up where the previous one stopped.
  beforeAll(async () => {
    page = await e2e.openPage();
  });
  const clients: ProviderClient[] = [];
  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('a platform admin creates an AMI, whose text is made from the template', async () => {
    await signIn(page, e2e.server.url, DEMO.owner);
    await page.getByRole('link', { name: 'Nouvel AMI' }).click();
    await page.waitForSelector('[data-testid="ami-form"]');
    const form = page.locator('[data-testid="ami-form"]');
    // Nothing chosen: the French messages of the shared schema, next to their fields.
    await form.getByRole('button', { name: 'Créer l’AMI' }).click();
    await page.waitForSelector('text=Le titre doit compter au moins 3 caractères.');
    expect(await page.textContent('[data-testid="ami-form"]')).toContain('Choisissez le domaine de l’AMI.');

    await form.getByLabel('Titre').fill(TITLE);
    await form.getByLabel('Domaine').selectOption({ label: 'Pilotage énergétique' });
    await form.getByLabel('Ouverture des candidatures').fill('2027-01-15');
    await form.getByLabel('Date limite de candidature').fill('2027-03-31');
    await form.getByLabel('Enveloppe (en euros)').fill('450 000');
    await form.getByLabel('Résumé').fill('Capteurs de CO₂ et suivi énergétique des bâtiments scolaires.');
    await form.getByLabel('Capteurs/IoT').check();
    await form.getByRole('button', { name: 'Créer l’AMI' }).click();
    await waitForHeading(page, TITLE);
    amiPath = new URL(page.url()).pathname;
    expect(await page.textContent('.page-header')).toContain('Brouillon');
    expect((await page.textContent('.facts'))?.replace(/[\u00a0\u202f]/g, ' ')).toContain('450 000 €');

    await page.getByRole('link', { name: 'Texte de l’AMI' }).click();
    await page.waitForSelector('[data-testid="ami-text"] h3');
    expect(await page.textContent('[data-testid="ami-text"] h2')).toBe(TITLE);
    expect(await page.textContent('[data-testid="ami-text"]')).toContain('Domaine : Pilotage énergétique');
  });

  it('moves the status forward and back', async () => {
    await page.goto(`${e2e.server.url}${amiPath}`);
    await page.getByRole('button', { name: 'Passer au statut « Publié »' }).click();
    await page.getByRole('button', { name: 'Revenir au statut « Brouillon »' }).waitFor();
    expect(await page.textContent('.status-panel')).toContain('Publié');
    await page.getByRole('button', { name: 'Revenir au statut « Brouillon »' }).click();
    await page.getByRole('button', { name: 'Passer au statut « Publié »' }).waitFor();
  });

  it('keeps its last owner: the server’s refusal is shown in French', async () => {
    const me = page.locator(`[data-testid="members"] li[data-member="${DEMO.owner}"]`);
    await me.locator('select').selectOption('admin');
    await me.getByRole('button', { name: /Changer le rôle/ }).click();
    await page.waitForSelector('[data-testid="members"] [role="alert"] p');
    expect(await page.textContent('[data-testid="members"] [role="alert"]')).toBe(
      'Cet AMI doit garder au moins un propriétaire : nommez-en un autre d’abord.',
    );
  });

  it('creates a board, renames it and archives it: it becomes read-only', async () => {
    await page.getByRole('link', { name: 'Nouveau tableau' }).click();
    const form = page.locator('[data-testid="board-form"]');
    await form.waitFor();
    await form.getByLabel('Titre du tableau').fill('Capteurs CO2');
    await form.getByLabel('Atelier').check();
    await form.getByRole('button', { name: 'Créer le tableau' }).click();
    await waitForHeading(page, 'Capteurs CO2');
    await waitForBadge(page, 'connecté');
    await waitForBoard(page);
    expect(await page.locator('[data-testid="read-only-badge"]').count()).toBe(0);
    await addSticky(page, { x: 260, y: 200 }, 'Capteur par salle de classe');
    const server = await connectAs(page, e2e.server.url);
    clients.push(server);
    await waitForShapes(server, 'the sticky on the new board', () => stickyTexts(server).includes('Capteur par salle de classe'));

    await page.getByRole('link', { name: 'Modifier le tableau' }).click();
    await form.waitFor();
    await form.getByLabel('Titre du tableau').fill(BOARD);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, BOARD);

    await page.getByRole('link', { name: 'Modifier le tableau' }).click();
    await page.getByRole('button', { name: 'Archiver le tableau' }).click();
    await page.locator('.confirm').getByRole('button', { name: 'Archiver le tableau' }).click();
    await page.getByRole('button', { name: 'Désarchiver le tableau' }).waitFor();
    await page.getByRole('link', { name: `Retour au tableau « ${BOARD} »` }).click();
    await page.waitForSelector('[data-testid="read-only-badge"]');
    expect(await page.textContent('[data-testid="board-read-only"]')).toContain('Ce tableau est archivé : il est en lecture seule.');
    expect(await page.textContent('.board-meta')).toContain('Archivé');
    await waitForBadge(page, 'connecté');
    await waitForBoard(page);
    for (const name of ['Post-it (N)', 'Rectangle (R)', 'Supprimer (Suppr)']) {
      expect(await page.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
    }
    // Neither the page's keys nor an update forced with the owner's session change the archived board.
    await page.focus(CANVAS.input);
    await page.keyboard.press('n');
    await clickBoard(page, { x: 600, y: 450 });
    const forced = await connectAs(page, e2e.server.url);
    clients.push(forced);
    const [sticky] = shapesOf(forced);
    addShapes(forced.doc, [{ ...sticky, id: 'zzzzzzzzzzzzzzzz', x: 600, text: 'Écrit sur un tableau archivé' } as Shape], {});
    await waitFor(() => e2e.server.output().includes('update refused: read-only connection'), 'the server to refuse the update', 20_000);
    const reader = await connectAs(page, e2e.server.url);
    clients.push(reader);
    expect(stickyTexts(reader)).toEqual(['Capteur par salle de classe']);
  });

  it('deletes the AMI once its title is typed', async () => {
    await page.goto(`${e2e.server.url}${amiPath}`);
    await page.getByRole('button', { name: 'Supprimer l’AMI…' }).click();
    const confirm = page.getByLabel(`Pour confirmer, saisissez le titre de l’AMI : « ${TITLE} »`);
    await confirm.fill('autre chose');
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.waitForSelector('text=Le titre saisi ne correspond pas.');
    await confirm.fill(TITLE);
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await waitForHeading(page, 'Mes AMI');
    expect(await page.textContent('[role="status"]')).toContain('L’AMI a été supprimé.');
    expect(await page.locator('[data-testid="ami-card"] h3').allTextContents()).not.toContain(TITLE);
    await page.goto(`${e2e.server.url}${amiPath}`);
    await waitForHeading(page, 'Page introuvable');
  });

  it('raised no uncaught error in the page', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
