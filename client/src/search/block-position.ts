/**
 * Where the editor's n-th top-level block starts as a place for the caret: the block itself when
 * it holds text (a paragraph, a heading), else its first paragraph (a list's first item, a table's
 * first cell). The server numbers a text's blocks the same way (`readTopLevelBlocks`), since
 * y-prosemirror keeps the text's top-level nodes in the editor's order.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export function blockPosition(doc: ProseMirrorNode, index: number): number | null {
  if (!Number.isInteger(index) || index < 0 || index >= doc.childCount) return null;
  let start = 0;
  for (let child = 0; child < index; child++) start += doc.child(child).nodeSize;
  const block = doc.child(index);
  if (block.isTextblock) return start;
  let found: number | null = null;
  block.descendants((node, offset) => {
    if (found === null && node.isTextblock) found = start + 1 + offset;
    return found === null;
  });
  return found;
}
