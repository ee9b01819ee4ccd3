import type { Heading } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { AMI_TEXT_SECTIONS } from '../../../../server/src/documents/ami-text-template.ts';
import { factLine, titlePageFacts } from './export-meta.ts';
import { toMarkdown } from './markdown.ts';
import { cell, docFromJson, item, meta, paragraph, templateDoc, text } from './testing/fixtures.ts';
import { textModelOf } from './text-model.ts';

/** The headings a Markdown reader finds, as « level text ». */
function headings(markdown: string): string[] {
  return fromMarkdown(markdown)
    .children.filter((node): node is Heading => node.type === 'heading')
    .map((node) => `${node.depth} ${toString(node)}`);
}

describe('toMarkdown', () => {
  it('has the title once as the level-1 heading, the facts, then each section once at level 2', async () => {
    const title = 'Eau *potable* #2 [phase] _test_';
    const markdown = await toMarkdown(textModelOf(templateDoc(title)), meta({ title }));
    expect(headings(markdown)).toEqual([`1 ${title}`, ...AMI_TEXT_SECTIONS.map((section) => `2 ${section.title}`)]);
    // Read back, the special characters are the title's text, not emphasis or links.
    expect(markdown.split('\n')[0]).toBe('# Eau \\*potable\\* #2 \\[phase] \\_test\\_');
    for (const fact of titlePageFacts(meta({ title }))) expect(markdown).toContain(`- ${factLine(meta({ title }), { ...fact, label: `**${fact.label}**` })}`);
    for (const section of AMI_TEXT_SECTIONS) expect(markdown).toContain(section.prompt);
  });

  it('writes marks, links, lists, quotes, code, rules and tables as GitHub Markdown', async () => {
    const doc = docFromJson([
      paragraph(
        text('gras', [{ type: 'bold' }]),
        text(' '),
        text('italique', [{ type: 'italic' }]),
        text(' '),
        text('barré', [{ type: 'strike' }]),
        text(' '),
        text('a*b', [{ type: 'code' }]),
        text(' '),
        text('souligné', [{ type: 'underline' }]),
        { type: 'hardBreak' },
        text('le site', [{ type: 'link', attrs: { href: 'https://www.hautsdefrance.fr' } }]),
      ),
      { type: 'orderedList', attrs: { start: 3 }, content: [item(paragraph(text('trois')), { type: 'bulletList', content: [item(paragraph(text('puce')))] }), item(paragraph(text('quatre')))] },
      { type: 'blockquote', content: [paragraph(text('Cité'))] },
      { type: 'codeBlock', attrs: { language: 'json' }, content: [text('{"a": 1}')] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('Critère', {}, 'tableHeader'), cell('Poids | %', {}, 'tableHeader')] },
          { type: 'tableRow', content: [cell('Total', { colspan: 2 })] },
        ],
      },
    ]);
    const markdown = await toMarkdown(textModelOf(doc), meta({ title: 'T' }));
    const body = markdown.slice(markdown.indexOf('---\n\n') + 5);
    expect(body).toBe(
      [
        '**gras** _italique_ ~~barré~~ `a*b` souligné\\',
        '[le site](https://www.hautsdefrance.fr)',
        '',
        '3. trois',
        '   - puce',
        '4. quatre',
        '',
        '> Cité',
        '',
        '```json',
        '{"a": 1}',
        '```',
        '',
        '---',
        '',
        '| Critère | Poids \\| % |',
        '| ------- | ---------- |',
        '| Total   |            |',
        '',
      ].join('\n'),
    );
  });

  it('writes the title block alone for an empty text', async () => {
    const markdown = await toMarkdown({ blocks: [] }, meta({ title: 'Vide' }));
    expect(headings(markdown)).toEqual(['1 Vide']);
    expect(markdown.trimEnd().endsWith('---')).toBe(true);
  });
});
