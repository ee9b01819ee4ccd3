/**
 * The AMI text document as blocks to display read-only: the `XmlFragment('default')` that the
 * server seeds from the template and that the rich-text editor (Tiptap through y-prosemirror)
 * will edit. Headings keep their level (1 or 2); anything else shows as a paragraph of its text.
 */
import * as Y from 'yjs';

/** The fragment name Tiptap's Collaboration extension binds to. */
export const AMI_TEXT_FIELD = 'default';

export type TextBlock = { kind: 'heading'; level: 1 | 2; text: string } | { kind: 'paragraph'; text: string };

/** Joins text runs, ignoring marks (`toString` would spell them as XML tags). */
function plainText(node: Y.XmlElement | Y.XmlFragment): string {
  let text = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown }[]) {
        if (typeof op.insert === 'string') text += op.insert;
      }
    } else if (child instanceof Y.XmlElement) {
      text += plainText(child);
    }
  }
  return text;
}

export function textBlocks(fragment: Y.XmlFragment): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const text = plainText(node);
    if (node.nodeName === 'heading') {
      // y-prosemirror stores the level as a number; a string would come from another writer.
      const level = Number(node.getAttribute('level'));
      blocks.push({ kind: 'heading', level: level === 1 ? 1 : 2, text });
    } else if (text.trim() !== '') {
      blocks.push({ kind: 'paragraph', text });
    }
  }
  return blocks;
}
