import type { Editor } from '@tiptap/core';

/**
 * Puts the caret at the start of the text block at `pos` and brings it into view (the outline's
 * headings, a search result's passage). A read-only text takes no caret focus, so the block is
 * scrolled to all the same.
 */
export function jumpTo(editor: Editor, pos: number): void {
  editor.chain().setTextSelection(pos + 1).focus(undefined, { scrollIntoView: false }).run();
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' });
}
