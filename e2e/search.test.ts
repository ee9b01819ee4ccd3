/**
 * Search in a real browser against the real server: the demo owner searches « capteurs
 * acoustiques » from the header, finds the sticky written on the proposal board, and opening the
 * result shows the board centred on that sticky, selected; a passage of the AMI text opens the
 * text at that passage; someone who is a member of no AMI finds nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addShapes } from '@eprouvette/shared';
import { idSequence, sticky } from '../shared/src/board/testing.ts';
import { fitBounds, worldToScreen } from '../client/src/board/engine/camera.ts';
import { waitFor } from '../server/src/testing/clients.ts';
import { axeViolations, formatViolations } from './support/axe.ts';
import { BOARD, COLOURS, waitForBoard, waitForPixel } from './support/board.ts';
import { DEMO, signInToDemoAmi } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForHeading } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';
import { connectDocument } from './support/sync.ts';

const PROPOSAL = 'Capteurs acoustiques de fuites sur le réseau (LoRaWAN)';
const QUERY = 'capteurs acoustiques';
const NOTE_TEXT = 'Capteurs acoustiques posés sur les conduites principales';
const nextId = idSequence(40);
/** The sticky to find, far from the other one: fitting the whole board would not centre on it. */
const TARGET = sticky(nextId(), { x: 3000, y: 2000, w: 240, h: 240, color: 'jaune', text: NOTE_TEXT });
const DECOY = sticky(nextId(), { x: 0, y: 0, w: 240, h: 240, color: 'rose', text: 'Budget', z: 'U' });

const hitsOf = (page: Page) => page.getByTestId('search-hit');
/** The announced count, its French no-break spaces as plain ones. */
const statusOf = async (page: Page) => (await page.getByTestId('search-status').textContent())?.replace(/[\u00a0\u202f]/g, ' ');

/** Searches from the header's box, as a person does, and waits for the announced count. */
async function searchFromHeader(page: Page, query: string): Promise<void> {
  await page.getByRole('search', { name: 'Rechercher dans Éprouvette' }).getByRole('searchbox', { name: 'Rechercher' }).fill(query);
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Recherche');
  await page.getByTestId('search-status').filter({ hasText: `pour « ${query} »` }).waitFor();
}

/** Searches again until a hit of `kind` shows `text`: the index follows a board within seconds. */
async function searchUntilHit(page: Page, query: string, kind: string, text: string): Promise<void> {
  await searchFromHeader(page, query);
  await waitFor(
    async () => {
      if ((await hitsOf(page).and(page.locator(`[data-kind="${kind}"]`)).filter({ hasText: text }).count()) > 0) return true;
      await page.reload();
      await page.getByTestId('search-status').filter({ hasText: `pour « ${query} »` }).waitFor();
      return false;
    },
    `a ${kind} hit showing « ${text} »`,
    20_000,
  );
}

describe('search', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });

  it('finds the sticky on the proposal board, and opens the board centred on it', async () => {
    const page = await e2e.openPage();
    await signInToDemoAmi(page, e2e.server.url, DEMO.owner);
    const href = await page.getByRole('link', { name: PROPOSAL, exact: true }).getAttribute('href');
    const [, amiId, boardId] = /\/amis\/([a-z2-7]{16})\/tableaux\/([a-z2-7]{16})/.exec(href ?? '') ?? [];
    const writer = await connectDocument(page, e2e.server.url, `ami-${amiId}.board-${boardId}`);
    addShapes(writer.doc, [DECOY, TARGET], null);
    await waitFor(() => writer.provider.synced && writer.doc.getMap('shapes').size === 2, 'the stickies sent');
    // The last one leaving the board: the server reindexes it at once.
    writer.destroy();

    await searchUntilHit(page, QUERY, 'board-item', NOTE_TEXT);
    const item = hitsOf(page).and(page.locator('[data-kind="board-item"]')).filter({ hasText: NOTE_TEXT });
    expect(await item.locator('mark').allTextContents()).toEqual(['Capteurs', 'acoustiques']);
    expect(await item.getByRole('link').textContent()).toBe(PROPOSAL);
    // The AMI (its summary) and the board (its title) match too, all in the demo AMI's group.
    expect(await page.locator('[data-kind="ami"]').count()).toBe(1);
    expect(await page.locator('[data-kind="board"]').getByRole('link').textContent()).toBe(PROPOSAL);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([expect.stringContaining('Expérimentations numériques')]);
    const count = await hitsOf(page).count();
    expect(await statusOf(page)).toBe(`${count} résultats pour « ${QUERY} ».`);
    expect(formatViolations(await axeViolations(page))).toBe('');
    await page.screenshot({ path: screenshotPath('search-results'), fullPage: true });

    await item.getByRole('link').click();
    await waitForHeading(page, PROPOSAL);
    expect(new URL(page.url()).searchParams.get('element')).toBe(TARGET.id);
    await waitForBoard(page);
    const canvas = (await page.locator(BOARD.input).boundingBox())!;
    const camera = fitBounds(TARGET, { width: canvas.width, height: canvas.height });
    const centre = worldToScreen(camera, { x: TARGET.x + TARGET.w / 2, y: TARGET.y + TARGET.h / 2 });
    expect(Math.abs(centre.x - canvas.width / 2)).toBeLessThan(1);
    // The sticky's corner (away from its text) is where the centred view puts it; the other one is out of view.
    const corner = worldToScreen(camera, { x: TARGET.x + 12, y: TARGET.y + 12 });
    await waitForPixel(page, { x: Math.round(corner.x), y: Math.round(corner.y) }, COLOURS.yellow, 'the sticky found, in the middle of the board');
    const decoy = worldToScreen(camera, { x: DECOY.x + DECOY.w, y: DECOY.y + DECOY.h });
    expect(decoy.x < 0 || decoy.y < 0).toBe(true);
    // Selected: the view can come back to it.
    expect(await page.getByRole('button', { name: /^Afficher la sélection/ }).isEnabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('search-board-focus') });
  });

  it('opens the AMI text at the passage found', async () => {
    const page = await e2e.openPage();
    await signInToDemoAmi(page, e2e.server.url, DEMO.reader);
    await searchFromHeader(page, 'recevabilité');
    const passage = hitsOf(page).and(page.locator('[data-kind="text"]')).first();
    expect(await passage.locator('mark').allTextContents()).toEqual(['recevabilité']);
    await passage.getByRole('link').click();
    await waitForHeading(page, 'Texte de l’AMI');
    expect(new URL(page.url()).hash).toMatch(/^#bloc-\d+$/);
    const heading = page.locator('.ProseMirror h3, .ProseMirror h2').filter({ hasText: 'Critères de recevabilité' });
    await waitFor(
      async () => {
        const box = await heading.boundingBox();
        return box !== null && box.y >= 0 && box.y < 200;
      },
      'the passage scrolled to the top of the window',
      20_000,
    );
    await page.screenshot({ path: screenshotPath('search-text-passage') });
  });

  it('finds nothing for someone who is a member of no AMI', async () => {
    const page = await e2e.openPage();
    const signup = await page.request.post(`${e2e.server.url}/api/auth/signup`, {
      headers: { origin: e2e.server.url },
      data: { name: 'Paul Extérieur', email: 'paul.exterieur@essai.example', organisation: { name: 'Commune de Desvres', type: 'commune' }, password: 'un mot de passe solide' },
    });
    expect(signup.status()).toBe(201);
    await page.goto(`${e2e.server.url}/`);
    await waitForHeading(page, 'Mes AMI');
    await searchFromHeader(page, QUERY);
    expect(await statusOf(page)).toBe(`Aucun résultat pour « ${QUERY} ».`);
    expect(await hitsOf(page).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('search-no-results') });

    // Narrow screens: the search box takes its own line in the header.
    await page.setViewportSize({ width: 420, height: 800 });
    await page.screenshot({ path: screenshotPath('search-no-results-narrow') });
    expect(e2e.pageErrors).toEqual([]);
  });
});
