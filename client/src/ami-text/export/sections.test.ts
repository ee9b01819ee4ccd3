import { describe, expect, it } from 'vitest';
import { AMI_TEXT_SECTIONS } from '../../../../server/src/documents/ami-text-template.ts';
import { bodyBlocks, sectionsOf } from './sections.ts';
import { templateDoc } from './testing/fixtures.ts';
import { inlineText, textModelOf, type Block } from './text-model.ts';

const headingText = (blocks: readonly Block[]) => blocks.flatMap((block) => (block.kind === 'heading' ? [inlineText(block.content)] : []));

describe('bodyBlocks and sectionsOf', () => {
  it('leaves out the opening heading that repeats the title, and cuts the template into its 13 sections', () => {
    const body = bodyBlocks(textModelOf(templateDoc('  Gestion de l’eau   2026 ')), 'Gestion de l’eau 2026');
    expect(headingText(body)).toEqual(AMI_TEXT_SECTIONS.map((section) => section.title));
    const sections = sectionsOf(body);
    expect(sections).toHaveLength(AMI_TEXT_SECTIONS.length);
    // The domain line before the first section is laid out with it.
    expect(sections[0]?.map((block) => block.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(sections.map((section) => headingText(section))).toEqual(AMI_TEXT_SECTIONS.map((section) => [section.title]));
  });

  it('keeps an opening heading that is not the title', () => {
    const model = textModelOf(templateDoc('Mobilités'));
    expect(bodyBlocks(model, 'Autre titre')).toBe(model.blocks);
  });

  it('starts a section at headings of level 1 and 2 only', () => {
    const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, content: [{ kind: 'text', text, marks: {} }] });
    expect(sectionsOf([h(1, 'A'), h(3, 'A.1'), h(2, 'B'), h(1, 'C')]).map(headingText)).toEqual([['A', 'A.1'], ['B'], ['C']]);
    expect(sectionsOf([])).toEqual([]);
  });
});
