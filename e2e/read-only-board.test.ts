/**
 * A commenter's board is read-only in the page and on the server: the canvas's editing tools are
 * off, and even an edit forced through the sync protocol with the commenter's session never
 * reaches an editor in another browser and is absent after a reload.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addShapes, type Shape } from '@eprouvette/shared';
import { waitFor, type ProviderClient } from '../server/src/testing/clients.ts';
import { BOARD, addSticky, fittedOnOpen, clickBoard, COLOURS, connectAs, shapesOf, stickyTexts, waitForBoard, waitForListed, waitForPixel, waitForShapes } from './support/board.ts';
import { DEMO, signIn, signInToBoard } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { SELECTORS, waitForBadge } from './support/pages.ts';

const EDITOR_TEXT = 'Idée retenue : capteurs acoustiques sur les conduites principales.';
const FORCED = 'FORCÉ PAR LA COMMENTATRICE';
const LATER = 'Suite écrite après la tentative.';
const TENTATIVE = 'tentative';

describe('a read-only board', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  let editor: Page;
  let commenter: Page;
  /** The board as the server holds it, read by a client of our own signed in as the editor. */
  let server: ProviderClient;
  const clients: ProviderClient[] = [];
  /** A point inside the editor's sticky, and an empty spot, on the commenter's canvas (which fitted the board in view on opening). */
  let insideSticky: { x: number; y: number };
  let emptySpot: { x: number; y: number };

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('an editor writes on the workshop board; the commenter reads it, marked « Lecture seule »', async () => {
    editor = await e2e.openPage();
    await signInToBoard(editor, e2e.server.url, DEMO.editorSyndicat);
    await waitForBadge(editor, 'connecté');
    await waitForBoard(editor);
    expect(await editor.getByRole('button', { name: 'Post-it (N)', exact: true }).isDisabled()).toBe(false);
    expect(await editor.locator('[data-testid="read-only-badge"]').count()).toBe(0);
    await addSticky(editor, { x: 260, y: 200 }, EDITOR_TEXT);
    server = await connectAs(editor, e2e.server.url);
    clients.push(server);
    await waitForShapes(server, 'the editor’s sticky on the server', () => stickyTexts(server).includes(EDITOR_TEXT));

    commenter = await e2e.openPage();
    await signInToBoard(commenter, e2e.server.url, DEMO.commenter);
    await waitForBadge(commenter, 'connecté');
    await waitForBoard(commenter);
    // The sticky the editor drew spans 160..360 × 100..300 on the board.
    const sticky = [{ x: 160, y: 100, w: 200, h: 200 }];
    insideSticky = await fittedOnOpen(commenter, sticky, { x: 175, y: 115 });
    emptySpot = await fittedOnOpen(commenter, sticky, { x: 500, y: 200 });
    await waitForPixel(commenter, insideSticky, COLOURS.yellow, 'the commenter should see the editor’s sticky');
    await waitForListed(commenter, 'the commenter should hold the editor’s text', { includes: [EDITOR_TEXT] });
    await commenter.waitForSelector('[data-testid="read-only-badge"]');
    expect(await commenter.textContent('[data-testid="read-only-badge"]')).toBe('Lecture seule');
    expect(await commenter.textContent('[data-testid="board-read-only"]')).toContain('Votre rôle de commentateur permet de consulter ce tableau');
    for (const name of ['Post-it (N)', 'Rectangle (R)', 'Flèche (A)', 'Annuler (Ctrl+Z)', 'Supprimer (Suppr)']) {
      expect(await commenter.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
    }
    expect(await commenter.getByRole('button', { name: 'Sélection (V)', exact: true }).isDisabled()).toBe(false);
  });

  it('drawing, typing and deleting on the read-only board change nothing', async () => {
    const before = shapesOf(server).length;
    // The sticky tool's key, then a click on an empty spot.
    await commenter.focus(BOARD.input);
    await commenter.keyboard.press('n');
    await clickBoard(commenter, emptySpot);
    // A double click on the sticky opens no text editor; typing goes nowhere.
    await clickBoard(commenter, insideSticky, { clickCount: 2 });
    expect(await commenter.locator(BOARD.textEditor).count()).toBe(0);
    await commenter.keyboard.type(` ${TENTATIVE}`);
    // Selecting everything and deleting it.
    await commenter.focus(BOARD.input);
    await commenter.keyboard.press('Control+a');
    await commenter.keyboard.press('Delete');
    const items = await waitForListed(commenter, 'the commenter’s board should be unchanged', { includes: [EDITOR_TEXT], excludes: [TENTATIVE] });
    expect(items).toHaveLength(before);
    await waitForPixel(commenter, insideSticky, COLOURS.yellow, 'the sticky should still be drawn');
    await waitForPixel(commenter, emptySpot, COLOURS.white, 'no sticky should be drawn where the commenter clicked');
    expect(shapesOf(server)).toHaveLength(before);
  });

  it('an edit forced through the sync protocol never reaches the editor nor the server', async () => {
    // The commenter's session, used by a client of our own that does not respect read-only.
    const forced = await connectAs(commenter, e2e.server.url);
    clients.push(forced);
    const original = shapesOf(server).find((shape) => shape.type === 'sticky');
    if (original === undefined) throw new Error('the editor’s sticky is gone');
    addShapes(forced.doc, [{ ...original, id: 'zzzzzzzzzzzzzzzz', x: original.x + 400, text: FORCED } as Shape], {});
    // The forced sticky is in that client's own copy only.
    expect(stickyTexts(forced)).toContain(FORCED);
    await waitFor(() => e2e.server.output().includes('update refused: read-only connection'), 'the server to refuse the forced update', 20_000);

    // The editor keeps writing; once the commenter sees that, the server has relayed everything
    // it accepted since the forced edit — which must not include it.
    await addSticky(editor, { x: 260, y: 520 }, LATER);
    await waitForListed(commenter, 'the commenter should receive the editor’s later sticky', { includes: [EDITOR_TEXT, LATER], excludes: [FORCED] });
    await waitForListed(editor, 'the editor should never see the forced sticky', { includes: [EDITOR_TEXT, LATER], excludes: [FORCED] });
    await waitForShapes(server, 'the server should hold the later sticky', () => stickyTexts(server).includes(LATER));
    expect(stickyTexts(server).sort()).toEqual([EDITOR_TEXT, LATER].sort());
    await waitForPixel(editor, { x: 575, y: 115 }, COLOURS.white, 'the editor should draw nothing where the forced sticky would be');
    expect(await commenter.textContent(SELECTORS.badge)).toBe('connecté');
  });

  it('after a reload, the commenter gets the server’s board, without the forced edit', async () => {
    await commenter.reload();
    await waitForBadge(commenter, 'connecté');
    await waitForBoard(commenter);
    await waitForListed(commenter, 'the reloaded commenter should hold the server’s board', { includes: [EDITOR_TEXT, LATER], excludes: [FORCED] });
    await commenter.waitForSelector('[data-testid="read-only-badge"]');
    // A third browser, signed in as another editor, sees the same.
    const other = await e2e.openPage();
    await signIn(other, e2e.server.url, DEMO.editorCommune);
    await other.goto(commenter.url());
    await waitForBadge(other, 'connecté');
    await waitForBoard(other);
    const items = await waitForListed(other, 'another editor should hold the server’s board', { includes: [EDITOR_TEXT, LATER], excludes: [FORCED] });
    expect(items).toHaveLength(2);
    expect(stickyTexts(server).sort()).toEqual([EDITOR_TEXT, LATER].sort());
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
