/**
 * The whiteboard between two people in two browsers (two contexts, two accounts) through the
 * real server: what one draws, moves, recolours, undoes and types, the other sees drawn on their
 * canvas, and the document the server holds agrees. A reader sees the board with its editing
 * tools off, and an update forced with their session is refused by the server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addShapes, connectorEnds, type Shape } from '@eprouvette/shared';
import type { ProviderClient } from '../server/src/testing/clients.ts';
import { addSticky, BOARD, clickBoard, COLOURS, connectAs, dragOnBoard, onPage, openBoardAs, rgb, shapesOf, waitForBoard, waitForPixel, waitForShapes, type Point } from './support/board.ts';
import { DEMO, signInToBoard } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { selfName, waitForBadge, waitForPeer } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

const STICKY_TEXT = 'Capteurs acoustiques';
const ADDED_TEXT = ' sur le réseau';

/** The middle of an arrow, its ends glued to the shapes as `byId` places them. */
function arrowMiddle(shapes: Shape[], byId: Map<string, Shape> = new Map(shapes.map((shape) => [shape.id, shape]))): Point {
  const arrow = shapes.find((shape) => shape.type === 'connector');
  if (arrow?.type !== 'connector') throw new Error('the arrow is gone');
  const { start, end } = connectorEnds(arrow, byId);
  return { x: Math.round((start.x + end.x) / 2), y: Math.round((start.y + end.y) / 2) };
}

const ofType = <T extends Shape['type']>(shapes: Shape[], type: T) => shapes.filter((shape): shape is Extract<Shape, { type: T }> => shape.type === type);

describe('the whiteboard between two browsers', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  const shoot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name) });
  let pageA: Page;
  let pageB: Page;
  /** The board as the server holds it, read by an editor's client of our own. */
  let server: ProviderClient;
  const clients: ProviderClient[] = [];

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  const press = async (page: Page, key: string) => {
    await page.focus(BOARD.input);
    await page.keyboard.press(key);
  };

  const sticky = () => ofType(shapesOf(server), 'sticky')[0];

  it('two editors open the empty workshop board and see each other', async () => {
    [pageA, pageB] = (await openBoardAs(e2e, [DEMO.editorSyndicat, DEMO.editorCommune])) as [Page, Page];
    await waitForPeer(pageA, await selfName(pageB));
    await waitForPeer(pageB, await selfName(pageA));
    server = await connectAs(pageA, e2e.server.url);
    clients.push(server);
    expect(shapesOf(server)).toEqual([]);
    const application = pageA.getByRole('application', { name: /Tableau blanc/ });
    expect(await application.getAttribute('aria-describedby')).not.toBeNull();
  });

  it('a sticky created in A, with its text, appears in B', async () => {
    await addSticky(pageA, { x: 260, y: 200 }, STICKY_TEXT);
    const [note] = await waitForShapes(server, 'the sticky with its text', (shapes) => shapes.some((shape) => shape.type === 'sticky' && shape.text === STICKY_TEXT));
    expect(note).toMatchObject({ type: 'sticky', x: 160, y: 100, w: 200, h: 200, color: 'jaune' });
    await waitForPixel(pageB, { x: 175, y: 115 }, COLOURS.yellow, 'B should draw the new sticky');
  });

  it('B moves it, and A sees it move', async () => {
    await dragOnBoard(pageB, { x: 175, y: 115 }, { x: 425, y: 215 });
    await waitForShapes(server, 'the sticky at its new place', () => sticky()?.x === 410 && sticky()?.y === 200);
    await waitForPixel(pageA, { x: 425, y: 215 }, COLOURS.yellow, 'A should draw the sticky where B put it');
    await waitForPixel(pageA, { x: 175, y: 115 }, COLOURS.white, 'A should no longer draw it where it was');
  });

  it('A’s undo undoes A’s recolouring, not B’s later move', async () => {
    await clickBoard(pageA, { x: 425, y: 215 });
    await pageA.getByRole('radio', { name: 'Rose' }).click();
    await waitForShapes(server, 'the sticky recoloured by A', () => sticky()?.type === 'sticky' && sticky()?.color === 'rose');
    await waitForPixel(pageB, { x: 425, y: 215 }, COLOURS.pink, 'B should draw the sticky pink');

    await dragOnBoard(pageB, { x: 425, y: 215 }, { x: 525, y: 215 });
    await waitForShapes(server, 'the sticky moved again by B', () => sticky()?.x === 510);
    await press(pageA, 'Control+z');
    const undone = await waitForShapes(server, 'A’s recolouring undone', () => sticky()?.type === 'sticky' && sticky()?.color === 'jaune');
    expect(ofType(undone, 'sticky')[0]).toMatchObject({ x: 510, y: 200, text: STICKY_TEXT });
    await waitForPixel(pageA, { x: 525, y: 215 }, COLOURS.yellow, 'A should draw the sticky yellow, where B left it');
    await waitForPixel(pageB, { x: 525, y: 215 }, COLOURS.yellow, 'B should too');
  });

  it('an arrow drawn between two shapes follows when one of them is moved', async () => {
    await press(pageA, 'r');
    await dragOnBoard(pageA, { x: 60, y: 440 }, { x: 180, y: 520 });
    await press(pageA, 'r');
    await dragOnBoard(pageA, { x: 300, y: 440 }, { x: 420, y: 520 });
    await press(pageA, 'a');
    await dragOnBoard(pageA, { x: 120, y: 480 }, { x: 360, y: 480 });
    const drawn = await waitForShapes(server, 'two rectangles joined by an arrow', (shapes) => ofType(shapes, 'connector').length === 1 && ofType(shapes, 'rect').length === 2);
    const [left, right] = ofType(drawn, 'rect').sort((a, b) => a.x - b.x);
    const [arrow] = ofType(drawn, 'connector');
    expect(arrow?.start).toMatchObject({ kind: 'shape', shapeId: left?.id });
    expect(arrow?.end).toMatchObject({ kind: 'shape', shapeId: right?.id });

    await dragOnBoard(pageB, { x: 400, y: 450 }, { x: 400, y: 350 });
    const moved = await waitForShapes(server, 'the right rectangle moved up', (shapes) => shapes.some((shape) => shape.id === right?.id && shape.y === 340));
    const followed = ofType(moved, 'connector')[0];
    expect(followed?.y).toBeLessThan(440);
    const middle = arrowMiddle(moved);
    await waitForPixel(pageA, middle, COLOURS.ink, 'A should draw the arrow to the moved rectangle', { tolerance: 70 });
    await waitForPixel(pageB, middle, COLOURS.ink, 'B should too', { tolerance: 70 });
  });

  it('text typed in a sticky in B appears live in A’s editor of the same sticky (screenshot)', async () => {
    await clickBoard(pageA, { x: 610, y: 240 }, { clickCount: 2 });
    await pageA.waitForSelector(BOARD.textEditor);
    expect(await pageA.inputValue(BOARD.textEditor)).toBe(STICKY_TEXT);
    await clickBoard(pageB, { x: 610, y: 240 }, { clickCount: 2 });
    await pageB.waitForSelector(BOARD.textEditor);
    await pageB.keyboard.press('End');
    await pageB.keyboard.type(ADDED_TEXT);
    await pageA.waitForFunction(([selector, text]) => document.querySelector<HTMLTextAreaElement>(selector)?.value === text, [BOARD.textEditor, STICKY_TEXT + ADDED_TEXT] as const);
    await shoot(pageA, 'board-text-editing');
    for (const page of [pageA, pageB]) {
      await page.keyboard.press('Escape');
      await page.waitForSelector(BOARD.textEditor, { state: 'detached' });
    }
    await waitForShapes(server, 'the sticky’s longer text', () => sticky()?.type === 'sticky' && sticky()?.text === STICKY_TEXT + ADDED_TEXT);
  });

  it('draws every kind of shape (screenshot)', async () => {
    await press(pageA, 'o');
    await dragOnBoard(pageA, { x: 760, y: 40 }, { x: 920, y: 140 });
    await pageA.getByRole('button', { name: 'Losange' }).click();
    await dragOnBoard(pageA, { x: 780, y: 180 }, { x: 920, y: 300 });
    await press(pageA, 'f');
    await dragOnBoard(pageA, { x: 40, y: 50 }, { x: 400, y: 230 });
    await clickBoard(pageA, { x: 120, y: 64 }, { clickCount: 2 });
    await pageA.waitForSelector(BOARD.textEditor);
    await pageA.keyboard.type('Idées du groupe');
    await pageA.keyboard.press('Enter');
    await press(pageA, 'p');
    const pen = await onPage(pageA, { x: 70, y: 120 });
    await pageA.mouse.move(pen.x, pen.y);
    await pageA.mouse.down();
    for (let step = 1; step <= 24; step++) await pageA.mouse.move(pen.x + step * 12, pen.y + Math.sin(step / 2.5) * 35);
    await pageA.mouse.up();
    await press(pageA, 't');
    await clickBoard(pageA, { x: 470, y: 60 });
    await pageA.waitForSelector(BOARD.textEditor);
    await pageA.keyboard.type('Réseau d’eau potable');
    await pageA.keyboard.press('Escape');
    await waitForShapes(server, 'one shape of each kind', (shapes) =>
      ['sticky', 'rect', 'connector', 'ellipse', 'diamond', 'draw', 'frame', 'text'].every((type) => shapes.some((shape) => shape.type === type)),
    );
    await press(pageA, 'Escape');
    await waitForBoard(pageA);
    await waitForBoard(pageB);
    await shoot(pageA, 'board-shapes');
  });

  it('a drag in A moves live in B, and is written once, on drop (screenshot)', async () => {
    const shapes = shapesOf(server);
    const before = shapes.find((shape) => shape.type === 'rect' && shape.x === 60);
    if (before === undefined) throw new Error('the left rectangle is gone');
    await dragOnBoard(pageA, { x: 100, y: 450 }, { x: 100, y: 330 }, { release: false });
    const middle = arrowMiddle(shapes, new Map(shapes.map((shape) => [shape.id, shape.id === before.id ? { ...shape, y: shape.y - 120 } : shape])));
    // B's tiles no longer show it where it was; B's overlay shows it, and its arrow, under A's pointer.
    await waitForPixel(pageB, { x: 61, y: 480 }, COLOURS.white, 'B should lift the dragged rectangle off its place');
    await waitForPixel(pageB, middle, COLOURS.ink, 'B should draw the arrow to where A drags the rectangle', { layer: 'overlay', tolerance: 70 });
    expect(shapesOf(server).find((shape) => shape.id === before.id)).toMatchObject({ x: 60, y: 440 });
    await shoot(pageB, 'board-dragging-two-users');
    await pageA.mouse.up();
    await waitForShapes(server, 'the rectangle where A dropped it', (shapes) => shapes.some((shape) => shape.id === before.id && shape.x === 60 && shape.y === 320));
    await waitForPixel(pageB, middle, COLOURS.ink, 'B should draw the arrow there from the document', { tolerance: 70 });
  });

  it('copies and pastes shapes, and turns pasted text and images into a sticky and an image', async () => {
    const copied = STICKY_TEXT + ADDED_TEXT;
    await clickBoard(pageA, { x: 600, y: 250 });
    await pageA.keyboard.press('Control+c');
    const target = await onPage(pageA, { x: 150, y: 470 });
    await pageA.mouse.move(target.x, target.y);
    await pageA.keyboard.press('Control+v');
    await waitForShapes(server, 'the pasted copy of the sticky', (shapes) => shapes.filter((shape) => shape.type === 'sticky' && shape.text === copied).length === 2);

    // What another application put on the clipboard, pasted with the pointer over an empty spot.
    const spot = await onPage(pageA, { x: 650, y: 480 });
    await pageA.mouse.move(spot.x, spot.y);
    await pageA.evaluate(async () => {
      const paste = (data: DataTransfer) => document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      const text = new DataTransfer();
      text.setData('text/plain', 'Relevé à 48 h');
      paste(text);
      const canvas = new OffscreenCanvas(40, 30);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no canvas');
      context.fillStyle = '#1f4fd1';
      context.fillRect(0, 0, 40, 30);
      const image = new DataTransfer();
      image.items.add(new File([await canvas.convertToBlob({ type: 'image/png' })], 'plan-du-reseau.png', { type: 'image/png' }));
      paste(image);
    });
    const [picture] = await waitForShapes(server, 'the pasted text and image', (shapes) => shapes.some((shape) => shape.type === 'sticky' && shape.text === 'Relevé à 48 h') && shapes.some((shape) => shape.type === 'image')).then((shapes) => ofType(shapes, 'image'));
    expect(picture).toMatchObject({ x: 630, y: 465, w: 40, h: 30, alt: 'plan du reseau' });
    await waitForPixel(pageB, { x: 650, y: 480 }, rgb('#1f4fd1'), 'B should draw the pasted image');
  });

  it('a reader sees the board with editing tools off, and the server refuses an update forced with their session (screenshot)', async () => {
    const reader = await e2e.openPage();
    await signInToBoard(reader, e2e.server.url, DEMO.reader);
    await waitForBadge(reader, 'connecté');
    await reader.waitForSelector('[data-testid="read-only-badge"]');
    expect(await reader.textContent('[data-testid="board-read-only"]')).toContain('Votre rôle de lecteur');
    for (const name of ['Post-it (N)', 'Rectangle (R)', 'Flèche (A)', 'Annuler (Ctrl+Z)', 'Supprimer (Suppr)']) {
      expect(await reader.getByRole('button', { name, exact: true }).isDisabled()).toBe(true);
    }
    expect(await reader.getByRole('button', { name: 'Sélection (V)', exact: true }).isDisabled()).toBe(false);
    expect(await reader.getByRole('button', { name: 'Tout afficher (Maj+1)', exact: true }).isDisabled()).toBe(false);
    await waitForBoard(reader);
    await shoot(reader, 'board-reader');

    // The reader's own keys and clicks change nothing.
    const count = shapesOf(server).length;
    await press(reader, 'n');
    await clickBoard(reader, { x: 500, y: 500 });
    await press(reader, 'Control+a');
    await press(reader, 'Delete');

    // An update forced through the sync protocol with the reader's session.
    const forced = await connectAs(reader, e2e.server.url);
    clients.push(forced);
    const intruder = { ...ofType(shapesOf(server), 'sticky')[0], id: 'zzzzzzzzzzzzzzzz', text: 'FORCÉ PAR LE LECTEUR' } as Shape;
    addShapes(forced.doc, [intruder], {});
    // A later edit of A's reaching the server proves the server has dealt with the forced one.
    await press(pageA, 'Control+a');
    await press(pageA, 'ArrowDown');
    await waitForShapes(server, 'A’s nudge', (shapes) => shapes.some((shape) => shape.type === 'sticky' && shape.y === 201));
    expect(shapesOf(server).some((shape) => shape.id === intruder.id)).toBe(false);
    expect(shapesOf(server)).toHaveLength(count);
    expect(e2e.server.output()).toContain('update refused: read-only connection');
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
