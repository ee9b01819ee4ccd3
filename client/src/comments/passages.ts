import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** A passage that can be commented without selecting it: one heading, paragraph, list item or cell. */
export interface Passage {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

const LABEL_LENGTH = 80;

/**
 * The text's blocks in reading order, each as a passage: the way to comment with the keyboard alone
 * where the text is read-only (a read-only editor has no caret, so nothing can be selected).
 */
export function commentablePassages(doc: ProseMirrorNode): Passage[] {
  const passages: Passage[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textContent.trim().replace(/\s+/g, ' ');
    if (text !== '') {
      const label = text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text;
      passages.push({ from: pos + 1, to: pos + 1 + node.content.size, label });
    }
    return false;
  });
  return passages;
}
