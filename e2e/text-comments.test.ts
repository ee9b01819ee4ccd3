/**
 * Comments on the AMI text between two browsers: the water expert (a commenter: the text is
 * read-only for her) selects a passage and comments on it, mentioning the project lead with the
 * autocomplete; the lead (owner) sees the highlight and the thread arrive live, replies and
 * resolves; the expert sees the reply arrive and the thread move to « Résolus ». The text itself
 * is never changed by any of it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { waitFor, type ProviderClient } from '../server/src/testing/clients.ts';
import { connectText, openDemoText, TEXT_EDITOR as EDITOR } from './support/ami-text.ts';
import { axeViolations } from './support/axe.ts';
import { DEMO } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { screenshotPath } from './support/paths.ts';

const PANEL = '[data-testid="comments-panel"]';
const THREAD = '[data-testid="comment-thread"]';
/** In the template's « Objectifs » prompt. */
const PASSAGE = 'les résultats attendus des actions';
const SECOND_PASSAGE = 'les défis concrets';
const COMMENT = 'Pouvez-vous chiffrer ces résultats ? Un exemple aiderait les communes.';
const REPLY = 'Oui : nous ajoutons un objectif de rendement de réseau à 85 %.';

/** The text page, once its comment panel has received the comments too. */
async function openText(page: Page, baseUrl: string, email: string): Promise<void> {
  await openDemoText(page, baseUrl, email);
  await page.waitForSelector(`${PANEL} .comments-panel__tab`);
}

/** Where the first and last characters of `text` are in the editor, once it is scrolled into view. */
async function passageEnds(page: Page, text: string): Promise<{ x: number; y: number }[]> {
  const ends = await page.locator(EDITOR).evaluate((editor, wanted) => {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      const middleOf = (at: number, side: 'left' | 'right') => {
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getBoundingClientRect();
        return { x: side === 'left' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
      };
      return [middleOf(index, 'left'), middleOf(index + wanted.length - 1, 'right')];
    }
    return null;
  }, text);
  if (ends === null) throw new Error(`« ${text} » is not in the editor`);
  return ends;
}

/** Selects `text` in the editor with the mouse, as a person drags over it. */
async function selectWithMouse(page: Page, text: string): Promise<void> {
  const [first, last] = await passageEnds(page, text);
  await page.mouse.move(first!.x, first!.y);
  await page.mouse.down();
  await page.mouse.move(last!.x, last!.y, { steps: 8 });
  await page.mouse.up();
  await waitFor(async () => (await page.evaluate(() => window.getSelection()?.toString())) === text, `the selection of « ${text} »`);
}

/** The whole page from its top, so that the sticky toolbar row sits where it belongs. */
async function wholePage(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

const threadOn = (page: Page, quote: string): Locator => page.locator(THREAD, { has: page.locator('.comment-thread__quote', { hasText: quote }) });
const highlights = (page: Page) => page.locator(`${EDITOR} .comment-highlight:not(.comment-highlight--pending)`).allTextContents();
const tab = (page: Page, name: RegExp) => page.locator(`${PANEL} .comments-panel__tab`, { hasText: name });

describe('comments on the AMI text', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  let expert: Page;
  let lead: Page;
  let textBefore: string;
  const clients: ProviderClient[] = [];

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('lets the expert select a passage of the read-only text and comment on it, mentioning the lead', async () => {
    [expert, lead] = await Promise.all([e2e.openPage(), e2e.openPage()]);
    await Promise.all([openText(expert, e2e.server.url, DEMO.commenter), openText(lead, e2e.server.url, DEMO.owner)]);
    const server = await connectText(lead, e2e.server.url);
    clients.push(server);
    textBefore = server.doc.getXmlFragment('default').toString();
    expect(await expert.getAttribute(EDITOR, 'contenteditable')).toBe('false');

    // Without a selection, the button says what to do, and offers the paragraphs to choose from.
    await expert.getByRole('button', { name: 'Commenter', exact: true }).click();
    await expert.locator(`${PANEL} .comments-panel__help`, { hasText: 'Sélectionnez le passage dans le texte' }).waitFor();
    await expert.locator('[data-testid="comment-choose-passage"]').waitFor();

    await selectWithMouse(expert, PASSAGE);
    await expert.getByRole('button', { name: 'Commenter', exact: true }).click();
    const draft = expert.locator('[data-testid="comment-draft"]');
    await draft.waitFor();
    expect(await draft.locator('q').textContent()).toBe(PASSAGE);
    // The passage stays marked while the focus is in the comment field.
    expect(await expert.locator(`${EDITOR} .comment-highlight--pending`).allTextContents()).toEqual([PASSAGE]);
    const field = draft.getByLabel('Votre commentaire');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);

    await field.pressSequentially(`${COMMENT} @cla`);
    const options = expert.getByRole('listbox', { name: 'Membres de l’AMI à mentionner' }).getByRole('option');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(['Claire Vasseur']);
    expect(await field.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await expert.screenshot({ path: screenshotPath('text-comments-mention-autocomplete'), fullPage: false });
    await field.press('Enter');
    expect(await field.inputValue()).toBe(`${COMMENT} @Claire Vasseur `);
    await field.pressSequentially('merci.');
    await draft.getByRole('button', { name: 'Publier', exact: true }).click();

    const mine = threadOn(expert, PASSAGE);
    await mine.waitFor();
    expect(await draft.count()).toBe(0);
    expect(await mine.locator('.comment-message__author').allTextContents()).toEqual(['Sophie Delattre']);
    expect(await mine.locator('.comment-mention').allTextContents()).toEqual(['@Claire Vasseur']);
    expect(await highlights(expert)).toEqual([PASSAGE]);
  });

  it('shows the lead the highlight and the thread live, with her mention, and announces it', async () => {
    const thread = threadOn(lead, PASSAGE);
    await thread.waitFor({ timeout: 20_000 });
    await waitFor(async () => (await highlights(lead)).join('') === PASSAGE, 'the highlight on the lead’s text', 20_000);
    expect(await thread.locator('.comment-message__text').textContent()).toBe(`${COMMENT} @Claire Vasseur merci.`);
    expect(await thread.locator('.comment-mention--me').textContent()).toBe('@Claire Vasseur');
    expect(await thread.locator('.comment-flag--mention').textContent()).toBe('vous êtes mentionné·e');
    expect(await thread.locator('time').first().textContent()).toBe('maintenant');
    expect(await lead.textContent('[data-testid="comments-announcement"]')).toBe(`Nouveau commentaire de Sophie Delattre sur « ${PASSAGE} ».`);
    expect(await tab(lead, /^Ouverts/).textContent()).toBe('Ouverts (1)');
    await lead.locator(`${EDITOR} .comment-highlight`).first().scrollIntoViewIfNeeded();
    await lead.screenshot({ path: screenshotPath('text-comments-highlight'), fullPage: false });
    expect(await axeViolations(lead, { include: PANEL })).toEqual([]);
  });

  it('lets the lead click the highlight, reply, and the expert see the reply live', async () => {
    await lead.locator(`${EDITOR} .comment-highlight`, { hasText: PASSAGE }).click();
    const thread = threadOn(lead, PASSAGE);
    await lead.locator(`${EDITOR} .comment-highlight--active`).waitFor();
    await thread.locator('[data-testid="comment-reply"]').waitFor();
    expect(await thread.getAttribute('class')).toContain('comment-thread--active');
    await thread.getByLabel('Répondre').fill(REPLY);
    await thread.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await thread.locator('.comment-message__text', { hasText: REPLY }).waitFor();
    await wholePage(lead, 'text-comments-panel-open');

    const seen = threadOn(expert, PASSAGE).locator('.comment-message__text', { hasText: REPLY });
    await seen.waitFor({ timeout: 20_000 });
    expect(await threadOn(expert, PASSAGE).locator('.comment-message__author').allTextContents()).toEqual(['Sophie Delattre', 'Claire Vasseur']);
  });

  it('lets the lead resolve it: both see it leave « Ouverts » for « Résolus », and the highlight go', async () => {
    await threadOn(lead, PASSAGE).getByRole('button', { name: 'Résoudre' }).click();
    await lead.locator('[data-testid="comments-announcement"]', { hasText: 'résolue' }).waitFor();
    // The thread left the list with its button: the focus goes to the panel's heading, not to nowhere.
    expect(await lead.evaluate(() => document.activeElement?.textContent)).toBe('Commentaires');
    for (const page of [lead, expert]) {
      await waitFor(async () => (await tab(page, /^Ouverts/).textContent()) === 'Ouverts (0)', 'no open thread left', 20_000);
      expect(await tab(page, /^Résolus/).textContent()).toBe('Résolus (1)');
      await waitFor(async () => (await highlights(page)).length === 0, 'the highlight gone', 20_000);
    }
    await expert.locator(`${PANEL} .comments-panel__tab`, { hasText: 'Résolus' }).click();
    const resolved = threadOn(expert, PASSAGE);
    await resolved.waitFor();
    expect(await resolved.locator('.comment-thread__resolved').textContent()).toBe('Résolu par Claire Vasseur, maintenant');
    expect(await resolved.getByRole('button', { name: 'Rouvrir' }).count()).toBe(1);
    await wholePage(expert, 'text-comments-panel-resolved');
  });

  it('opens a comment with Ctrl+Alt+M, shows its passage from the panel, and never changes the text', async () => {
    await selectWithMouse(expert, SECOND_PASSAGE);
    await expert.keyboard.press('Control+Alt+KeyM');
    const draft = expert.locator('[data-testid="comment-draft"]');
    await draft.waitFor();
    expect(await draft.locator('q').textContent()).toBe(SECOND_PASSAGE);
    await draft.getByLabel('Votre commentaire').fill('   ');
    await draft.getByRole('button', { name: 'Publier', exact: true }).click();
    expect(await draft.getByRole('alert').textContent()).toBe('Le commentaire est vide : écrivez votre message.');
    await draft.getByLabel('Votre commentaire').fill('Quels défis en priorité ?');
    await draft.getByLabel('Votre commentaire').press('Control+Enter');
    await draft.waitFor({ state: 'detached' });
    expect(await expert.evaluate(() => document.activeElement?.textContent)).toBe('Commenter');
    await threadOn(lead, SECOND_PASSAGE).waitFor({ timeout: 20_000 });
    expect(await tab(expert, /^Ouverts/).textContent()).toBe('Ouverts (1)');

    // From the panel: the thread's passage becomes the active highlight.
    await threadOn(lead, SECOND_PASSAGE).locator('.comment-thread__select').click();
    await waitFor(async () => (await lead.locator(`${EDITOR} .comment-highlight--active`).allTextContents()).join('') === SECOND_PASSAGE, 'the active highlight');
    expect(await threadOn(lead, SECOND_PASSAGE).locator('.comment-thread__select').getAttribute('aria-pressed')).toBe('true');

    expect(clients[0]!.doc.getXmlFragment('default').toString()).toBe(textBefore);
  });

  it('lets the expert comment with the keyboard alone, on a paragraph chosen from a list', async () => {
    // Nothing selected in the text: a click on the page's title drops the selection.
    await expert.getByRole('heading', { name: 'Texte de l’AMI' }).click();
    await expert.getByRole('button', { name: 'Commenter', exact: true }).focus();
    await expert.keyboard.press('Enter');
    const chooser = expert.locator('[data-testid="comment-choose-passage"]');
    await chooser.waitFor();
    const select = chooser.getByLabel('Paragraphe à commenter');
    expect(await expert.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    const labels = await select.locator('option').allTextContents();
    expect(labels).toContain('Bénéficiaires éligibles');
    const wanted = labels.find((label) => label.startsWith('Listez les structures'));
    if (wanted === undefined) throw new Error(`no paragraph of « Bénéficiaires éligibles » among ${labels.join(' | ')}`);
    await select.selectOption({ label: wanted });
    await expert.screenshot({ path: screenshotPath('text-comments-keyboard-chooser') });
    await expert.keyboard.press('Tab');
    await expert.keyboard.press('Enter');
    const draft = expert.locator('[data-testid="comment-draft"]');
    await draft.waitFor();
    expect(await draft.locator('q').textContent()).toMatch(/^Listez les structures .* partenariat\.$/);
    await expert.keyboard.type('Les syndicats mixtes fermés sont-ils éligibles ?');
    await expert.keyboard.press('Control+Enter');
    await draft.waitFor({ state: 'detached' });
    await threadOn(lead, 'Listez les structures').waitFor({ timeout: 20_000 });
    expect(clients[0]!.doc.getXmlFragment('default').toString()).toBe(textBefore);
  });

  it('keeps a thread whose passage the lead deletes, marked « passage supprimé »', async () => {
    await selectWithMouse(lead, SECOND_PASSAGE);
    await lead.keyboard.press('Backspace');
    const flag = threadOn(expert, SECOND_PASSAGE).locator('.comment-flag--deleted');
    await flag.waitFor({ timeout: 20_000 });
    expect(await flag.textContent()).toBe('passage supprimé');
    // Only the paragraph commented with the keyboard is still highlighted.
    expect((await highlights(expert)).map((text) => text.slice(0, 21))).toEqual(['Listez les structures']);
    await wholePage(expert, 'text-comments-passage-deleted');
    expect(e2e.pageErrors).toEqual([]);
  });
});
