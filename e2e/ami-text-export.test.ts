/**
 * The owner exports the demo AMI's text from its page, as Word, PDF and Markdown, through the
 * « Exporter » menu (by mouse and by keyboard); the downloaded files are read back and hold every
 * section of the template and the title page's facts. The progress bar shows while the PDF tool
 * loads. A reader (élu) may export too. The PDF's first pages are rendered (pdf.js, in Chromium)
 * into screenshots, to look at the layout.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { docxParagraphs, pdfPageTexts } from '../client/src/ami-text/export/testing/read-back.ts';
import { AMI_TEXT_SECTIONS } from '../server/src/documents/ami-text-template.ts';
import { axeViolations, formatViolations } from './support/axe.ts';
import { DEMO, DEMO_AMI_TITLE, signInToDemoAmi } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForHeading } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

/** What the title page says of the demo AMI (server/src/seed/demo.ts). */
const FACTS = [
  "Domaine : Gestion de l'eau",
  'Statut : Ateliers',
  'Ouverture des candidatures : 15 septembre 2026',
  'Date limite de candidature : 18 décembre 2026',
  'Fin des expérimentations : 31 décembre 2027',
];
/** Text as a reader searches it: line wraps and no-break spaces (French punctuation) as plain spaces. */
const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

async function openText(page: Page, baseUrl: string, email: string): Promise<void> {
  await signInToDemoAmi(page, baseUrl, email);
  await page.getByRole('link', { name: 'Texte de l’AMI', exact: true }).click();
  await waitForHeading(page, 'Texte de l’AMI');
  await page.locator('[data-testid="ami-text"][aria-busy="false"]').getByText('Contexte', { exact: true }).waitFor();
}

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await download.path()));
}

/** Downloads what choosing `item` in the menu saves. */
async function exportBy(page: Page, item: string): Promise<Download> {
  await page.getByRole('button', { name: 'Exporter' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return download;
}

const PDF_LIBRARY = /\/assets\/pdfmake-[^/]*\.js$/;

/** Holds the PDF library's file back until `release` is called, so a test sees the export's first step. */
async function holdPdfLibrary(page: Page): Promise<() => Promise<void>> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let continued = Promise.resolve();
  await page.route(PDF_LIBRARY, (route) => (continued = held.then(() => route.continue())));
  return async () => {
    release();
    await continued;
    await page.unroute(PDF_LIBRARY);
  };
}

/** Whether the element lies within the page's width. */
async function withinWidth(locator: Locator, width: number): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

/** The file name the browser proposes: « AMI – <titre> – <jour>.<ext> ». */
function expectFileName(download: Download, extension: string): void {
  const prefix = `AMI – ${DEMO_AMI_TITLE} – `;
  expect(download.suggestedFilename().startsWith(prefix), download.suggestedFilename()).toBe(true);
  expect(download.suggestedFilename().slice(prefix.length)).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
}

const pdfjsBuild = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');

/** A page that draws the first `count` pages of /file.pdf with pdf.js, one canvas each. */
const pdfViewer = (count: number) => `<!doctype html>
<body style="margin:0">
<script type="module">
  import * as pdfjs from '/pdf.mjs';
  pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
  const pdf = await pdfjs.getDocument('/file.pdf').promise;
  for (let number = 1; number <= ${count}; number++) {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: 1.3 });
    const canvas = Object.assign(document.createElement('canvas'), { id: 'page-' + number, width: viewport.width, height: viewport.height });
    document.body.append(canvas);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
  document.body.dataset.rendered = 'yes';
</script>`;

/** Draws the PDF's first pages with pdf.js in a page of its own, and screenshots each. */
async function screenshotPdf(page: Page, pdf: Uint8Array, names: string[]): Promise<void> {
  await page.route('http://pdf.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/file.pdf') return route.fulfill({ body: Buffer.from(pdf), contentType: 'application/pdf' });
    if (path.endsWith('.mjs')) return route.fulfill({ path: join(pdfjsBuild, path.slice(1)), contentType: 'text/javascript' });
    return route.fulfill({ body: pdfViewer(names.length), contentType: 'text/html' });
  });
  await page.goto('http://pdf.test/');
  await page.waitForSelector('body[data-rendered="yes"]');
  for (const [index, name] of names.entries()) await page.locator(`#page-${index + 1}`).screenshot({ path: screenshotPath(name) });
}

describe('exports of the AMI text', () => {
  const e2e = useE2eServer({ context: { acceptDownloads: true } });
  let page: Page;
  let pdfBytes: Uint8Array;

  it('offers the three formats in a menu that the keyboard opens, moves through and closes', async () => {
    page = await e2e.openPage();
    await openText(page, e2e.server.url, DEMO.owner);
    const trigger = page.getByRole('button', { name: 'Exporter' });
    await trigger.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Exporter' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Word (.docx)', 'PDF', 'Markdown (.md)']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Word (.docx)');
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Markdown (.md)');
    await page.screenshot({ path: screenshotPath('ami-text-export-menu') });
    const openMenu = await axeViolations(page, { include: '[data-slot="export"]' });
    expect(openMenu, formatViolations(openMenu)).toEqual([]);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('exports a Word document with the title page and every section, in order, as headings', async () => {
    const download = await exportBy(page, 'Word (.docx)');
    expectFileName(download, 'docx');
    const paragraphs = docxParagraphs(await bytesOf(download))
      .filter((paragraph) => paragraph.text !== '')
      .map((paragraph) => ({ ...paragraph, text: flat(paragraph.text) }));
    expect(paragraphs.find((paragraph) => paragraph.style === 'Title')?.text).toBe(DEMO_AMI_TITLE);
    for (const fact of FACTS) expect(paragraphs.map((paragraph) => paragraph.text)).toContain(fact);
    expect(paragraphs.filter((paragraph) => paragraph.style === 'Heading2').map((paragraph) => paragraph.text)).toEqual(
      AMI_TEXT_SECTIONS.map((section) => section.title),
    );
    for (const section of AMI_TEXT_SECTIONS) expect(paragraphs.map((paragraph) => paragraph.text)).toContain(section.prompt);
    await page.getByRole('status').filter({ hasText: `Fichier enregistré\u00A0: ${download.suggestedFilename()}` }).waitFor();
  });

  it('shows the progress while the PDF tool loads, then saves a PDF with every section', async () => {
    // The PDF library is held back until the progress bar has been seen, so the test does not race it.
    const release = await holdPdfLibrary(page);
    // Every state of the bar, as the page shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const text = bar?.getAttribute('aria-valuetext');
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuetext'] });
    });

    await page.getByRole('button', { name: 'Exporter' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'PDF' }).click();
    const bar = page.getByRole('progressbar', { name: 'Progression de l’export' });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toBe('Chargement de l’outil');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    // The toolbar row and what floats below it.
    const row = await page.locator('.text-workspace__bar').boundingBox();
    if (!row) throw new Error('no toolbar row');
    await page.screenshot({ path: screenshotPath('ami-text-export-progress'), clip: { x: 0, y: row.y, width: 1280, height: row.height + 120 } });
    const exporting = await axeViolations(page, { include: '[data-slot="export"]' });
    expect(exporting, formatViolations(exporting)).toEqual([]);
    await release();

    const download = await downloading;
    expectFileName(download, 'pdf');
    await bar.waitFor({ state: 'detached' });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const total = AMI_TEXT_SECTIONS.length;
    expect(seen[0]).toBe('Chargement de l’outil');
    expect(seen).toContain(`Mise en page des sections (${total}/${total})`);
    expect(seen.at(-1)).toBe('Finalisation');

    pdfBytes = await bytesOf(download);
    const pages = (await pdfPageTexts(pdfBytes)).map(flat);
    expect(pages.length).toBeGreaterThan(1);
    for (const fact of FACTS) expect(pages[0]).toContain(fact.replace(' : ', ' '));
    const body = pages.slice(1).join(' ');
    let from = 0;
    for (const section of AMI_TEXT_SECTIONS) {
      const at = body.indexOf(flat(section.title), from);
      expect(at, section.title).toBeGreaterThanOrEqual(from);
      from = at;
    }
    expect(pages[1]).toContain(`Page 2 sur ${pages.length}`);
  });

  it('exports Markdown from the keyboard, each heading once', async () => {
    await page.getByRole('button', { name: 'Exporter' }).focus();
    await page.keyboard.press('ArrowDown');
    // « m » jumps to « Markdown (.md) ».
    await page.keyboard.press('m');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expectFileName(download, 'md');
    const markdown = new TextDecoder().decode(await bytesOf(download));
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([`# ${DEMO_AMI_TITLE}`, ...AMI_TEXT_SECTIONS.map((section) => `## ${section.title}`)]);
    expect(markdown).toContain('- **Statut**\u00A0: Ateliers');
  });

  it('lets a reader export too', async () => {
    const reader = await e2e.openPage();
    await openText(reader, e2e.server.url, DEMO.reader);
    const download = await exportBy(reader, 'Markdown (.md)');
    expect(new TextDecoder().decode(await bytesOf(download))).toContain(`## ${AMI_TEXT_SECTIONS[0]?.title}`);
  });

  it('keeps the menu and its progress on screen on a phone', async () => {
    const phone = await e2e.openPage({ viewport: { width: 390, height: 844 } });
    await openText(phone, e2e.server.url, DEMO.owner);
    await phone.getByRole('button', { name: 'Exporter' }).click();
    const menu = phone.getByRole('menu', { name: 'Exporter' });
    await menu.waitFor();
    await phone.screenshot({ path: screenshotPath('ami-text-export-menu-mobile') });
    expect(await withinWidth(menu, 390)).toBe(true);

    const release = await holdPdfLibrary(phone);
    const downloading = phone.waitForEvent('download');
    await phone.getByRole('menuitem', { name: 'PDF' }).click();
    const progress = phone.locator('.text-export-progress');
    await progress.waitFor();
    expect(await withinWidth(progress, 390)).toBe(true);
    await release();
    expectFileName(await downloading, 'pdf');
  });

  it('says in French when the export tool cannot be loaded, and the menu stays usable', async () => {
    const offline = await e2e.openPage();
    await openText(offline, e2e.server.url, DEMO.owner);
    await offline.route(/\/assets\/docx-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await offline.getByRole('button', { name: 'Exporter' }).click();
    await offline.getByRole('menuitem', { name: 'Word (.docx)' }).click();
    const alert = offline.getByRole('alert').filter({ hasText: 'L’outil d’export n’a pas pu être chargé\u00A0: vérifiez votre connexion, puis réessayez.' });
    await alert.waitFor();
    expect(await offline.getByRole('progressbar').count()).toBe(0);
    const row = await offline.locator('.text-workspace__bar').boundingBox();
    if (!row) throw new Error('no toolbar row');
    await offline.screenshot({ path: screenshotPath('ami-text-export-error'), clip: { x: 0, y: row.y, width: 1280, height: row.height + 40 } });
    // Markdown's code is another file: it still exports.
    const download = await exportBy(offline, 'Markdown (.md)');
    expectFileName(download, 'md');
  });

  it('draws the PDF (title page and first page of text) for a look', async () => {
    await screenshotPdf(await e2e.openPage(), pdfBytes, ['ami-text-export-pdf-cover', 'ami-text-export-pdf-page-2']);
    expect(e2e.pageErrors).toEqual([]);
  });
});
