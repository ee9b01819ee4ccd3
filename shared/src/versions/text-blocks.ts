/**
 * The AMI text (Tiptap's ProseMirror tree in a Y.XmlFragment, through y-prosemirror) as a flat
 * list of blocks of plain text, for comparing two versions block by block: a heading, a paragraph,
 * a list item or a table cell each makes one block; lists, tables and quotes are only walked
 * through. Formatting is ignored: a comparison shows what was written.
 */
import * as Y from 'yjs';

/** The fragment Tiptap's Collaboration extension binds to, where the server seeds the text. */
export const TEXT_FRAGMENT = 'default';

export type TextBlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell';

export interface TextBlock {
  kind: TextBlockKind;
  /** Heading level (1–3); 0 for the other kinds. */
  level: number;
  text: string;
}

/** Nodes whose text makes one block (unless inside a list item or a cell, see `readItem`). */
const TEXT_NODES = new Set(['paragraph', 'heading', 'codeBlock']);
const CELL_NODES = new Set(['tableCell', 'tableHeader']);

/** The node's text, runs joined without their marks; a hard break is a line break. */
function inlineText(node: Y.XmlElement | Y.XmlFragment): string {
  let text = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') text += op.insert;
    } else if (child instanceof Y.XmlElement) {
      text += child.nodeName === 'hardBreak' ? '\n' : inlineText(child);
    }
  }
  return text;
}

/** The text of a container's own paragraphs, one per line (a list item's nested lists excluded). */
function ownParagraphs(node: Y.XmlElement): string {
  return node
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && TEXT_NODES.has(child.nodeName))
    .map(inlineText)
    .join('\n');
}

function readNode(node: Y.XmlElement, blocks: TextBlock[]): void {
  if (node.nodeName === 'heading') {
    // y-prosemirror stores the level as a number; anything else reads as the smallest heading.
    const level = Number(node.getAttribute('level'));
    blocks.push({ kind: 'heading', level: level === 1 || level === 2 || level === 3 ? level : 3, text: inlineText(node) });
  } else if (TEXT_NODES.has(node.nodeName)) {
    // Empty paragraphs are spacing, not content: a comparison would show them as noise.
    const text = inlineText(node);
    if (text.trim() !== '') blocks.push({ kind: 'paragraph', level: 0, text });
  } else if (node.nodeName === 'listItem') {
    blocks.push({ kind: 'list-item', level: 0, text: ownParagraphs(node) });
    // A nested list's items follow their parent item.
    for (const child of node.toArray()) if (child instanceof Y.XmlElement && !TEXT_NODES.has(child.nodeName)) readNode(child, blocks);
  } else if (CELL_NODES.has(node.nodeName)) {
    blocks.push({ kind: 'table-cell', level: 0, text: ownParagraphs(node) });
  } else {
    for (const child of node.toArray()) if (child instanceof Y.XmlElement) readNode(child, blocks);
  }
}

export function readTextBlocks(fragment: Y.XmlFragment): TextBlock[] {
  return readTopLevelBlocks(fragment).flat();
}

/**
 * The blocks of each top-level node of the text, by the node's index (a list or a table gives
 * several blocks, an empty paragraph none): the n-th entry is the editor's n-th top-level node,
 * which is how search results point at a passage.
 */
export function readTopLevelBlocks(fragment: Y.XmlFragment): TextBlock[][] {
  return fragment.toArray().map((node) => {
    const blocks: TextBlock[] = [];
    if (node instanceof Y.XmlElement) readNode(node, blocks);
    return blocks;
  });
}
