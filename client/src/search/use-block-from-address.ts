import { useEffect } from 'react';
import type { Editor } from '@tiptap/core';
import { jumpTo } from '../ami-text/editor/jump-to.ts';
import { blockPosition } from './block-position.ts';
import { blockToShow } from './search-links.ts';

/**
 * Opens the text at the block the address names (`#bloc-<n>`, from a search result) once the text
 * is loaded: the caret goes there and the block is scrolled into view, as the outline does.
 */
export function useBlockFromAddress(editor: Editor, loaded: boolean): void {
  useEffect(() => {
    const block = blockToShow(window.location.hash);
    if (!loaded || block === null) return;
    const show = (): boolean => {
      const position = blockPosition(editor.state.doc, block);
      if (position !== null) jumpTo(editor, position);
      return position !== null;
    };
    if (show()) return;
    // The editor may render the synced text a moment after the connection says it is loaded.
    const retry = () => {
      if (show()) editor.off('transaction', retry);
    };
    editor.on('transaction', retry);
    return () => {
      editor.off('transaction', retry);
    };
  }, [editor, loaded]);
}
