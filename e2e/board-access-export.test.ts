/**
 * The board without a mouse and out of the browser: an editor makes two shapes and joins them with
 * an arrow from the keyboard alone (the « Ajouter au clavier » and « Relier à… » panels), the list
 * view tells what was made, every export of the « Exporter » menu downloads a file that opens as
 * its format, and axe-core finds no WCAG A/AA violation on the board page.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, formatViolations } from './support/axe.ts';
import { BOARD, waitForBoard } from './support/board.ts';
import { DEMO, signInToBoard } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForBadge } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

const STICKY_TEXT = 'Compteurs connectés';
const RECT_TEXT = 'Détection des fuites';

describe('the board by keyboard, its exports and its accessibility', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  let page: Page;

  const createPanel = () => page.getByRole('region', { name: 'Ajouter au clavier' });
  const connectPanel = () => page.getByRole('region', { name: 'Relier à…' });
  const listView = () => page.getByRole('region', { name: /Vue en liste du tableau/ });
  const listEntries = () => listView().locator('[data-outline-id]');

  /** Types into the text editor the placed shape opened, then closes it with Escape. */
  async function typeInEditor(text: string): Promise<void> {
    await page.waitForSelector(`${BOARD.textEditor}:focus`);
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    await page.waitForSelector(BOARD.textEditor, { state: 'detached' });
  }

  /** Presses Enter on an element given focus, as a keyboard user reaching it does. */
  async function pressOn(target: Locator, key = 'Enter'): Promise<void> {
    await target.focus();
    await page.keyboard.press(key);
  }

  it('an editor opens the workshop board', async () => {
    page = await e2e.openPage();
    await signInToBoard(page, e2e.server.url, DEMO.editorSyndicat);
    await waitForBadge(page, 'connecté');
    await waitForBoard(page);
    await expect.poll(() => listView().textContent()).toContain('Le tableau est vide.');
  });

  it('makes a sticky and a rectangle and joins them with the keyboard alone', async () => {
    // The sticky: the panel's type is « Post-it » by default.
    const create = createPanel();
    await pressOn(create.getByRole('button', { name: 'Ajouter un post-it au centre de la vue' }));
    await typeInEditor(STICKY_TEXT);

    // The rectangle: the type chosen with the arrow keys in the closed select.
    const type = create.getByLabel('Type d’élément');
    await type.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await type.inputValue()).toBe('rect');
    await pressOn(create.getByRole('button', { name: 'Ajouter un rectangle au centre de la vue' }));
    await typeInEditor(RECT_TEXT);

    // Moved off the sticky (both were placed at the view centre): Shift+arrows on the board, 10 units a press.
    await page.locator(BOARD.input).focus();
    for (let press = 0; press < 35; press += 1) await page.keyboard.press('Shift+ArrowRight');

    await expect.poll(() => listEntries().count()).toBe(2);

    // The sticky selected from the list view (Space, since Enter on an entry with text opens it for typing).
    const stickyEntry = listEntries().filter({ hasText: STICKY_TEXT });
    await pressOn(stickyEntry, 'Space');
    await expect.poll(() => stickyEntry.getAttribute('aria-current')).toBe('true');

    // « Relier à… »: from the selected sticky to the only other shape, the rectangle.
    const connect = connectPanel();
    await expect.poll(() => connect.textContent()).toContain(`Depuis : `);
    expect(await connect.textContent()).toContain(STICKY_TEXT);
    const target = connect.getByLabel('Élément à relier');
    expect(await target.locator('option:checked').textContent()).toContain(RECT_TEXT);
    await pressOn(connect.getByRole('button', { name: 'Relier', exact: true }));
    await expect.poll(() => connect.getByRole('status').textContent()).toMatch(/^Ajouté : /);

    // The list view: both shapes and the arrow from one to the other.
    await expect.poll(() => listEntries().count()).toBe(3);
    const entries = await listEntries().allTextContents();
    expect(entries.some((entry) => /post-it/i.test(entry) && entry.includes(STICKY_TEXT))).toBe(true);
    expect(entries.some((entry) => /rectangle/i.test(entry) && entry.includes(RECT_TEXT))).toBe(true);
    expect(entries.some((entry) => entry.includes(`Flèche de « ${STICKY_TEXT} » vers « ${RECT_TEXT} »`))).toBe(true);
    expect(await listView().locator('h2').textContent()).toContain('3 éléments');
  });

  it('shows the side panels (screenshot)', async () => {
    await page.screenshot({ path: screenshotPath('board-panels'), fullPage: true });
  });

  describe('every export of the « Exporter » menu opens as its format', () => {
    async function download(label: string): Promise<Buffer> {
      await page.getByRole('button', { name: 'Exporter', exact: true }).click();
      const item = page.getByRole('menuitem', { name: label, exact: true });
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), item.click()]);
      const path = await file.path();
      expect(await file.failure()).toBeNull();
      await expect.poll(() => page.locator('.export-menu__status').textContent()).toMatch(/^Fichier enregistré : /);
      return readFile(path);
    }

    it('PNG of the board', async () => {
      const bytes = await download('Image PNG du tableau');
      expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      expect(bytes.length).toBeGreaterThan(1000);
    });

    it('SVG of the board', async () => {
      const text = (await download('SVG du tableau')).toString('utf8').trim();
      expect(text.startsWith('<?xml') || text.startsWith('<svg')).toBe(true);
      expect(text).toContain('</svg>');
      expect(text.toLowerCase()).not.toContain('<script');
      // The sticky's text, wrapped into one <tspan> per line as on the canvas.
      for (const word of [...STICKY_TEXT.split(' '), ...RECT_TEXT.split(' ')]) expect(text).toContain(word);
      expect(text).toContain('data-type="connector"');
      // It parses as XML in the browser.
      const parsed = await page.evaluate((svg) => {
        const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
        return { error: document.querySelector('parsererror')?.textContent ?? null, root: document.documentElement.localName };
      }, text);
      expect(parsed).toEqual({ error: null, root: 'svg' });
    });

    it('PDF', async () => {
      const bytes = await download('PDF (une page par cadre)');
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
    });

    it('JSON', async () => {
      const json = JSON.parse((await download('Fichier JSON du tableau')).toString('utf8')) as { format?: unknown; shapes?: unknown };
      expect(json.format).toBe('eprouvette-board');
      expect(JSON.stringify(json)).toContain(STICKY_TEXT);
    });
  });

  it('axe-core finds no WCAG A/AA violation on the board page with shapes on it', async () => {
    const violations = await axeViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
