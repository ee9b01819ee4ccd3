/**
 * Comments pinned on a proposal board between two browsers: the water expert (a commenter: the
 * board is read-only for her) pins a comment on a note of the syndicat's proposal, mentioning its
 * author; the author (an editor of the syndicat) sees the pin and the thread arrive live, moves the
 * note — the pin follows it on both screens —, answers, deletes the note — the pin stays, marked —
 * and resolves; the expert sees the answer and the resolution. Then the project lead finds the
 * unread badge on the AMI page. The board itself is changed only by its author.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { commentsOf, documentName, parseDocumentName, readThreads, type BoardAnchor, type Shape } from '@eprouvette/shared';
import { waitFor, type ProviderClient } from '../server/src/testing/clients.ts';
import { addSticky, BOARD, boardDocumentName, clickBoard, connectAs, dragOnBoard, fittedOnOpen, onPage, shapesOf, waitForBoard, waitForShapes, type Point } from './support/board.ts';
import { DEMO, DEMO_AMI_TITLE, signInToBoard, signInToDemoAmi } from './support/demo.ts';
import { axeViolations } from './support/axe.ts';
import { useE2eServer } from './support/harness.ts';
import { screenshotPath } from './support/paths.ts';
import { waitForBadge, waitForHeading } from './support/pages.ts';
import { connectDocument } from './support/sync.ts';

const PROPOSAL = 'Capteurs acoustiques de fuites sur le réseau (LoRaWAN)';
const NOTE = 'Capteurs sur les conduites principales';
const COMMENT = 'Quelle autonomie pour les capteurs en hiver ?';
const REPLY = 'Dix ans sur pile, d’après le fabricant : nous l’ajoutons à la fiche.';
const PANEL = '[data-testid="comments-panel"]';
const THREAD = '[data-testid="comment-thread"]';
/** The author's note is drawn centred on this point of her canvas, at zoom 1: its box is 200×200 around it. */
const NOTE_CENTRE = { x: 300, y: 260 };
const NOTE_BOX = { x: 200, y: 160, w: 200, h: 200 };
const MOVE = { x: 150, y: 80 };

interface DrawnPin {
  id: string;
  label: string;
  x: number;
  y: number;
  orphaned: boolean;
  resolved: boolean;
}

/** The pins the canvas drew last, as it says on `data-comment-pins`. */
async function pinsOf(page: Page): Promise<DrawnPin[]> {
  const attribute = await page.getAttribute(BOARD.canvas, 'data-comment-pins');
  return attribute === null ? [] : (JSON.parse(attribute) as DrawnPin[]);
}

async function waitForPins(page: Page, what: string, check: (pins: DrawnPin[]) => boolean): Promise<DrawnPin[]> {
  let seen: DrawnPin[] = [];
  try {
    await waitFor(async () => check((seen = await pinsOf(page))), what, 20_000);
  } catch {
    throw new Error(`${what}: the canvas drew ${JSON.stringify(seen)}`);
  }
  return seen;
}

const near = (pin: DrawnPin | undefined, at: Point) => pin !== undefined && Math.abs(pin.x - at.x) <= 1 && Math.abs(pin.y - at.y) <= 1;
const toolbarComment = (page: Page) => page.locator('[data-testid="board-toolbar"]').getByRole('button', { name: 'Commenter (C)', exact: true });
const tab = (page: Page, name: RegExp) => page.locator(`${PANEL} .comments-panel__tab`, { hasText: name });

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

describe('comments pinned on a board', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  let author: Page;
  let expert: Page;
  let board: ProviderClient;
  let comments: ProviderClient;
  let note: Shape;
  let anchor: BoardAnchor;
  const clients: ProviderClient[] = [];

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('lets the expert, on a board she cannot edit, pin a comment on the author’s note, which the author sees arrive live', async () => {
    author = await e2e.openPage();
    await signInToBoard(author, e2e.server.url, DEMO.editorSyndicat, { board: PROPOSAL });
    await waitForBadge(author, 'connecté');
    await waitForBoard(author);
    await addSticky(author, NOTE_CENTRE, NOTE);
    board = await connectAs(author, e2e.server.url);
    comments = await connectDocument(author, e2e.server.url, documentName(commentsOf(parseDocumentName(boardDocumentName(author))!)));
    clients.push(board, comments);
    note = (await waitForShapes(board, 'the note on the server', (shapes) => shapes.some((shape) => shape.type === 'sticky' && shape.text === NOTE)))[0]!;
    expect(note).toMatchObject(NOTE_BOX);

    expert = await e2e.openPage();
    await signInToBoard(expert, e2e.server.url, DEMO.commenter, { board: PROPOSAL });
    await waitForBadge(expert, 'connecté');
    await waitForBoard(expert);
    await expert.waitForSelector('[data-testid="read-only-badge"]');
    expect(await expert.getByRole('button', { name: 'Post-it (N)', exact: true }).isDisabled()).toBe(true);
    expect(await toolbarComment(expert).isDisabled()).toBe(false);

    // « Commenter », then a click on the note near its top-left corner.
    await toolbarComment(expert).click();
    expect(await toolbarComment(expert).getAttribute('aria-pressed')).toBe('true');
    await clickBoard(expert, await fittedOnOpen(expert, [NOTE_BOX], { x: 230, y: 190 }));
    const composer = expert.locator('[data-testid="pin-composer"]');
    await composer.waitFor();
    expect(await composer.getAttribute('aria-label')).toBe(`Nouveau commentaire sur un post-it « ${NOTE} »`);
    const field = composer.getByLabel('Votre commentaire');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await field.pressSequentially(`${COMMENT} @nad`);
    const options = expert.getByRole('listbox', { name: 'Membres de l’AMI à mentionner' }).getByRole('option');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(['Nadia Benali']);
    await field.press('Enter');
    await waitForPins(expert, 'the draft pin on the note', (pins) => pins.some((pin) => pin.label === '+'));
    await shoot(expert, 'board-comments-composer');
    expect(await axeViolations(expert, { include: '[data-testid="pin-composer"]' })).toEqual([]);
    await composer.getByRole('button', { name: 'Publier', exact: true }).click();
    await composer.waitFor({ state: 'detached' });
    expect(await expert.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('board-input');

    // The thread, as the server wrote it: pinned on the note, relative to its corner.
    await waitFor(() => readThreads(comments.doc).threads.length === 1, 'the thread on the server');
    const [thread] = readThreads(comments.doc).threads;
    expect(thread!.anchor).toMatchObject({ kind: 'board', shapeId: note.id });
    anchor = thread!.anchor as BoardAnchor;
    expect(anchor.point.x).toBeCloseTo(30, 0);
    expect(anchor.point.y).toBeCloseTo(30, 0);

    // The author sees the pin on her note and the thread in her panel, live.
    const pinAt = { x: Math.round(note.x + anchor.point.x), y: Math.round(note.y + anchor.point.y) };
    const [pin] = await waitForPins(author, 'the pin on the author’s note', (pins) => near(pins[0], pinAt));
    expect(pin).toMatchObject({ label: '1', orphaned: false });
    const card = author.locator(THREAD);
    await card.waitFor();
    expect(await card.locator('.comment-thread__place').textContent()).toBe(`Sur un post-it « ${NOTE} »`);
    expect(await card.locator('.comment-message__text').textContent()).toBe(`${COMMENT} @Nadia Benali `.trimEnd());
    expect(await card.locator('.comment-flag--mention').textContent()).toBe('vous êtes mentionné·e');
    expect(await author.locator('[data-testid="comments-announcement"]').textContent()).toBe(`Nouveau commentaire de Sophie Delattre sur un post-it « ${NOTE} ».`);
    await shoot(author, 'board-comments-pin-arrived');
    // Commenting changed nothing of the board.
    expect(shapesOf(board)).toEqual([note]);
  });

  it('keeps the pin on the note when its author moves it, on both screens', async () => {
    const before = (await pinsOf(author))[0]!;
    await dragOnBoard(author, NOTE_CENTRE, { x: NOTE_CENTRE.x + MOVE.x, y: NOTE_CENTRE.y + MOVE.y });
    const [moved] = await waitForShapes(board, 'the note moved on the server', (shapes) => shapes[0]?.x === NOTE_BOX.x + MOVE.x);
    expect(moved).toMatchObject({ x: NOTE_BOX.x + MOVE.x, y: NOTE_BOX.y + MOVE.y });
    await waitForPins(author, 'the author’s pin on the moved note', (pins) => near(pins[0], { x: before.x + MOVE.x, y: before.y + MOVE.y }));
    const world = { x: moved!.x + anchor.point.x, y: moved!.y + anchor.point.y };
    const onExpert = await fittedOnOpen(expert, [NOTE_BOX], world);
    await waitForPins(expert, 'the expert’s pin on the moved note', (pins) => near(pins[0], onExpert));
    await shoot(expert, 'board-comments-pin-followed');
  });

  it('lets the author open the thread from its pin and answer; the expert sees the answer', async () => {
    const [pin] = await pinsOf(author);
    // The bubble sits above and right of the pinned point.
    const bubble = await onPage(author, { x: pin!.x + 10, y: pin!.y - 18 });
    await author.mouse.click(bubble.x, bubble.y);
    const card = author.locator(`${THREAD}.comment-thread--active`);
    await card.waitFor();
    const reply = card.locator('[data-testid="comment-reply"]');
    await reply.getByLabel('Répondre').fill(REPLY);
    await reply.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await waitFor(async () => (await card.locator('.comment-message__text').allTextContents()).includes(REPLY), 'the answer in the author’s panel');
    await waitFor(async () => (await expert.locator(`${THREAD} .comment-message__text`).allTextContents()).includes(REPLY), 'the answer in the expert’s panel', 20_000);
    await shoot(author, 'board-comments-panel');
    expect(await axeViolations(author, { include: PANEL })).toEqual([]);
  });

  it('keeps the pin where the note was, marked, once the note is deleted', async () => {
    const [before] = await pinsOf(author);
    await clickBoard(author, { x: NOTE_CENTRE.x + MOVE.x, y: NOTE_CENTRE.y + MOVE.y });
    await author.keyboard.press('Delete');
    await waitForShapes(board, 'the note deleted on the server', (shapes) => shapes.length === 0);
    await waitForPins(author, 'the author’s pin, orphaned, where it was', (pins) => pins[0]?.orphaned === true && near(pins[0], before!));
    await waitForPins(expert, 'the expert’s pin, orphaned', (pins) => pins[0]?.orphaned === true);
    for (const page of [author, expert]) {
      await waitFor(async () => (await page.locator(`${THREAD} .comment-flag--deleted`).textContent()) === 'élément supprimé', 'the thread marked « élément supprimé »');
      expect(await page.locator(`${THREAD} .comment-thread__place`).textContent()).toBe('Sur un élément supprimé');
    }
    await shoot(expert, 'board-comments-item-deleted');
  });

  it('lets the author resolve the thread, its pin gone; the expert sees the resolution', async () => {
    await author.locator(THREAD).getByRole('button', { name: 'Résoudre', exact: true }).click();
    await tab(author, /^Résolus \(1\)$/).waitFor();
    await waitForPins(author, 'no open pin left on the author’s board', (pins) => pins.length === 0);
    // The expert still has the thread open, since she wrote it: its pin turns to « resolved ».
    await waitFor(async () => (await tab(expert, /^Résolus/).textContent()) === 'Résolus (1)', 'the resolution on the expert’s panel', 20_000);
    await waitForPins(expert, 'the expert’s pin, resolved', (pins) => pins.length === 1 && pins[0]!.resolved);
    await tab(expert, /^Résolus/).click();
    const resolved = expert.locator(THREAD);
    expect(await resolved.locator('.comment-thread__resolved').textContent()).toMatch(/^Résolu par Nadia Benali,/);
    expect(await resolved.locator('.comment-message__text').allTextContents()).toEqual([`${COMMENT} @Nadia Benali`, REPLY]);
    await shoot(expert, 'board-comments-resolved');
    // « Voir » on a resolved thread shows its pin again, for as long as it is open.
    await tab(author, /^Résolus/).click();
    await author.locator(`${THREAD} .comment-thread__select`).click();
    await waitForPins(author, 'the resolved thread’s pin, shown while open', (pins) => pins.length === 1 && pins[0]!.label === '1' && pins[0]!.resolved);
  });

  it('pins on the selected item with C, from the keyboard alone', async () => {
    await addSticky(author, { x: 600, y: 500 }, 'Passerelle LoRaWAN');
    await waitForShapes(board, 'the second note', (shapes) => shapes.length === 1);
    await author.focus(BOARD.input);
    await author.keyboard.press('c');
    const composer = author.locator('[data-testid="pin-composer"]');
    await composer.waitFor();
    expect(await composer.getAttribute('aria-label')).toBe('Nouveau commentaire sur un post-it « Passerelle LoRaWAN »');
    await author.keyboard.press('Escape');
    await composer.waitFor({ state: 'detached' });
    expect(await author.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('board-input');
  });

  it('shows the project lead, on the AMI page, how many comments are new on the board, until she opens it', async () => {
    const lead = await e2e.openPage();
    await signInToDemoAmi(lead, e2e.server.url, DEMO.owner);
    const link = lead.getByRole('link', { name: PROPOSAL, exact: true });
    const item = lead.getByTestId('board-list').locator('.board-list__item', { has: link });
    const badge = item.locator('[data-testid="unread-comments"]');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('2 nouveaux commentaires');
    expect(await lead.locator('[data-testid="unread-comments"]').count()).toBe(1);
    await badge.scrollIntoViewIfNeeded();
    await lead.screenshot({ path: screenshotPath('board-comments-unread-badge'), fullPage: false });

    await item.locator(link).click();
    await waitForHeading(lead, PROPOSAL);
    await tab(lead, /^Résolus \(1\)$/).waitFor();
    await lead.getByRole('link', { name: `Retour à l’AMI « ${DEMO_AMI_TITLE} »` }).click();
    await waitForHeading(lead, DEMO_AMI_TITLE);
    await lead.locator('[data-testid="board-list"]').waitFor();
    await waitFor(async () => (await lead.locator('[data-testid="unread-comments"]').count()) === 0, 'no unread badge once the board was opened');
    expect(e2e.pageErrors).toEqual([]);
  });
});

