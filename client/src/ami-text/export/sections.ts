/**
 * What follows the title page, cut into the sections the exporters lay out one by one (and count
 * in their progress).
 */
import { inlineText, type Block, type TextModel } from './text-model.ts';

function sameTitle(a: string, b: string): boolean {
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  return clean(a) === clean(b);
}

/**
 * The blocks of the body. The template opens the text with the AMI's title as a level-1 heading;
 * the title page already shows it, so that heading is not repeated (a different opening heading
 * is the author's and stays).
 */
export function bodyBlocks(model: TextModel, title: string): readonly Block[] {
  const [first, ...rest] = model.blocks;
  if (first?.kind === 'heading' && first.level === 1 && sameTitle(inlineText(first.content), title)) return rest;
  return model.blocks;
}

/**
 * Sections start at each heading of level 1 or 2 (the template's sections are level 2); what comes
 * before the first one is laid out with it.
 */
export function sectionsOf(blocks: readonly Block[]): (readonly Block[])[] {
  const sections: Block[][] = [];
  let current: Block[] = [];
  let seenHeading = false;
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level <= 2) {
      if (seenHeading) {
        sections.push(current);
        current = [];
      }
      seenHeading = true;
    }
    current.push(block);
  }
  if (current.length > 0) sections.push(current);
  return sections;
}
