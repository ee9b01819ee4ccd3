import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { AMI_TEXT_SECTIONS } from '../../../../server/src/documents/ami-text-template.ts';
import { titlePageFacts } from './export-meta.ts';
import { toPdf } from './pdf.ts';
import type { ExportProgress } from './progress.ts';
import { docFromJson, heading, item, meta, paragraph, templateDoc, text, WEIGHTS_TABLE } from './testing/fixtures.ts';
import { pdfPageTexts } from './testing/read-back.ts';
import { textModelOf } from './text-model.ts';

/** One line of text, as a reader would search it: runs of spaces (line wraps included) made one. */
const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('toPdf', () => {
  it('writes the title page, then every section of the template in order, over several numbered pages', async () => {
    const title = 'Gestion de l’eau 2026';
    const reported: ExportProgress[] = [];
    const bytes = await toPdf(textModelOf(templateDoc(title)), meta({ title }), (progress) => reported.push(progress));
    const pages = (await pdfPageTexts(bytes)).map(flat);

    expect(pages.length).toBeGreaterThan(1);
    const [cover = '', ...rest] = pages;
    expect(cover).toContain('APPEL À MANIFESTATION D’INTÉRÊT');
    expect(cover).toContain(title);
    // Roboto has no narrow no-break space: Intl's « 600 000 € » is written with a plain one.
    for (const fact of titlePageFacts(meta({ title }))) expect(cover).toContain(flat(`${fact.label} ${fact.value.replace(/\u202F/g, '\u00A0')}`));
    expect(cover).not.toMatch(/Page \d/);

    const body = rest.join(' ');
    let from = 0;
    for (const section of AMI_TEXT_SECTIONS) {
      const at = body.indexOf(flat(section.title), from);
      expect(at, section.title).toBeGreaterThanOrEqual(from);
      expect(body.indexOf(flat(section.prompt), at)).toBeGreaterThan(at);
      from = at;
    }
    // The title page stands for the template's opening heading: the title is not repeated in the text.
    expect(rest[0]?.indexOf(title)).toBe(rest[0]?.lastIndexOf(title));
    rest.forEach((page, index) => expect(page).toContain(`Page ${index + 2} sur ${pages.length}`));
    // No page ends on a heading: it goes over with its text (the running header and footer come last).
    for (const page of rest) {
      const content = page.slice(0, page.lastIndexOf(title)).trim();
      for (const section of AMI_TEXT_SECTIONS) expect(content.endsWith(flat(section.title)), section.title).toBe(false);
    }
    expect(reported.at(-1)).toEqual({ step: 'finishing' });
  });

  it('writes lists, tables, links, and the headings as nested bookmarks', async () => {
    const doc = docFromJson([
      heading(2, 'Critères'),
      heading(3, 'Pondération'),
      { type: 'orderedList', attrs: { start: 3 }, content: [item(paragraph(text('Pertinence')), { type: 'bulletList', content: [item(paragraph(text('défi territorial')))] })] },
      paragraph(text('Voir '), text('le site', [{ type: 'link', attrs: { href: 'https://www.hautsdefrance.fr' } }])),
      WEIGHTS_TABLE,
      { type: 'blockquote', content: [paragraph(text('Cité'))] },
      { type: 'codeBlock', content: [text('  indenté')] },
      { type: 'horizontalRule' },
    ]);
    const bytes = await toPdf(textModelOf(doc), meta());
    const [, page = ''] = (await pdfPageTexts(bytes)).map(flat);
    // The ordered list starts at 3, as in the editor.
    expect(page).toMatch(/Pertinence ?3\./);
    expect(page).not.toMatch(/\b1\./);
    for (const part of ['défi territorial', 'Critère', 'Poids', '30 %', '25 %', 'Total', 'Cité', 'indenté', 'Voir le site']) expect(page).toContain(part);

    const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
    const annotations = await (await pdf.getPage(2)).getAnnotations();
    expect(annotations.map((annotation: { unsafeUrl?: string }) => annotation.unsafeUrl)).toContain('https://www.hautsdefrance.fr');
    const outline = await pdf.getOutline();
    expect(outline.map((entry) => [entry.title, entry.items.map((child) => child.title)])).toEqual([['Critères', ['Pondération']]]);
    await pdf.destroy();
  });
});
