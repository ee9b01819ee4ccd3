/**
 * Versions in two real browsers through the real server. On a board, A (an editor) names a
 * version, changes the board, previews the version, compares it with now and restores it; B, on
 * the same board in another browser context, sees the old content come back live. On the AMI
 * text, its owner names a version, writes, and previews and compares it.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { waitFor, type ProviderClient } from '../server/src/testing/clients.ts';
import { addSticky, connectAs, openBoardAs, stickyTexts, waitForListed, waitForShapes } from './support/board.ts';
import { DEMO, signInToDemoAmi } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForBadge, waitForHeading } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

const KEPT = 'Capteurs acoustiques';
const LATER = 'Télérelève des compteurs';
const LABEL = 'avant le vote';
const TEXT_LABEL = 'envoyée au comité de sélection';
const TEXT_ADDITION = 'Une phrase écrite après la version nommée.';

const panelOf = (page: Page) => page.getByTestId('versions-panel');
const dialogOf = (page: Page) => page.locator('dialog[open]');

async function openPanel(page: Page): Promise<Locator> {
  const panel = panelOf(page);
  await panel.getByText('Versions', { exact: true }).click();
  await panel.locator('.versions-list, .versions-panel__content .muted').first().waitFor();
  return panel;
}

async function nameVersion(page: Page, label: string): Promise<void> {
  const panel = panelOf(page);
  await panel.getByLabel('Nommer cette version').fill(label);
  await panel.getByRole('button', { name: 'Nommer', exact: true }).click();
  await panel.getByRole('status').filter({ hasText: `Version « ${label} » enregistrée.` }).waitFor();
  await panel.locator('.versions-list__item--named', { hasText: label }).waitFor();
}

/** The button `action` of the version named `label` (its accessible name says which version). */
const versionButton = (page: Page, action: string, label: string) => panelOf(page).getByRole('button', { name: new RegExp(`^${action} : ${label},`) });

describe('versions', () => {
  // Tall enough for the side panel to show the versions under the workshop tools.
  const e2e = useE2eServer({ context: { viewport: { width: 1280, height: 1300 }, deviceScaleFactor: 1 } });
  const clients: ProviderClient[] = [];

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('restore a board version for everyone connected, after previewing and comparing it', async () => {
    const [pageA, pageB] = (await openBoardAs(e2e, [DEMO.editorSyndicat, DEMO.editorCommune])) as [Page, Page];
    const server = await connectAs(pageB, e2e.server.url);
    clients.push(server);

    await addSticky(pageA, { x: 260, y: 200 }, KEPT);
    await waitForListed(pageB, 'B sees the first sticky', { includes: [KEPT] });

    const panel = await openPanel(pageA);
    await nameVersion(pageA, LABEL);
    expect(await panel.locator('.versions-list__item--named').first().textContent()).toContain('Nommée par Nadia Benali');
    await panel.screenshot({ path: screenshotPath('versions-panel') });

    await addSticky(pageA, { x: 620, y: 200 }, LATER);
    await waitForListed(pageB, 'B sees the second sticky', { includes: [KEPT, LATER] });

    // Preview: the board as it was, drawn by the SVG export.
    await versionButton(pageA, 'Aperçu', LABEL).click();
    const preview = dialogOf(pageA);
    await preview.getByRole('heading', { name: new RegExp(`^Aperçu : ${LABEL}, `) }).waitFor();
    const image = preview.getByRole('img', { name: /tel qu’il était à cette version : 1 forme\.$/ });
    await image.waitFor();
    await waitFor(() => image.evaluate((element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth > 0), 'the preview is drawn');
    await pageA.screenshot({ path: screenshotPath('versions-board-preview') });
    await preview.getByRole('button', { name: 'Fermer' }).click();
    await preview.waitFor({ state: 'detached' });

    // Compare: what was added since.
    await versionButton(pageA, 'Comparer avec maintenant', LABEL).click();
    const compare = dialogOf(pageA);
    const added = compare.getByRole('region', { name: 'Ajoutés depuis cette version (1)' });
    await added.waitFor();
    expect(await added.getByRole('listitem').textContent()).toBe(`Post-it « ${LATER} »`);
    await pageA.screenshot({ path: screenshotPath('versions-board-compare') });
    await pageA.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });

    // Restore, after confirming.
    await versionButton(pageA, 'Restaurer', LABEL).click();
    const confirm = pageA.getByRole('alertdialog', { name: 'Restaurer cette version ?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Le contenu actuel sera remplacé pour tout le monde ; une version « avant restauration » est enregistrée.');
    // Focus starts on « Annuler »: Enter does not replace everyone's content by mistake.
    expect(await pageA.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await pageA.screenshot({ path: screenshotPath('versions-restore-dialog') });
    await confirm.getByRole('button', { name: 'Restaurer', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });

    // B, connected all along, sees the second sticky go; the server holds the version's content.
    await waitForListed(pageB, 'B no longer sees the second sticky', { includes: [KEPT], excludes: [LATER] });
    await waitForShapes(server, 'the server holds the version', (shapes) => shapes.length === 1);
    expect(stickyTexts(server)).toEqual([KEPT]);
    await panel.getByRole('status').filter({ hasText: `Version « ${LABEL} » restaurée.` }).waitFor();
    await panel.locator('.versions-list__item--before-restore').first().waitFor();
    expect(await panel.locator('.versions-list__item--before-restore').first().textContent()).toContain('Avant restauration');
    await pageA.screenshot({ path: screenshotPath('versions-board-restored'), fullPage: true });
  });

  it('preview and compare a version of the AMI text', async () => {
    const page = await e2e.openPage();
    await signInToDemoAmi(page, e2e.server.url, DEMO.owner);
    await page.getByRole('link', { name: 'Texte de l’AMI', exact: true }).click();
    await waitForHeading(page, 'Texte de l’AMI');
    await waitForBadge(page, 'connecté');
    const editor = page.getByTestId('ami-text-editor');
    await editor.locator('h3').first().waitFor();

    const panel = await openPanel(page);
    await nameVersion(page, TEXT_LABEL);
    await panel.screenshot({ path: screenshotPath('versions-text-panel') });

    // A sentence typed at the end of the first paragraph.
    await editor.locator('p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(` ${TEXT_ADDITION}`);

    await versionButton(page, 'Aperçu', TEXT_LABEL).click();
    const preview = dialogOf(page);
    const previewText = preview.getByTestId('version-preview').locator('[aria-readonly="true"]');
    await previewText.locator('h3').first().waitFor();
    expect(await previewText.getAttribute('contenteditable')).toBe('false');
    expect(await previewText.textContent()).not.toContain(TEXT_ADDITION);
    await page.screenshot({ path: screenshotPath('versions-text-preview') });

    // The version exports like the live text, named on its title page.
    await preview.getByRole('button', { name: 'Exporter' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('menuitem', { name: 'Markdown (.md)' }).click()]);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain(TEXT_LABEL);
    expect(markdown).toContain('Présentez la situation qui motive l');
    expect(markdown).not.toContain(TEXT_ADDITION);
    await preview.getByRole('button', { name: 'Fermer' }).click();
    await preview.waitFor({ state: 'detached' });

    await versionButton(page, 'Comparer avec maintenant', TEXT_LABEL).click();
    const compare = dialogOf(page);
    const inserted = compare.locator('ins.version-diff--added').filter({ hasText: 'phrase' });
    await inserted.first().waitFor();
    expect((await compare.locator('.version-block--changed').first().textContent()) ?? '').toContain('[ajouté : ');
    await page.screenshot({ path: screenshotPath('versions-text-compare') });
    await compare.getByLabel('Afficher seulement les blocs qui ont changé').check();
    expect(await compare.locator('.version-block').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('versions-text-compare-changes-only') });
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });

    expect(e2e.pageErrors).toEqual([]);
  });
});
