/**
 * The AMI text co-written live: the owner (A) and an admin (B) of the demo AMI edit it in two
 * browsers through the real server; a reader and a commenter see it read-only, and the server
 * refuses their edits even when forced. What the server holds is read by a sync client of our
 * own, signed in with a page's session; hostile pasted HTML is checked there too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import { AMI_TEXT_SECTIONS, amiTextOutline } from '../server/src/documents/ami-text-template.ts';
import { waitFor, type ProviderClient } from '../server/src/testing/clients.ts';
import { axeViolations } from './support/axe.ts';
import { DEMO, DEMO_AMI_TITLE } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForPeer } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';
import { connectText, openDemoText, TEXT_EDITOR } from './support/ami-text.ts';

const TEXT_A = 'Texte de A : les capteurs acoustiques du réseau.';
const FROM_A = ' (ajout de A)';
const FROM_B = 'Ajout de B : ';
const AGAIN_B = 'encore B, ';
const UNDONE_A = ' puis A annulé';
const HOSTILE_HTML =
  '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><script>alert(1)</script><p onclick="x" style="position:fixed;inset:0">texte collé</p>' +
  '<a href="https://ok.fr" class="button" target="_self" rel="opener" onmouseover="alert(1)">ok</a><a href="data:text/html,alert(1)">d</a>';

/** The text as the client holds it, as XML: marks are written as elements with their attributes. */
function xmlOf(client: ProviderClient): string {
  return client.doc.getXmlFragment('default').toString();
}

async function waitForXml(client: ProviderClient, what: string, check: (xml: string) => boolean): Promise<string> {
  try {
    await waitFor(() => check(xmlOf(client)), what, 20_000);
  } catch (error) {
    throw new Error(`${String(error)}\nThe server holds: ${xmlOf(client)}`);
  }
  return xmlOf(client);
}

/** The text the page shows, one line per block, without the others' caret labels drawn inside it. */
function editorText(page: Page): Promise<string> {
  return page.locator(TEXT_EDITOR).evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ami-caret').forEach((caret) => caret.remove());
    return Array.from(copy.querySelectorAll('h2, h3, h4, p'), (block) => block.textContent).join('\n');
  });
}

/** One block's text, without caret labels. */
function blockText(block: Locator): Promise<string> {
  return block.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ami-caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

async function waitForEditorText(page: Page, what: string, check: (text: string) => boolean): Promise<string> {
  let seen = '';
  try {
    await waitFor(async () => check((seen = await editorText(page))), what, 20_000);
  } catch (error) {
    throw new Error(`${String(error)}\nThe page shows: ${seen}`);
  }
  return seen;
}

/** The paragraph A wrote under the « Contexte » heading. */
const paragraphA = (page: Page) => page.locator(`${TEXT_EDITOR} p`, { hasText: TEXT_A });

function refusals(output: string): number {
  return output.split('update refused: read-only connection').length - 1;
}

describe('co-writing the AMI text', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  let pageA: Page;
  let pageB: Page;
  /** The text as the server holds it, read by a client of our own signed in as A. */
  let server: ProviderClient;
  const clients: ProviderClient[] = [];
  const dialogs: string[] = [];

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('opens the template once for two admins at the same time, editable, with its outline and word count', async () => {
    [pageA, pageB] = await Promise.all([e2e.openPage(), e2e.openPage()]);
    for (const page of [pageA, pageB]) page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await Promise.all([openDemoText(pageA, e2e.server.url, DEMO.owner), openDemoText(pageB, e2e.server.url, DEMO.admin)]);
    server = await connectText(pageA, e2e.server.url);
    clients.push(server);

    // Two editors opening the text together add nothing to it: each section is there once.
    expect(amiTextOutline(Y.encodeStateAsUpdate(server.doc))).toEqual([DEMO_AMI_TITLE, ...AMI_TEXT_SECTIONS.map((section) => section.title)]);
    expect(server.doc.getXmlFragment('default').length).toBe(2 + 2 * AMI_TEXT_SECTIONS.length);

    for (const page of [pageA, pageB]) {
      expect(await page.getAttribute(TEXT_EDITOR, 'contenteditable')).toBe('true');
      expect(await page.getAttribute(TEXT_EDITOR, 'aria-label')).toBe('Texte de l’AMI');
      expect(await page.locator('[data-testid="read-only-badge"]').count()).toBe(0);
      expect(await page.textContent(`${TEXT_EDITOR} h2`)).toBe(DEMO_AMI_TITLE);
      expect(await page.locator('[data-testid="text-outline"] button').allTextContents()).toEqual([
        DEMO_AMI_TITLE,
        ...AMI_TEXT_SECTIONS.map((section) => section.title),
      ]);
      expect(await page.textContent('[data-testid="word-count"]')).toMatch(/^\d[\d\u202f]* mots$/);
    }
    // In a paragraph, every format applies.
    await pageA.locator(`${TEXT_EDITOR} p`, { hasText: 'Domaine : Gestion' }).click();
    for (const name of ['Gras (Ctrl+B)', 'Italique (Ctrl+I)', 'Barré (Ctrl+Maj+S)', 'Surligner (Ctrl+Maj+H)', 'Titre 2 (Ctrl+Alt+2)', 'Liste à puces (Ctrl+Maj+8)', 'Liste numérotée (Ctrl+Maj+7)', 'Lien', 'Insérer un tableau (3 × 3)']) {
      expect(await pageA.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(false);
    }
    // Nothing to undo yet, and the table tools wait for a table.
    expect(await pageA.getByRole('button', { name: 'Annuler (Ctrl+Z)', exact: true }).isDisabled()).toBe(true);
    expect(await pageA.getByRole('button', { name: 'Supprimer le tableau', exact: true }).isDisabled()).toBe(true);
    expect(await axeViolations(pageA)).toEqual([]);
  });

  it('moves between the toolbar’s buttons with the arrow keys', async () => {
    await pageA.getByRole('button', { name: 'Gras (Ctrl+B)', exact: true }).focus();
    await pageA.keyboard.press('ArrowRight');
    expect(await pageA.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Italique (Ctrl+I)');
    await pageA.keyboard.press('End');
    // The last enabled button: nothing to undo or redo yet, so the table insertion.
    expect(await pageA.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Insérer un tableau (3 × 3)');
    await pageA.keyboard.press('Home');
    expect(await pageA.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Gras (Ctrl+B)');
  });

  it('shows what A types to B live, and stores it', async () => {
    await pageA.locator(`${TEXT_EDITOR} h3`, { hasText: 'Contexte' }).click();
    await pageA.keyboard.press('End');
    await pageA.keyboard.press('Enter');
    await pageA.keyboard.type(TEXT_A);
    await waitForEditorText(pageB, 'B should see A’s paragraph', (text) => text.includes(TEXT_A));
    await waitForXml(server, 'the server should hold A’s paragraph', (xml) => xml.includes(`<paragraph>${TEXT_A}</paragraph>`));
    // Right under the heading, where A put it.
    expect(await blockText(pageB.locator(`${TEXT_EDITOR} h3:has-text("Contexte") + p`))).toBe(TEXT_A);
  });

  it('converges when both type in the same paragraph at once', async () => {
    await paragraphA(pageA).click();
    await pageA.keyboard.press('End');
    await paragraphA(pageB).click();
    await pageB.keyboard.press('Home');
    await Promise.all([pageA.keyboard.type(FROM_A, { delay: 25 }), pageB.keyboard.type(FROM_B, { delay: 25 })]);
    const expected = `${FROM_B}${TEXT_A}${FROM_A}`;
    await waitForXml(server, 'the server should hold both insertions', (xml) => xml.includes(`<paragraph>${expected}</paragraph>`));
    for (const page of [pageA, pageB]) {
      await waitForEditorText(page, 'each page should show both insertions', (text) => text.includes(expected));
    }
    expect(await blockText(paragraphA(pageA))).toBe(expected);
    expect(await blockText(paragraphA(pageB))).toBe(expected);
  });

  it('shows each one the other’s caret, with their name', async () => {
    await waitForPeer(pageB, 'Claire Vasseur');
    await paragraphA(pageA).click();
    await pageA.keyboard.press('End');
    await paragraphA(pageB).click();
    await pageB.keyboard.press('Home');
    await pageB.waitForSelector('.ami-caret__label:text-is("Claire Vasseur")');
    await pageA.waitForSelector('.ami-caret__label:text-is("Julien Lefebvre")');
    // The caret is drawn in the paragraph both are writing in, in A's colour.
    const caret = pageB.locator(`${TEXT_EDITOR} p`, { hasText: TEXT_A }).locator('.ami-caret');
    expect(await caret.count()).toBe(1);
    expect(await caret.evaluate((element) => getComputedStyle(element).borderLeftColor)).toMatch(/^rgb\(/);
    await pageB.screenshot({ path: screenshotPath('ami-text-two-carets'), fullPage: false });
  });

  it('undoes only A’s last change when A presses Ctrl+Z, not B’s', async () => {
    // Both write at once again, each where their caret was (A at the end, B at the start); A's
    // change is one insertion, so one undo step whatever the typing pace.
    await Promise.all([pageA.keyboard.insertText(UNDONE_A), pageB.keyboard.type(AGAIN_B, { delay: 25 })]);
    const before = `${AGAIN_B}${FROM_B}${TEXT_A}${FROM_A}${UNDONE_A}`;
    await waitForXml(server, 'the server should hold both new insertions', (xml) => xml.includes(`<paragraph>${before}</paragraph>`));
    await waitForEditorText(pageA, 'A should show B’s new insertion', (text) => text.includes(before));

    await pageA.keyboard.press('Control+z');
    const afterUndo = `${AGAIN_B}${FROM_B}${TEXT_A}${FROM_A}`;
    await waitForXml(server, 'the server should lose A’s last insertion only', (xml) => xml.includes(`<paragraph>${afterUndo}</paragraph>`));
    for (const page of [pageA, pageB]) {
      await waitForEditorText(page, 'each page should keep B’s insertions and A’s earlier ones', (text) => text.includes(afterUndo) && !text.includes(UNDONE_A));
    }
    await pageA.keyboard.press('Control+Shift+z');
    await waitForXml(server, 'the server should hold A’s insertion again', (xml) => xml.includes(`<paragraph>${before}</paragraph>`));
  });

  it('refuses a javascript: link in the link dialog with a French message, and links an https address', async () => {
    await pageA.keyboard.press('Control+End');
    await pageA.keyboard.press('Enter');
    await pageA.keyboard.type('Site de la Région');
    await pageA.keyboard.press('Shift+Home');
    await pageA.getByRole('button', { name: 'Lien', exact: true }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Ajouter un lien' });
    await dialog.waitFor();
    const address = dialog.getByLabel('Adresse du lien');
    expect(await address.evaluate((element) => element === document.activeElement)).toBe(true);
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Erreur : Ce lien est refusé : seules les adresses web (http ou https) et e-mail (mailto) sont acceptées.');
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await pageA.screenshot({ path: screenshotPath('ami-text-link-dialog'), fullPage: false });

    await address.fill('www.hautsdefrance.fr');
    await address.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await waitForXml(server, 'the server should hold the https link', (xml) => xml.includes('href="https://www.hautsdefrance.fr"') && xml.includes('>Site de la Région</link>'));
    expect(xmlOf(server)).not.toContain('javascript:');
    await pageB.locator(`${TEXT_EDITOR} a[href="https://www.hautsdefrance.fr"]`).waitFor();
  });

  it('inserts a 3 × 3 table, adds a row and removes a column', async () => {
    await pageA.keyboard.press('Control+End');
    await pageA.keyboard.press('Enter');
    await pageA.getByRole('button', { name: 'Insérer un tableau (3 × 3)', exact: true }).click();
    await pageB.locator(`${TEXT_EDITOR} table`).waitFor();
    expect(await pageB.locator(`${TEXT_EDITOR} table tr`).count()).toBe(3);
    expect(await pageB.locator(`${TEXT_EDITOR} table :is(td, th)`).count()).toBe(9);
    await pageA.keyboard.type('Critère');
    await pageA.keyboard.press('Tab');
    await pageA.keyboard.type('Poids');
    await pageA.getByRole('button', { name: 'Ajouter une ligne en dessous', exact: true }).click();
    await pageA.getByRole('button', { name: 'Supprimer la colonne', exact: true }).click();
    await waitFor(async () => (await pageB.locator(`${TEXT_EDITOR} table tr`).count()) === 4, 'B should see the added row', 20_000);
    await waitFor(async () => (await pageB.locator(`${TEXT_EDITOR} table :is(td, th)`).count()) === 8, 'B should see the removed column', 20_000);
    await waitForXml(server, 'the server should hold the 4 × 2 table', (xml) => (xml.match(/<tablerow>/g) ?? []).length === 4 && xml.includes('Critère') && !xml.includes('Poids'));
    await pageA.screenshot({ path: screenshotPath('ami-text-table'), fullPage: false });
    expect(await pageA.getByRole('button', { name: 'Supprimer le tableau', exact: true }).isDisabled()).toBe(false);
  });

  it('counts the words live', async () => {
    const count = async () => Number((await pageA.textContent('[data-testid="word-count"]'))?.replace(/\D/g, ''));
    await pageA.keyboard.press('Control+End');
    const before = await count();
    await pageA.keyboard.press('Enter');
    await pageA.keyboard.type('un deux trois');
    await waitFor(async () => (await count()) === before + 3, 'the word count should grow by three', 20_000);
    expect(await pageA.textContent('[data-testid="word-count"]')).toMatch(/^\d{1,3}(\u202f\d{3})* mots$/);
  });

  it('jumps to a section from the outline, caret at its heading', async () => {
    await pageA.locator('[data-testid="text-outline"]').getByRole('button', { name: 'Calendrier', exact: true }).click();
    const heading = pageA.locator(`${TEXT_EDITOR} h3`, { hasText: 'Calendrier' });
    await waitFor(async () => {
      const box = await heading.boundingBox();
      return box !== null && box.y >= 0 && box.y < 200;
    }, 'the Calendrier heading should be scrolled to the top of the window', 20_000);
    expect(await heading.evaluate((element) => element.contains(document.getSelection()?.anchorNode ?? null))).toBe(true);
    await pageA.evaluate(() => window.scrollTo(0, 0));
  });

  it('keeps pasted HTML to what the text allows: no script, event handler, style or unsafe link reaches the server', async () => {
    await pageA.locator(`${TEXT_EDITOR} h3`, { hasText: 'Contacts' }).click();
    await pageA.keyboard.press('End');
    await pageA.keyboard.press('Enter');
    await pageA.evaluate(
      ([selector, html]) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'texte collé ok');
        document.querySelector(selector)?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      [TEXT_EDITOR, HOSTILE_HTML] as const,
    );
    const xml = await waitForXml(server, 'the server should hold the pasted text', (current) => current.includes('texte collé') && current.includes('https://ok.fr'));
    for (const forbidden of ['<script', 'alert', 'onerror', 'onclick', 'onmouseover', 'javascript:', 'data:', 'style=', '<img', 'class="button"', '_self', 'opener"']) {
      expect(xml, forbidden).not.toContain(forbidden);
    }
    expect(xml).toMatch(/<link [^>]*href="https:\/\/ok\.fr"[^>]*>ok<\/link>/);
    expect(xml).toContain('rel="noopener noreferrer nofollow"');
    // In B's page too, nothing of it became live markup.
    await pageB.locator(`${TEXT_EDITOR} a[href="https://ok.fr"]`).waitFor();
    // (ProseMirror draws its own `img.ProseMirror-separator` after widgets such as carets.)
    expect(await pageB.locator(`${TEXT_EDITOR} :is(img:not(.ProseMirror-separator), script, [onclick], [onerror], [style*="fixed"])`).count()).toBe(0);
    expect(await pageB.locator(`${TEXT_EDITOR} a[href^="javascript"], ${TEXT_EDITOR} a[href^="data"]`).count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('fits a phone screen: no sideways scrolling of the page, the toolbar above the text', async () => {
    await pageB.setViewportSize({ width: 390, height: 844 });
    await pageB.evaluate(() => window.scrollTo(0, 0));
    expect(await pageB.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const toolbar = await pageB.locator('[data-testid="text-toolbar"]').boundingBox();
    const text = await pageB.locator('[data-testid="ami-text"]').boundingBox();
    expect(toolbar !== null && text !== null && toolbar.y + toolbar.height <= text.y).toBe(true);
    await pageB.screenshot({ path: screenshotPath('ami-text-narrow'), fullPage: false });
    await pageB.setViewportSize({ width: 1280, height: 860 });
  });

  it('shows the text read-only to a reader and a commenter, and the server refuses their edits', async () => {
    const reader = await e2e.openPage();
    await openDemoText(reader, e2e.server.url, DEMO.reader);
    await reader.waitForSelector('[data-testid="read-only-badge"]');
    expect(await reader.getAttribute(TEXT_EDITOR, 'contenteditable')).toBe('false');
    expect(await reader.getAttribute(TEXT_EDITOR, 'aria-readonly')).toBe('true');
    expect(await reader.textContent('[data-testid="text-read-only"]')).toBe(
      'Lecture seule Votre rôle de lecteur permet de lire ce texte, pas de le modifier. Les outils de mise en forme sont désactivés.',
    );
    const buttons = reader.locator('[data-testid="text-toolbar"] button');
    expect(await buttons.count()).toBe(20);
    expect(await buttons.evaluateAll((all) => all.filter((button) => !(button as HTMLButtonElement).disabled).length)).toBe(0);
    await waitForEditorText(reader, 'the reader should see the admins’ text', (text) => text.includes(TEXT_A));
    // The outline still moves the reader around the text.
    await reader.locator('[data-testid="text-outline"]').getByRole('button', { name: 'Critères de sélection', exact: true }).click();
    await waitFor(async () => {
      const box = await reader.locator(`${TEXT_EDITOR} h3`, { hasText: 'Critères de sélection' }).boundingBox();
      return box !== null && box.y >= 0 && box.y < 200;
    }, 'the reader’s outline should scroll to the section', 20_000);
    await reader.evaluate(() => window.scrollTo(0, 0));
    await reader.screenshot({ path: screenshotPath('ami-text-read-only'), fullPage: false });
    expect(await axeViolations(reader)).toEqual([]);

    // Forcing the page editable and typing: whatever the page does, the server drops it.
    const refusedBefore = refusals(e2e.server.output());
    await reader.evaluate((selector) => document.querySelector(selector)?.setAttribute('contenteditable', 'true'), TEXT_EDITOR);
    await reader.locator(`${TEXT_EDITOR} h3`, { hasText: 'Calendrier' }).click();
    await reader.keyboard.type('INTRUSION');
    // A client of our own with the reader's session writes straight into the document.
    const forced = await connectText(reader, e2e.server.url);
    clients.push(forced);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('FORCÉ PAR LE LECTEUR')]);
    forced.doc.getXmlFragment('default').insert(0, [paragraph]);
    await waitFor(() => refusals(e2e.server.output()) > refusedBefore, 'the server to refuse the reader’s update', 20_000);
    // Once the reader has left, the server has handled every frame the reader's page sent.
    await reader.close();
    forced.destroy();
    await waitFor(() => ![...server.provider.awareness.getStates().values()].some((state) => (state as { user?: { name?: string } }).user?.name === 'Bernard Dupuis'), 'the reader to leave', 20_000);
    // A editing after that reaches the server; the reader's text never does.
    await pageA.keyboard.type(' APRÈS-LECTEUR');
    await waitForXml(server, 'the server should hold A’s later edit', (xml) => xml.includes('APRÈS-LECTEUR'));
    const fresh = await connectText(pageB, e2e.server.url);
    clients.push(fresh);
    for (const xml of [xmlOf(server), xmlOf(fresh)]) {
      expect(xml).not.toContain('INTRUSION');
      expect(xml).not.toContain('FORCÉ PAR LE LECTEUR');
    }
    expect(await editorText(pageB)).not.toContain('INTRUSION');

    const commenter = await e2e.openPage();
    await openDemoText(commenter, e2e.server.url, DEMO.commenter);
    await commenter.waitForSelector('[data-testid="read-only-badge"]');
    expect(await commenter.getAttribute(TEXT_EDITOR, 'contenteditable')).toBe('false');
    expect(await commenter.textContent('[data-testid="text-read-only"]')).toContain('Le texte de l’AMI est rédigé par ses administrateurs');
    expect(await commenter.getByRole('button', { name: 'Gras (Ctrl+B)', exact: true }).isDisabled()).toBe(true);
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
