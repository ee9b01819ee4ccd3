import type { Editor } from '../board/engine/editor.ts';
import { elementToFocus } from './search-links.ts';

/**
 * Opens the board on the item the address names (`?element=<shape id>`, from a search result):
 * selects it and centres the view on it. False when there is none, or it is not on the board.
 */
export function focusElementFromAddress(editor: Editor, search: string): boolean {
  const element = elementToFocus(search);
  if (element === null) return false;
  editor.select([element]);
  if (!editor.getState().selection.has(element)) return false;
  editor.zoomToSelection();
  return true;
}
