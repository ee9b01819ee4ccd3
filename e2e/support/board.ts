/**
 * Board tests: where the canvas is and what its pixels show, and the board's document as the
 * server holds it, read by a client of our own signed in with a page's session (the canvas has
 * no DOM to query, and asserting on the document tells a rendering bug from a sync bug).
 */
import type { Page } from 'playwright-core';
import { readBoard, type Shape } from '@eprouvette/shared';
import { BOARD_CHROME, INK, STICKY_FILLS } from '../../client/src/board/palette.ts';
import { fitBounds, worldToScreen } from '../../client/src/board/engine/camera.ts';
import { waitFor, type ProviderClient } from '../../server/src/testing/clients.ts';
import { signInToBoard } from './demo.ts';
import { connectDocument } from './sync.ts';
import type { E2eServer } from './harness.ts';
import { waitForBadge } from './pages.ts';

export const BOARD = {
  canvas: '[data-testid="board-canvas"]',
  input: '[data-testid="board-input"]',
  complete: '[data-testid="board-canvas"][data-render-state="complete"]',
  textEditor: '[data-testid="board-text-editor"]',
} as const;

export interface Point {
  x: number;
  y: number;
}

export type Rgb = readonly [number, number, number];

export function rgb(hex: string): Rgb {
  return [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as unknown as Rgb;
}

/** Colours of the board's palette the tests look for. */
export const COLOURS = {
  yellow: rgb(STICKY_FILLS.jaune),
  pink: rgb(STICKY_FILLS.rose),
  white: rgb(BOARD_CHROME.background),
  ink: rgb(INK.noir ?? '#000000'),
} as const;

/** Waits until the board shows and every tile in view is drawn. */
export async function waitForBoard(page: Page): Promise<void> {
  await page.waitForSelector(BOARD.complete, { timeout: 20_000 });
}

async function origin(page: Page): Promise<Point> {
  const box = await page.locator(BOARD.input).boundingBox();
  if (box === null) throw new Error('the board canvas is not on the page');
  return { x: box.x, y: box.y };
}

/** A point of the canvas (CSS pixels from its top-left corner) in page coordinates, for the mouse. */
export async function onPage(page: Page, at: Point): Promise<Point> {
  const corner = await origin(page);
  return { x: corner.x + at.x, y: corner.y + at.y };
}

export async function clickBoard(page: Page, at: Point, options: { clickCount?: number } = {}): Promise<void> {
  const point = await onPage(page, at);
  await page.mouse.click(point.x, point.y, options);
}

/** Presses at `from` and moves to `to` in steps, leaving the button down unless `release`. */
export async function dragOnBoard(page: Page, from: Point, to: Point, { release = true } = {}): Promise<void> {
  const start = await onPage(page, from);
  const end = await onPage(page, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  if (release) await page.mouse.up();
}

/**
 * The canvas of the document's tiles, or the overlay above it (what moves with the pointer:
 * drags, selections, others' cursors), transparent where it shows nothing.
 */
export type Layer = 'tiles' | 'overlay';

interface PixelQuery {
  selector: string;
  layer: Layer;
  at: Point;
}

/** Runs in the page: the pixel of one layer at a point as [r, g, b, a], none until every tile in view is drawn. */
function readPixel({ selector, layer, at }: PixelQuery): number[] {
  if (document.querySelector(`${selector}[data-render-state="complete"]`) === null) return [];
  const canvas = document.querySelectorAll<HTMLCanvasElement>(`${selector} canvas`)[layer === 'tiles' ? 0 : 1];
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return [];
  const ratio = canvas.width / canvas.clientWidth;
  return Array.from(context.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data);
}

function matches(pixel: readonly number[], colour: Rgb, tolerance: number): boolean {
  return pixel.length === 4 && (pixel[3] ?? 0) > 200 && colour.every((channel, index) => Math.abs((pixel[index] ?? -255) - channel) <= tolerance);
}

/** Waits until a layer shows `colour` (within `tolerance` per channel, and opaque) at `at`. */
export async function waitForPixel(page: Page, at: Point, colour: Rgb, what: string, { tolerance = 10, layer = 'tiles' as Layer } = {}): Promise<void> {
  const query: PixelQuery = { selector: BOARD.canvas, layer, at };
  let seen: number[] = [];
  try {
    await waitFor(async () => matches((seen = await page.evaluate(readPixel, query)), colour, tolerance), what, 20_000);
  } catch {
    throw new Error(`${what}: expected rgb(${colour.join(', ')}) on the ${layer} at ${at.x},${at.y}, saw rgba(${seen.join(', ')})`);
  }
}

/** The board's document name, from the page's address (`/amis/<ami>/tableaux/<board>`). */
export function boardDocumentName(page: Page): string {
  const match = /\/amis\/([a-z2-7]{16})\/tableaux\/([a-z2-7]{16})/.exec(page.url());
  if (match === null) throw new Error(`not a board page: ${page.url()}`);
  return `ami-${match[1]}.board-${match[2]}`;
}

/** A sync client of the board signed in as the person of `page`, synced with the server. */
export function connectAs(page: Page, serverUrl: string): Promise<ProviderClient> {
  return connectDocument(page, serverUrl, boardDocumentName(page));
}

export function shapesOf(client: ProviderClient): Shape[] {
  return readBoard(client.doc).shapes;
}

/** Waits until the shapes the client holds satisfy `check`; returns what it then holds. */
export async function waitForShapes(client: ProviderClient, what: string, check: (shapes: Shape[]) => boolean): Promise<Shape[]> {
  await waitFor(() => check(shapesOf(client)), what, 20_000);
  return shapesOf(client);
}

/** Draws a sticky centred on `at` with the sticky tool (key N) and types its text. */
export async function addSticky(page: Page, at: Point, text: string): Promise<void> {
  await page.focus(BOARD.input);
  await page.keyboard.press('n');
  await clickBoard(page, at);
  await page.waitForSelector(BOARD.textEditor);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await page.waitForSelector(BOARD.textEditor, { state: 'detached' });
}

/** The texts of the stickies the client holds. */
export function stickyTexts(client: ProviderClient): string[] {
  return shapesOf(client).flatMap((shape) => (shape.type === 'sticky' ? [shape.text] : []));
}

/** Entries of the board's list view (« Vue en liste du tableau »): the page's own copy of the board, in the DOM. */
const LIST_ITEM = '.board-list [data-outline-id]';

export async function listedItems(page: Page): Promise<string[]> {
  return page.$$eval(LIST_ITEM, (items) => items.map((item) => item.textContent ?? ''));
}

/** Waits until the page's list view names every text of `includes` and none of `excludes`; returns its entries. */
export async function waitForListed(page: Page, what: string, { includes = [] as string[], excludes = [] as string[] }): Promise<string[]> {
  let seen: string[] = [];
  const check = (items: string[]) =>
    includes.every((text) => items.some((item) => item.includes(text))) && excludes.every((text) => !items.some((item) => item.includes(text)));
  try {
    await waitFor(async () => check((seen = await listedItems(page))), what, 20_000);
  } catch {
    throw new Error(`${what}: the list view shows ${JSON.stringify(seen)}`);
  }
  return seen;
}

/**
 * Where a point of the board shows (CSS pixels of the canvas) on a page that opened on a board
 * holding these boxes (stickies, rectangles): a board opened with content fits it in view.
 */
export async function fittedOnOpen(page: Page, boxes: readonly { x: number; y: number; w: number; h: number }[], world: Point): Promise<Point> {
  const box = await page.locator(BOARD.input).boundingBox();
  if (box === null) throw new Error('the board canvas is not on the page');
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const bounds = { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
  const at = worldToScreen(fitBounds(bounds, { width: box.width, height: box.height }), world);
  return { x: Math.round(at.x), y: Math.round(at.y) };
}

/**
 * Each account opens the workshop board (or `board`) in a browser context of its own, the way a
 * person does; resolves once every page is connected and has drawn the board.
 */
export async function openBoardAs(e2e: Pick<E2eServer, 'openPage' | 'server'>, emails: readonly string[], board?: string): Promise<Page[]> {
  const pages: Page[] = [];
  for (const email of emails) {
    const page = await e2e.openPage();
    await signInToBoard(page, e2e.server.url, email, { board });
    pages.push(page);
  }
  for (const page of pages) {
    await waitForBadge(page, 'connecté');
    await waitForBoard(page);
  }
  return pages;
}
