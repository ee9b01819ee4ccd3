import { describe, expect, it } from 'vitest';
import { AMI_TEXT_SECTIONS } from '../../../../server/src/documents/ami-text-template.ts';
import { toDocx } from './docx.ts';
import { factLine, titlePageFacts } from './export-meta.ts';
import type { ExportProgress } from './progress.ts';
import { docxPart, docxParagraphs } from './testing/read-back.ts';
import { docFromJson, heading, item, meta, paragraph, templateDoc, text, WEIGHTS_TABLE } from './testing/fixtures.ts';
import { textModelOf } from './text-model.ts';

describe('toDocx', () => {
  it('writes the title page, then every section of the template as a Word heading followed by its prompt', async () => {
    const title = 'Gestion de l’eau 2026 & <assainissement>';
    const reported: ExportProgress[] = [];
    const bytes = await toDocx(textModelOf(templateDoc(title)), meta({ title }), (progress) => reported.push(progress));
    const paragraphs = docxParagraphs(bytes).filter((paragraph) => paragraph.text !== '');
    // French punctuation is bound to its word by no-break spaces (the prompts have « : » and « … »).
    const bodyText = (text: string) => text.replace(/\u00A0/g, ' ');

    const facts = titlePageFacts(meta({ title })).map((fact) => factLine(meta({ title }), fact));
    expect(paragraphs.slice(0, 2 + facts.length)).toEqual([
      { style: null, text: 'APPEL À MANIFESTATION D’INTÉRÊT' },
      { style: 'Title', text: title },
      ...facts.map((fact) => ({ style: null, text: fact })),
    ]);
    const body = paragraphs.slice(2 + facts.length).map((paragraph) => ({ ...paragraph, text: bodyText(paragraph.text) }));
    expect(body).toEqual([
      { style: null, text: 'Domaine : Gestion de l’eau' },
      ...AMI_TEXT_SECTIONS.flatMap((section) => [
        { style: 'Heading2', text: section.title },
        { style: null, text: section.prompt },
      ]),
    ]);
    expect(reported.at(-2)).toEqual({ step: 'sections', done: AMI_TEXT_SECTIONS.length, total: AMI_TEXT_SECTIONS.length });
    expect(reported.at(-1)).toEqual({ step: 'finishing' });
  });

  it('gives headings an outline level, so that Word’s navigation pane lists them', async () => {
    const styles = docxPart(await toDocx(textModelOf(templateDoc('Eau')), meta()), 'word/styles.xml');
    const heading2 = /<w:style [^>]*w:styleId="Heading2"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(heading2).toContain('<w:outlineLvl w:val="1"/>');
    expect(heading2).toContain('w:color w:val="0b5563"');
  });

  it('puts the title at the top and « Page n sur N » at the bottom of each page but the first', async () => {
    const bytes = await toDocx(textModelOf(templateDoc('Eau')), meta({ title: 'Eau' }));
    const document = docxPart(bytes, 'word/document.xml');
    expect(document).toContain('<w:titlePg/>');
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((part) => docxPart(bytes, part));
    const pageFooter = footers.find((footer) => footer.includes('PAGE')) ?? '';
    expect(pageFooter).toMatch(/Page <\/w:t>[\s\S]*PAGE[\s\S]*> sur <\/w:t>[\s\S]*NUMPAGES/);
    const headers = ['word/header1.xml', 'word/header2.xml'].map((part) => docxParagraphs(bytes, part).map((paragraph) => paragraph.text).join(''));
    expect(headers.sort()).toEqual(['', 'Eau']);
  });

  it('writes real lists, bordered tables, hyperlinks and highlights', async () => {
    const doc = docFromJson([
      heading(2, 'Critères'),
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [item(paragraph(text('Pertinence')), { type: 'bulletList', content: [item(paragraph(text('défi territorial')))] })],
      },
      paragraph(text('Voir '), text('le site', [{ type: 'link', attrs: { href: 'https://www.hautsdefrance.fr' } }]), text(' et '), text('ceci', [{ type: 'highlight' }])),
      WEIGHTS_TABLE,
    ]);
    const bytes = await toDocx(textModelOf(doc), meta());
    const document = docxPart(bytes, 'word/document.xml');
    const numbering = docxPart(bytes, 'word/numbering.xml');

    // The ordered item at level 0, the bullet under it at level 1, each of its own list.
    const numbered = [...document.matchAll(/<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g)];
    expect(numbered.map((match) => match[1])).toEqual(['0', '1']);
    expect(new Set(numbered.map((match) => match[2])).size).toBe(2);
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="3"\/><w:numFmt w:val="decimal"\/>/);
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');

    const link = /<w:hyperlink [^>]*r:id="([^"]+)">(?:(?!<\/w:hyperlink>)[\s\S])*le site/.exec(document)?.[1];
    expect(docxPart(bytes, 'word/_rels/document.xml.rels')).toMatch(new RegExp(`Id="${link}"[^>]*Target="https://www.hautsdefrance.fr"`));
    expect(document).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]*?ceci/);

    expect(document).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:gridSpan w:val="2"/>');
    // « Pertinence » spans two rows: Word merges its cell with the one below, before « 25 % ».
    expect(document).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*?Pertinence[\s\S]*?30 %[\s\S]*?<w:vMerge w:val="continue"\/>[\s\S]*?25 %/);
    expect(docxParagraphs(bytes).map((paragraph) => paragraph.text)).toEqual(expect.arrayContaining(['Pertinence', 'défi territorial', 'Critère', 'Poids', '30 %', '25 %', 'Total']));
  });

  it('keeps French punctuation with its word, except in code', async () => {
    const doc = docFromJson([paragraph(text('Objet : « essai »')), paragraph(text('a : b', [{ type: 'code' }])), { type: 'codeBlock', content: [text('x ? y')] }]);
    const texts = docxParagraphs(await toDocx(textModelOf(doc), meta())).map((paragraph) => paragraph.text);
    expect(texts).toEqual(expect.arrayContaining(['Objet\u00A0: «\u00A0essai\u00A0»', 'a : b', 'x ? y']));
  });
});
