/**
 * Whether a board anchor can be pinned on the board it claims: a pin on an item names an item the
 * board has now (as the server holds it, which is what everyone else receives) and lies on it or
 * just beside it; a pin on the canvas is any point within the board's bounds, which the anchor's
 * schema already checked.
 */
import * as Y from 'yjs';
import type { BoardAnchor } from '@eprouvette/shared';
import { offsetFitsItem, readShape, shapesMap } from '@eprouvette/shared';

const MISSING_ITEM = 'L’élément commenté est introuvable sur ce tableau : il a peut-être été supprimé.';
const OFF_ITEM = 'L’épingle doit être placée sur l’élément commenté.';

/** The problem with pinning `anchor` on the board `boardState` (a Yjs update of the whole board), or null. */
export function boardAnchorProblem(boardState: Uint8Array, anchor: BoardAnchor): string | null {
  if (anchor.shapeId === null) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, boardState);
    const reading = readShape(anchor.shapeId, shapesMap(doc).get(anchor.shapeId));
    if (!reading.ok) return MISSING_ITEM;
    return offsetFitsItem(anchor.point, reading.shape) ? null : OFF_ITEM;
  } finally {
    doc.destroy();
  }
}
