/**
 * What a board comment is on, in words: « Sur un post-it « Capteurs de fuite » » as a thread's
 * heading, « sur le tableau » inside a sentence, « Sur un élément supprimé » once its item is gone.
 * Pure: the words come from the dictionary, the item from the board as it is now.
 */
import type { BoardAnchor } from '@eprouvette/shared';
import type { Translate } from '../../i18n/index.ts';
import { shapePhrase } from '../a11y/shape-description.ts';
import type { ShapeLookup } from '../engine/geometry/shape-geometry.ts';

/** Whether the item a pin was put on is gone from the board. */
export function itemDeleted(anchor: BoardAnchor, lookup: ShapeLookup): boolean {
  return anchor.shapeId !== null && lookup(anchor.shapeId) === undefined;
}

/** `heading` starts a line (« Sur … »); `inline` goes inside a sentence (« sur … »). */
export function placeWords(anchor: BoardAnchor, lookup: ShapeLookup, t: Translate, form: 'heading' | 'inline'): string {
  const prefix = form === 'heading' ? 'boardComments.place' : 'boardComments.on';
  if (anchor.shapeId === null) return t(`${prefix}.canvas`);
  const shape = lookup(anchor.shapeId);
  return shape === undefined ? t(`${prefix}.deleted`) : t(`${prefix}.item`, { item: shapePhrase(shape, lookup, t) });
}
