/**
 * The AMI text as Markdown (GitHub flavour, for its tables and strikethrough): the title as the
 * one level-1 heading and the AMI's facts as a short list, then the text. The syntax tree is
 * written by mdast-util-to-markdown, which escapes whatever the text holds (`*`, `#`, `|`…).
 * Markdown has no underline or highlight: that text stays, unmarked.
 */
import type { BlockContent, Heading, List, ListItem, PhrasingContent, Root, RootContent, TableCell, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown as writeMarkdown } from 'mdast-util-to-markdown';
import { documentKind, messageParts, titlePageFacts, type TextExportMeta } from './export-meta.ts';
import { layOutSections, type ProgressListener } from './progress.ts';
import { bodyBlocks, sectionsOf } from './sections.ts';
import { tableGrid } from './table-grid.ts';
import { inlineText, linkSpans, type Block, type Inline, type TextModel } from './text-model.ts';

function marked(inline: Extract<Inline, { kind: 'text' }>): PhrasingContent {
  const { marks } = inline;
  // Code is literal: no emphasis inside it.
  if (marks.code) return { type: 'inlineCode', value: inline.text };
  let node: PhrasingContent = { type: 'text', value: inline.text };
  if (marks.strike) node = { type: 'delete', children: [node] };
  if (marks.italic) node = { type: 'emphasis', children: [node] };
  if (marks.bold) node = { type: 'strong', children: [node] };
  return node;
}

function phrasing(content: readonly Inline[]): PhrasingContent[] {
  return linkSpans(content).flatMap((span): PhrasingContent[] => {
    const nodes = span.content.map((inline): PhrasingContent => (inline.kind === 'break' ? { type: 'break' } : marked(inline)));
    return span.href === null ? nodes : [{ type: 'link', url: span.href, children: nodes }];
  });
}

/**
 * A GFM table cell holds one line: its paragraphs are joined by spaces, and what is not text
 * (a list, a nested table) by its text.
 */
function cellPhrasing(blocks: readonly Block[]): PhrasingContent[] {
  return blocks.flatMap((block, index): PhrasingContent[] => {
    const gap: PhrasingContent[] = index > 0 ? [{ type: 'text', value: ' ' }] : [];
    if (block.kind === 'heading' || block.kind === 'paragraph') {
      return [...gap, ...phrasing(block.content.map((inline) => (inline.kind === 'break' ? { kind: 'text', text: ' ', marks: {} } : inline)))];
    }
    const text = blockText(block).replace(/\s+/g, ' ').trim();
    return text === '' ? [] : [...gap, { type: 'text', value: text }];
  });
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.content);
    case 'code':
      return block.text;
    case 'rule':
      return '';
    case 'blockquote':
      return block.blocks.map(blockText).join(' ');
    case 'list':
      return block.items.map((item) => item.blocks.map(blockText).join(' ')).join(' ');
    case 'table':
      return block.rows.map((row) => row.cells.map((cell) => cell.blocks.map(blockText).join(' ')).join(' ')).join(' ');
  }
}

function blocks(content: readonly Block[]): BlockContent[] {
  return content.map((block): BlockContent => {
    switch (block.kind) {
      case 'heading':
        return { type: 'heading', depth: block.level, children: phrasing(block.content) } satisfies Heading;
      case 'paragraph':
        return { type: 'paragraph', children: phrasing(block.content) };
      case 'list':
        return {
          type: 'list',
          ordered: block.ordered,
          ...(block.ordered ? { start: block.start } : {}),
          spread: false,
          children: block.items.map((item): ListItem => ({ type: 'listItem', spread: false, children: blocks(item.blocks) })),
        } satisfies List;
      case 'blockquote':
        return { type: 'blockquote', children: blocks(block.blocks) };
      case 'code':
        return { type: 'code', lang: block.language, value: block.text };
      case 'rule':
        return { type: 'thematicBreak' };
      case 'table': {
        const grid = tableGrid(block.rows);
        return {
          type: 'table',
          children: grid.rows.map(
            (line): TableRow => ({
              type: 'tableRow',
              children: line.map((slot): TableCell => ({ type: 'tableCell', children: slot.kind === 'cell' ? cellPhrasing(slot.cell.blocks) : [] })),
            }),
          ),
        };
      }
    }
  });
}

function titleBlock(meta: TextExportMeta): RootContent[] {
  return [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: meta.title }] },
    { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: documentKind(meta) }] }] },
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: titlePageFacts(meta).map(
        (fact): ListItem => ({
          type: 'listItem',
          spread: false,
          children: [
            {
              type: 'paragraph',
              children: messageParts('textExport.doc.fact', meta.lang).map(
                (part): PhrasingContent =>
                  typeof part === 'string'
                    ? { type: 'text', value: part }
                    : part.field === 'label'
                      ? { type: 'strong', children: [{ type: 'text', value: fact.label }] }
                      : { type: 'text', value: fact.value },
              ),
            },
          ],
        }),
      ),
    },
    { type: 'thematicBreak' },
  ];
}

export async function toMarkdown(model: TextModel, meta: TextExportMeta, onProgress?: ProgressListener): Promise<string> {
  const body = await layOutSections(sectionsOf(bodyBlocks(model, meta.title)), blocks, onProgress);
  const root: Root = { type: 'root', children: [...titleBlock(meta), ...body] };
  return writeMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
}
